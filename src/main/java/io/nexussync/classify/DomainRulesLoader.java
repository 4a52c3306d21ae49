package io.nexussync.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nexussync.classify.DomainRules.Domain;
import io.nexussync.classify.DomainRules.Weighted;
import io.nexussync.config.RuleFile;

/** Reads domain rules from YAML (see {@code domains.yaml} in the jar for the format), checking every value. */
public final class DomainRulesLoader {

    public static final String SETTING = "domains.file";
    public static final String BUILT_IN = "domains.yaml";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]*(/[a-z][a-z0-9_-]*)*");

    private DomainRulesLoader() {
    }

    public static DomainRules load(String file) {
        return read(RuleFile.load(SETTING, file, BUILT_IN));
    }

    public static DomainRules read(RuleFile file) {
        Map<String, RuleFile.Entry> top = file.root().mapping(
                Set.of("threshold", "secondary-ratio", "scale", "subdomain-threshold", "subdomain-share",
                        "length-norm", "default", "forced-collections", "domains"));
        double threshold = number(top, "threshold", 0.5, 0, 1);
        double secondaryRatio = number(top, "secondary-ratio", 0.6, 0, 1);
        double scale = number(top, "scale", 6, 0.01, 1000);
        double subdomainThreshold = number(top, "subdomain-threshold", threshold, 0, 1);
        double subdomainShare = number(top, "subdomain-share", 0, 0, 1);
        double lengthNorm = number(top, "length-norm", 0, 0, 1_000_000);
        String defaultDomain = top.containsKey("default") ? top.get("default").text() : "general";
        if (!top.containsKey("domains")) {
            throw file.root().error("no 'domains' defined");
        }
        List<Domain> domains = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, RuleFile.Entry> e : top.get("domains").mapping().entrySet()) {
            Domain domain = domain(e.getKey(), e.getValue());
            if (domain.parent() != null && !keys.contains(domain.parent())) {
                throw e.getValue().error("domain '" + domain.key() + "' comes before its parent '" + domain.parent()
                        + "' (define parents first)");
            }
            keys.add(domain.key());
            domains.add(domain);
        }
        if (keys.contains(defaultDomain)) {
            throw top.get("default").error("the default domain '" + defaultDomain + "' must not have rules");
        }
        Map<String, String> forced = new LinkedHashMap<>();
        if (top.containsKey("forced-collections")) {
            for (Map.Entry<String, RuleFile.Entry> e : top.get("forced-collections").mapping().entrySet()) {
                String target = e.getValue().text();
                if (!keys.contains(target) && !target.equals(defaultDomain)) {
                    throw e.getValue().error("collection '" + e.getKey() + "' is forced to unknown domain '" + target
                            + "'");
                }
                forced.put(e.getKey(), target);
            }
        }
        return new DomainRules(threshold, secondaryRatio, scale, subdomainThreshold, subdomainShare, lengthNorm,
                defaultDomain, Map.copyOf(forced),
                List.copyOf(domains));
    }

    private static Domain domain(String key, RuleFile.Entry entry) {
        if (!KEY.matcher(key).matches()) {
            throw entry.error("domain key '" + key + "' must be lower-case words separated by '/'");
        }
        Map<String, RuleFile.Entry> fields = entry.mapping(
                Set.of("name", "collections", "metadata", "keywords", "patterns"));
        String name = fields.containsKey("name") ? fields.get("name").text() : key;

        List<Weighted<Pattern>> collections = new ArrayList<>();
        if (fields.containsKey("collections")) {
            Map<String, RuleFile.Entry> c = fields.get("collections").mapping(Set.of("weight", "patterns"));
            double weight = number(c, "weight", 4, 0, 100);
            for (RuleFile.Entry glob : required(fields.get("collections"), c, "patterns").list()) {
                collections.add(new Weighted<>(glob(glob.text()), weight));
            }
        }

        Map<String, Weighted<List<String>>> metadata = new LinkedHashMap<>();
        if (fields.containsKey("metadata")) {
            for (Map.Entry<String, RuleFile.Entry> m : fields.get("metadata").mapping().entrySet()) {
                Map<String, RuleFile.Entry> rule = m.getValue().mapping(Set.of("weight", "values"));
                List<String> values = required(m.getValue(), rule, "values").texts().stream()
                        .map(v -> v.toLowerCase(Locale.ROOT)).toList();
                metadata.put(m.getKey(), new Weighted<>(values, number(rule, "weight", 4, 0, 100)));
            }
        }

        List<Weighted<String>> keywords = new ArrayList<>();
        if (fields.containsKey("keywords")) {
            for (Map.Entry<String, RuleFile.Entry> group : fields.get("keywords").mapping().entrySet()) {
                double weight;
                try {
                    weight = Double.parseDouble(group.getKey());
                } catch (NumberFormatException e) {
                    throw group.getValue().error("keywords are grouped by weight; '" + group.getKey()
                            + "' is not a number");
                }
                for (String word : group.getValue().texts()) {
                    keywords.add(new Weighted<>(word.toLowerCase(Locale.ROOT).trim(), weight));
                }
            }
        }

        List<Weighted<Pattern>> patterns = new ArrayList<>();
        if (fields.containsKey("patterns")) {
            for (RuleFile.Entry p : fields.get("patterns").list()) {
                Map<String, RuleFile.Entry> rule = p.mapping(Set.of("regex", "weight"));
                Pattern regex = required(p, rule, "regex").regex(Pattern.CASE_INSENSITIVE);
                patterns.add(new Weighted<>(regex, number(rule, "weight", 1, 0, 100)));
            }
        }
        return new Domain(key, name, List.copyOf(collections), Map.copyOf(metadata), List.copyOf(keywords),
                List.copyOf(patterns));
    }

    private static RuleFile.Entry required(RuleFile.Entry parent, Map<String, RuleFile.Entry> fields, String key) {
        RuleFile.Entry entry = fields.get(key);
        if (entry == null) {
            throw parent.error("'" + key + "' is missing");
        }
        return entry;
    }

    private static double number(Map<String, RuleFile.Entry> fields, String key, double dflt, double min,
            double max) {
        return fields.containsKey(key) ? fields.get(key).number(min, max) : dflt;
    }

    /** A case-insensitive glob: '*' any run of characters, '?' one character. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
