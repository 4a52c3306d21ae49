package io.nexussync.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML rules file read as a node tree, so that every error names the file, the line and what is wrong: an operator
 * who breaks a rules file gets one start-up line pointing at it, not a stack trace.
 */
public final class RuleFile {

    private final String settingKey;
    private final String source;
    private final Node root;

    private RuleFile(String settingKey, String source, Node root) {
        this.settingKey = settingKey;
        this.source = source;
        this.root = root;
    }

    /** Reads {@code file}, or the built-in {@code resource} when {@code file} is empty. */
    public static RuleFile load(String settingKey, String file, String resource) {
        if (file == null || file.isBlank()) {
            InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("built-in rules " + resource + " missing from the jar");
            }
            return parse(settingKey, "built-in " + resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try {
            return parse(settingKey, file, Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidSettingException(settingKey, "'" + file + "' cannot be read");
        }
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static RuleFile parse(String settingKey, String source, Reader reader) {
        try (reader) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (!(root instanceof MappingNode)) {
                throw new InvalidSettingException(settingKey, source + " line 1: expected a mapping of rules");
            }
            return new RuleFile(settingKey, source, root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new InvalidSettingException(settingKey, source + " line " + line + ": " + e.getProblem());
        } catch (IOException e) {
            throw new InvalidSettingException(settingKey, source + " cannot be read");
        }
    }

    public Entry root() {
        return new Entry(root);
    }

    /** One node of the file, with typed accessors that fail naming its line. */
    public final class Entry {

        private final Node node;

        private Entry(Node node) {
            this.node = node;
        }

        public int line() {
            return node.getStartMark().getLine() + 1;
        }

        public InvalidSettingException error(String problem) {
            return new InvalidSettingException(settingKey, source + " line " + line() + ": " + problem);
        }

        public boolean isMapping() {
            return node instanceof MappingNode;
        }

        /** The entries of a mapping, in file order, with their (scalar) keys. */
        public Map<String, Entry> mapping() {
            if (!(node instanceof MappingNode map)) {
                throw error("expected a mapping");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                Entry key = new Entry(tuple.getKeyNode());
                if (entries.put(key.text(), new Entry(tuple.getValueNode())) != null) {
                    throw key.error("duplicate key '" + key.text() + "'");
                }
            }
            return entries;
        }

        /** The mapping's entries, refusing keys outside {@code allowed} (a typo would otherwise be ignored). */
        public Map<String, Entry> mapping(Set<String> allowed) {
            Map<String, Entry> entries = mapping();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw e.getValue().error("unknown key '" + e.getKey() + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
            return entries;
        }

        public List<Entry> list() {
            if (node instanceof ScalarNode) {
                return List.of(this);
            }
            if (!(node instanceof SequenceNode seq)) {
                throw error("expected a list");
            }
            List<Entry> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(new Entry(item));
            }
            return items;
        }

        public List<String> texts() {
            return list().stream().map(Entry::text).toList();
        }

        public String text() {
            if (!(node instanceof ScalarNode scalar)) {
                throw error("expected a single value");
            }
            return scalar.getValue();
        }

        public double number(double min, double max) {
            try {
                double value = Double.parseDouble(text().trim());
                if (value < min || value > max) {
                    throw error("'" + text() + "' is not between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw error("'" + text() + "' is not a number");
            }
        }

        public Pattern regex(int flags) {
            try {
                return Pattern.compile(text(), flags);
            } catch (PatternSyntaxException e) {
                throw error("invalid regular expression: " + e.getDescription());
            }
        }
    }
}
