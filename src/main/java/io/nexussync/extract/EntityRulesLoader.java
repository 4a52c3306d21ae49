package io.nexussync.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nexussync.config.RuleFile;

/** Reads entity rules from YAML (see {@code entities.yaml} in the jar for the format), checking every value. */
public final class EntityRulesLoader {

    public static final String SETTING = "entities.file";
    public static final String BUILT_IN = "entities.yaml";
    static final Set<String> BUILT_IN_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "DATE", "EMAIL", "URL",
            "MONEY");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private EntityRulesLoader() {
    }

    public static EntityRules load(String file) {
        return read(RuleFile.load(SETTING, file, BUILT_IN));
    }

    public static EntityRules read(RuleFile file) {
        Map<String, RuleFile.Entry> top = file.root().mapping(Set.of("custom", "aliases"));
        Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
        Map<String, List<String>> words = new LinkedHashMap<>();
        if (top.containsKey("custom")) {
            for (Map.Entry<String, RuleFile.Entry> e : top.get("custom").mapping().entrySet()) {
                String type = e.getKey();
                if (!TYPE.matcher(type).matches() || BUILT_IN_TYPES.contains(type)) {
                    throw e.getValue().error("custom type '" + type
                            + "' must be upper case ([A-Z][A-Z0-9_]*) and not a built-in type");
                }
                Map<String, RuleFile.Entry> rule = e.getValue().mapping(Set.of("regex", "words"));
                if (rule.isEmpty()) {
                    throw e.getValue().error("custom type '" + type + "' needs 'regex' or 'words'");
                }
                if (rule.containsKey("regex")) {
                    List<Pattern> list = new ArrayList<>();
                    for (RuleFile.Entry r : rule.get("regex").list()) {
                        list.add(r.regex(0));
                    }
                    patterns.put(type, List.copyOf(list));
                }
                if (rule.containsKey("words")) {
                    words.put(type, rule.get("words").texts());
                }
            }
        }
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (top.containsKey("aliases")) {
            for (Map.Entry<String, RuleFile.Entry> byType : top.get("aliases").mapping().entrySet()) {
                if (!TYPE.matcher(byType.getKey()).matches()) {
                    throw byType.getValue().error("'" + byType.getKey() + "' is not an entity type");
                }
                Map<String, String> table = new LinkedHashMap<>();
                for (Map.Entry<String, RuleFile.Entry> canonical : byType.getValue().mapping().entrySet()) {
                    for (String alias : canonical.getValue().texts()) {
                        table.put(EntityNames.fold(alias), EntityNames.fold(canonical.getKey()));
                    }
                }
                aliases.put(byType.getKey(), Map.copyOf(table));
            }
        }
        return new EntityRules(Map.copyOf(patterns), Map.copyOf(words), Map.copyOf(aliases));
    }
}
