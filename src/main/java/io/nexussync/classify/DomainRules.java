package io.nexussync.classify;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Domain classification rules, as loaded from YAML: per domain the evidence that counts for it, and the thresholds
 * that turn scores into domains.
 *
 * @param threshold       confidence a domain needs to be assigned
 * @param secondaryRatio  a further top-level domain is assigned when its score is at least this share of the best
 * @param scale           score at which confidence reaches 1 - 1/e; confidence = 1 - exp(-score / scale)
 * @param subdomainThreshold confidence a sub-domain's own evidence needs to replace its parent
 * @param subdomainShare  share of its parent's total score a sub-domain's own evidence needs to replace the parent
 * @param lengthNorm      text evidence of a document longer than this many words is scaled by
 *                        {@code sqrt(lengthNorm / words)}, so long documents do not reach every domain; 0 disables
 * @param defaultDomain   the domain of a document no rule reaches
 * @param forced          collection name (exact) to the domain its documents always get
 * @param domains         every domain, parents before their sub-domains
 */
public record DomainRules(double threshold, double secondaryRatio, double scale, double subdomainThreshold,
        double subdomainShare, double lengthNorm, String defaultDomain,
        Map<String, String> forced, List<Domain> domains) {

    /** One weighted piece of evidence. */
    public record Weighted<T>(T match, double weight) {
    }

    /**
     * @param key         {@code legal} or {@code legal/contracts}; the part before the last '/' is the parent
     * @param collections collection-name patterns (globs, case-insensitive)
     * @param metadata    payload field to the values (lower case) that count for the domain
     * @param keywords    lower-case words or phrases
     * @param patterns    regular expressions over the text
     */
    public record Domain(String key, String name, List<Weighted<Pattern>> collections,
            Map<String, Weighted<List<String>>> metadata, List<Weighted<String>> keywords,
            List<Weighted<Pattern>> patterns) {

        public String parent() {
            int slash = key.lastIndexOf('/');
            return slash < 0 ? null : key.substring(0, slash);
        }

        public boolean isTopLevel() {
            return parent() == null;
        }
    }
}
