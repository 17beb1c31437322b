package ma.marsad.pipeline.warehouse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import ma.marsad.pipeline.config.ConfigFolder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the SQL models from {@code models/<layer>/<name>.sql} and their sibling {@code .yml} files, and orders them so
 * every model runs after the models it reads (found by name in its SQL).
 */
public final class ModelCatalog {

    static final String ENGINES = "engines/";

    private final List<SqlModel> ordered;
    private final List<DocumentedTable> documentedTables;

    private ModelCatalog(List<SqlModel> ordered, List<DocumentedTable> documentedTables) {
        this.ordered = List.copyOf(ordered);
        this.documentedTables = List.copyOf(documentedTables);
    }

    public static ModelCatalog load(ConfigFolder config) {
        Map<String, ConfigFolder.ConfigFile> docs = new HashMap<>();
        for (ConfigFolder.ConfigFile file : config.list("models", ".yml")) {
            docs.put(file.relativePath().replaceFirst("\\.yml$", ""), file);
        }
        Map<String, SqlModel> models = new LinkedHashMap<>();
        for (ConfigFolder.ConfigFile file : config.list("models", ".sql")) {
            String base = file.relativePath().replaceFirst("\\.sql$", "");
            int slash = base.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException(
                        file.location() + ": put the model in a layer folder (staging/, intermediate/ or marts/)");
            }
            String layer = base.substring(0, slash);
            String name = base.substring(base.lastIndexOf('/') + 1);
            SqlModel model = parse(name, layer, file, docs.get(base));
            if (models.put(name, model) != null) {
                throw new IllegalArgumentException(file.location() + ": a model named " + name + " already exists");
            }
        }
        List<DocumentedTable> documented = new ArrayList<>();
        for (String doc : docs.keySet()) {
            String name = doc.substring(doc.lastIndexOf('/') + 1);
            if (doc.startsWith(ENGINES)) {
                documented.add(documentedTable(name, docs.get(doc)));
                continue;
            }
            if (!models.containsKey(name)) {
                throw new IllegalArgumentException(
                        docs.get(doc).location() + ": no model " + name + ".sql beside this file");
            }
        }
        documented.sort(java.util.Comparator.comparing(DocumentedTable::name));
        return new ModelCatalog(order(models), documented);
    }

    /** Tables written by the pipeline's engines rather than by SQL models, documented for the data dictionary. */
    public List<DocumentedTable> documentedTables() {
        return documentedTables;
    }

    @SuppressWarnings("unchecked")
    private static DocumentedTable documentedTable(String name, ConfigFolder.ConfigFile doc) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(doc.content());
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(doc.location() + ": expected a mapping with written_by, grain, columns");
        }
        Map<String, Object> yaml = (Map<String, Object>) map;
        List<SqlModel.ColumnDoc> columns = new ArrayList<>();
        for (Object entry : (List<Object>) yaml.getOrDefault("columns", List.of())) {
            Map<String, Object> column = (Map<String, Object>) entry;
            columns.add(new SqlModel.ColumnDoc(
                    String.valueOf(column.get("name")), String.valueOf(column.getOrDefault("description", ""))));
        }
        return new DocumentedTable(
                name,
                (String) yaml.get("written_by"),
                (String) yaml.get("grain"),
                String.valueOf(yaml.getOrDefault("description", "")),
                columns);
    }

    /** Models in an order where each comes after the models it reads. */
    public List<SqlModel> ordered() {
        return ordered;
    }

    @SuppressWarnings("unchecked")
    private static SqlModel parse(
            String name, String layer, ConfigFolder.ConfigFile sqlFile, ConfigFolder.ConfigFile doc) {
        Map<String, Object> yaml = Map.of();
        if (doc != null) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(doc.content());
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(
                        doc.location() + ": expected a mapping with description and columns");
            }
            yaml = (Map<String, Object>) map;
        }
        String location = sqlFile.location();
        String description = (String) yaml.getOrDefault("description", "");
        String materialized = (String) yaml.getOrDefault("materialized", "marts".equals(layer) ? "table" : "view");
        List<SqlModel.ColumnDoc> columns = new ArrayList<>();
        List<SqlModel.DataTest> tests = new ArrayList<>();
        for (Object entry : (List<Object>) yaml.getOrDefault("columns", List.of())) {
            Map<String, Object> column = (Map<String, Object>) entry;
            String columnName = String.valueOf(column.get("name"));
            columns.add(new SqlModel.ColumnDoc(columnName, String.valueOf(column.getOrDefault("description", ""))));
            for (Object test : (List<Object>) column.getOrDefault("tests", List.of())) {
                tests.add(test(doc == null ? location : doc.location(), columnName, test));
            }
        }
        for (Object test : (List<Object>) yaml.getOrDefault("tests", List.of())) {
            tests.add(test(doc == null ? location : doc.location(), null, test));
        }
        return new SqlModel(
                name,
                layer,
                sqlFile.content(),
                SqlModel.grainOf(sqlFile.content()),
                location,
                description,
                materialized,
                columns,
                tests);
    }

    @SuppressWarnings("unchecked")
    private static SqlModel.DataTest test(String location, String column, Object test) {
        if (test instanceof String kind) {
            return checked(location, new SqlModel.DataTest(kind, column, Map.of()));
        }
        if (test instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            Object value = entry.getValue();
            Map<String, Object> arguments =
                    value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", value);
            return checked(location, new SqlModel.DataTest(String.valueOf(entry.getKey()), column, arguments));
        }
        throw new IllegalArgumentException(
                location + ": a test is a name (not_null) or a one-key mapping, not " + test);
    }

    private static SqlModel.DataTest checked(String location, SqlModel.DataTest test) {
        Set<String> columnTests = Set.of("not_null", "unique", "accepted_values", "relationships");
        if (columnTests.contains(test.kind()) && test.column() == null && !"unique".equals(test.kind())) {
            throw new IllegalArgumentException(location + ": test " + test.kind() + " belongs under a column");
        }
        if (!columnTests.contains(test.kind()) && !"expression".equals(test.kind())) {
            throw new IllegalArgumentException(location + ": unknown test '" + test.kind()
                    + "'; use not_null, unique, accepted_values, relationships or expression");
        }
        return test;
    }

    private static List<SqlModel> order(Map<String, SqlModel> models) {
        Map<String, Set<String>> dependencies = new HashMap<>();
        for (SqlModel model : models.values()) {
            Set<String> reads = new LinkedHashSet<>();
            String sql = stripComments(model.sql());
            for (String other : models.keySet()) {
                if (!other.equals(model.name())
                        && Pattern.compile("(?<![\\w.])" + other + "\\b")
                                .matcher(sql)
                                .find()) {
                    reads.add(other);
                }
            }
            dependencies.put(model.name(), reads);
        }
        List<SqlModel> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String layer : SqlModel.LAYERS) {
            for (SqlModel model : models.values()) {
                if (model.layer().equals(layer)) {
                    visit(model.name(), models, dependencies, done, new ArrayDeque<>(), ordered);
                }
            }
        }
        return ordered;
    }

    private static void visit(
            String name,
            Map<String, SqlModel> models,
            Map<String, Set<String>> dependencies,
            Set<String> done,
            Deque<String> path,
            List<SqlModel> ordered) {
        if (done.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            throw new IllegalArgumentException(
                    "SQL models read each other in a cycle: " + String.join(" -> ", path) + " -> " + name);
        }
        path.push(name);
        for (String dependency : dependencies.get(name)) {
            visit(dependency, models, dependencies, done, path, ordered);
        }
        path.pop();
        done.add(name);
        ordered.add(models.get(name));
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("--[^\n]*", " ");
    }
}
