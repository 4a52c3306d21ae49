package io.nexussync.classify;

import java.util.List;

/** The domains of one document, primary first, each with its confidence (0..1). */
public record Classification(List<DomainScore> domains) {

    public record DomainScore(String key, double confidence) {

        /** The top-level domain: {@code legal} for {@code legal/contracts}. */
        public String root() {
            int slash = key.indexOf('/');
            return slash < 0 ? key : key.substring(0, slash);
        }
    }

    public Classification {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("a classification names at least one domain");
        }
        domains = List.copyOf(domains);
    }

    public DomainScore primary() {
        return domains.get(0);
    }
}
