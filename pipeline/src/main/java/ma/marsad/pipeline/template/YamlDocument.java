package ma.marsad.pipeline.template;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * A YAML file read as a tree of nodes that remember their line, so that every problem in a contract is reported as
 * {@code file:line: problem. Fix: …}. Scalars are read as written (no YAML 1.1 guessing: {@code no} stays {@code
 * no}).
 */
final class YamlDocument {

    private final String location;

    private YamlDocument(String location) {
        this.location = location;
    }

    static Entry parse(String location, String content) {
        YamlDocument document = new YamlDocument(location);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new InvalidContractException(location + ":" + (mark == null ? "?" : mark.getLine() + 1)
                    + ": not valid YAML (" + e.getProblem() + "). Fix: check the indentation and quoting there");
        }
        if (root == null) {
            throw new InvalidContractException(location + ":1: the file is empty. Fix: write the contract as described"
                    + " in the README of the templates folder");
        }
        return document.new Entry("(document)", root);
    }

    /** A value in the document, with the key it was found under. */
    final class Entry {
        private final String name;
        private final Node node;

        Entry(String name, Node node) {
            this.name = name;
            this.node = node;
        }

        String name() {
            return name;
        }

        int line() {
            return node.getStartMark().getLine() + 1;
        }

        InvalidContractException error(String problem, String fix) {
            return new InvalidContractException(location + ":" + line() + ": " + problem + ". Fix: " + fix);
        }

        boolean isScalar() {
            return node instanceof ScalarNode;
        }

        String text() {
            if (!(node instanceof ScalarNode scalar)) {
                throw error("'" + name + "' must be a single value", "write it as 'key: value'");
            }
            return scalar.getValue();
        }

        String nonBlankText() {
            String value = text();
            if (value.isBlank()) {
                throw error("'" + name + "' is empty", "give it a value");
            }
            return value;
        }

        boolean bool() {
            String value = text();
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error("'" + name + "' is '" + value + "'", "write true or false");
            };
        }

        int integer() {
            String value = text();
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error("'" + name + "' is '" + value + "', not a whole number", "write a number such as 1");
            }
        }

        List<Entry> list() {
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

        List<String> textList() {
            return list().stream().map(Entry::nonBlankText).toList();
        }

        /** The entries of a mapping, checked against the keys allowed here. */
        Map<String, Entry> mapping(Set<String> allowedKeys) {
            Map<String, Entry> entries = rawMapping();
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                if (!allowedKeys.contains(entry.getKey())) {
                    throw entry.getValue()
                            .error(
                                    "unknown key '" + entry.getKey() + "' in " + name,
                                    "use one of "
                                            + String.join(
                                                    ", ",
                                                    allowedKeys.stream()
                                                            .sorted()
                                                            .toList()) + " (check the spelling)");
                }
            }
            return entries;
        }

        /** The entries of a mapping whose keys are free (e.g. value aliases). */
        Map<String, Entry> rawMapping() {
            if (!(node instanceof MappingNode mapping)) {
                throw error("'" + name + "' must be a mapping of 'key: value' lines", "indent its keys under it");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Entry key = new Entry(name, tuple.getKeyNode());
                String keyText = key.text();
                if (entries.putIfAbsent(keyText, new Entry(keyText, tuple.getValueNode())) != null) {
                    throw key.error("key '" + keyText + "' appears twice in " + name, "keep one of them");
                }
            }
            return entries;
        }
    }
}
