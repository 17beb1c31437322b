package ma.marsad.pipeline.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A configuration YAML file read as a tree of nodes that remember their line, so that every problem is reported as
 * {@code file:line: problem. Fix: …}: unknown keys (with the nearest valid one), missing keys, duplicate keys, wrong
 * shapes. Scalars are read as written (no YAML 1.1 guessing: {@code no} stays {@code no}, {@code 2024-01-01} stays
 * text). Every configuration file of Marsad is read through this class.
 */
public final class YamlDocument {

    private final String location;

    private YamlDocument(String location) {
        this.location = location;
    }

    public static Entry parse(ConfigFolder.ConfigFile file) {
        return parse(file.location(), file.content());
    }

    public static Entry parse(String location, String content) {
        YamlDocument document = new YamlDocument(location);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new InvalidConfigurationException(location + ":" + (mark == null ? "?" : mark.getLine() + 1)
                    + ": not valid YAML (" + e.getProblem() + "). Fix: check the indentation and quoting there");
        }
        if (root == null) {
            throw new InvalidConfigurationException(
                    location + ":1: the file is empty. Fix: write it as the README of" + " its folder describes");
        }
        return document.new Entry("(document)", root);
    }

    /** A value in the document, with the key it was found under. */
    public final class Entry {
        private final String name;
        private final Node node;
        private final Node keyNode;

        Entry(String name, Node node) {
            this(name, node, null);
        }

        private Entry(String name, Node node, Node keyNode) {
            this.name = name;
            this.node = node;
            this.keyNode = keyNode;
        }

        public String name() {
            return name;
        }

        public int line() {
            return node.getStartMark().getLine() + 1;
        }

        /** {@code file:line} of this value. */
        public String where() {
            return location + ":" + line();
        }

        public InvalidConfigurationException error(String problem, String fix) {
            return new InvalidConfigurationException(where() + ": " + problem + ". Fix: " + fix);
        }

        public boolean isScalar() {
            return node instanceof ScalarNode;
        }

        public boolean isMapping() {
            return node instanceof MappingNode;
        }

        public String text() {
            if (!(node instanceof ScalarNode scalar)) {
                throw error("'" + name + "' must be a single value", "write it as 'key: value'");
            }
            return scalar.getValue();
        }

        public String nonBlankText() {
            String value = text();
            if (value.isBlank()) {
                throw error("'" + name + "' is empty", "give it a value");
            }
            return value;
        }

        public boolean bool() {
            String value = text();
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error("'" + name + "' is '" + value + "'", "write true or false");
            };
        }

        public int integer() {
            String value = text();
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error("'" + name + "' is '" + value + "', not a whole number", "write a number such as 1");
            }
        }

        public double number() {
            String value = text();
            try {
                return Double.parseDouble(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("'" + name + "' is '" + value + "', not a number", "write it without quotes or unit");
            }
        }

        public List<Entry> list() {
            if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
                return List.of(this); // a single value stands for a list of one
            }
            if (!(node instanceof SequenceNode sequence)) {
                throw error("'" + name + "' must be a list", "write [a, b] or one '- item' per line");
            }
            List<Entry> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(new Entry(name + "[]", item));
            }
            return items;
        }

        public List<String> textList() {
            return list().stream().map(Entry::nonBlankText).toList();
        }

        /** The entries of a mapping, checked against the keys allowed here. */
        public Map<String, Entry> mapping(Set<String> allowedKeys) {
            Map<String, Entry> entries = rawMapping();
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                if (!allowedKeys.contains(entry.getKey())) {
                    String allowed = String.join(", ", new TreeSet<>(allowedKeys));
                    String fix = NearestName.of(entry.getKey(), allowedKeys)
                            .map(nearest -> "did you mean '" + nearest + "'? The keys here are " + allowed)
                            .orElse("use one of " + allowed + " (check the spelling)");
                    throw entry.getValue().keyError("unknown key '" + entry.getKey() + "' in " + name, fix);
                }
            }
            return entries;
        }

        /** The entries of a mapping whose keys are free (e.g. value aliases, message keys). */
        public Map<String, Entry> rawMapping() {
            if (!(node instanceof MappingNode mapping)) {
                throw error("'" + name + "' must be a mapping of 'key: value' lines", "indent its keys under it");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Entry key = new Entry(name, tuple.getKeyNode());
                String keyText = key.text();
                if (entries.putIfAbsent(keyText, new Entry(keyText, tuple.getValueNode(), tuple.getKeyNode()))
                        != null) {
                    throw key.error("key '" + keyText + "' appears twice in " + name, "keep one of them");
                }
            }
            return entries;
        }

        /** A key of a mapping that must be there; its absence is reported at the mapping's line. */
        public Entry required(Map<String, Entry> entries, String key) {
            Entry entry = entries.get(key);
            if (entry == null) {
                throw error("'" + key + "' is missing in " + name, "add '" + key + ":'");
            }
            return entry;
        }

        /**
         * The value as plain Java data for free-form parts: text for a scalar, a list, or a mapping with text keys in
         * file order.
         */
        public Object plain() {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode) {
                return list().stream().map(Entry::plain).toList();
            }
            Map<String, Object> values = new LinkedHashMap<>();
            rawMapping().forEach((key, value) -> values.put(key, value.plain()));
            return values;
        }

        /** An error about this entry's key, at the key's line (a block value starts on a later line). */
        private InvalidConfigurationException keyError(String problem, String fix) {
            int keyLine = keyNode == null ? line() : keyNode.getStartMark().getLine() + 1;
            return new InvalidConfigurationException(location + ":" + keyLine + ": " + problem + ". Fix: " + fix);
        }
    }
}
