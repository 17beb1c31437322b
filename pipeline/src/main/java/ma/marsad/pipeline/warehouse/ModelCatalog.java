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
import ma.marsad.pipeline.config.NearestName;
import ma.marsad.pipeline.config.YamlDocument;

/**
 * Loads the SQL models from {@code models/<layer>/<name>.sql} and their sibling {@code .yml} files, and orders them so
 * every model runs after the models it reads (found by name in its SQL).
 */
public final class ModelCatalog {

    static final String ENGINES = "engines/";
    private static final Set<String> MODEL_KEYS = Set.of("description", "grain", "materialized", "columns", "tests");
    private static final Set<String> ENGINE_KEYS =
            Set.of("written_by", "materialized", "grain", "description", "columns");
    private static final Set<String> ENGINE_COLUMN_KEYS = Set.of("name", "type", "description", "nullable");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "description", "tests");
    private static final Map<String, Set<String>> TEST_ARGUMENTS = Map.of(
            "not_null", Set.of(),
            "unique", Set.of("columns"),
            "accepted_values", Set.of("values"),
            "relationships", Set.of("to", "field"),
            "expression", Set.of());

    private final List<SqlModel> ordered;
    private final List<DocumentedTable> documentedTables;
    private final SqlMacros macros;

    private ModelCatalog(List<SqlModel> ordered, List<DocumentedTable> documentedTables, SqlMacros macros) {
        this.ordered = List.copyOf(ordered);
        this.documentedTables = List.copyOf(documentedTables);
        this.macros = macros;
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
        return new ModelCatalog(order(models), documented, SqlMacros.load(config));
    }

    /** Tables written by the pipeline's engines rather than by SQL models, documented for the data dictionary. */
    public List<DocumentedTable> documentedTables() {
        return documentedTables;
    }

    private static DocumentedTable documentedTable(String name, ConfigFolder.ConfigFile doc) {
        YamlDocument.Entry root = YamlDocument.parse(doc);
        Map<String, YamlDocument.Entry> yaml = root.mapping(ENGINE_KEYS);
        List<SqlModel.ColumnDoc> columns = new ArrayList<>();
        for (YamlDocument.Entry column : list(yaml.get("columns"))) {
            Map<String, YamlDocument.Entry> fields = column.mapping(ENGINE_COLUMN_KEYS);
            boolean nullable =
                    !fields.containsKey("nullable") || fields.get("nullable").bool();
            columns.add(new SqlModel.ColumnDoc(
                    column.required(fields, "name").nonBlankText(),
                    text(fields.get("type"), ""),
                    text(fields.get("description"), ""),
                    nullable));
        }
        return new DocumentedTable(
                name,
                text(yaml.get("materialized"), "table"),
                root.required(yaml, "written_by").nonBlankText(),
                root.required(yaml, "grain").nonBlankText(),
                text(yaml.get("description"), ""),
                columns);
    }

    /** The macros the models may call, created before them. */
    public SqlMacros macros() {
        return macros;
    }

    /** Models in an order where each comes after the models it reads. */
    public List<SqlModel> ordered() {
        return ordered;
    }

    private static SqlModel parse(
            String name, String layer, ConfigFolder.ConfigFile sqlFile, ConfigFolder.ConfigFile doc) {
        Map<String, YamlDocument.Entry> yaml =
                doc == null ? Map.of() : YamlDocument.parse(doc).mapping(MODEL_KEYS);
        String location = sqlFile.location();
        String description = text(yaml.get("description"), "");
        String materialized = text(yaml.get("materialized"), "marts".equals(layer) ? "table" : "view");
        List<SqlModel.ColumnDoc> columns = new ArrayList<>();
        List<SqlModel.DataTest> tests = new ArrayList<>();
        for (YamlDocument.Entry column : list(yaml.get("columns"))) {
            Map<String, YamlDocument.Entry> fields = column.mapping(COLUMN_KEYS);
            String columnName = column.required(fields, "name").nonBlankText();
            boolean nullable = true;
            for (YamlDocument.Entry test : list(fields.get("tests"))) {
                SqlModel.DataTest parsed = test(columnName, test);
                nullable &= !"not_null".equals(parsed.kind());
                tests.add(parsed);
            }
            columns.add(new SqlModel.ColumnDoc(
                    columnName, text(fields.get("type"), ""), text(fields.get("description"), ""), nullable));
        }
        for (YamlDocument.Entry test : list(yaml.get("tests"))) {
            tests.add(test(null, test));
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

    private static List<YamlDocument.Entry> list(YamlDocument.Entry entry) {
        return entry == null ? List.of() : entry.list();
    }

    private static String text(YamlDocument.Entry entry, String absent) {
        return entry == null ? absent : entry.text();
    }

    /** A test is a name ({@code not_null}) or a one-key mapping whose arguments are checked per kind. */
    @SuppressWarnings("unchecked")
    private static SqlModel.DataTest test(String column, YamlDocument.Entry test) {
        if (test.isScalar()) {
            return checked(test, new SqlModel.DataTest(test.nonBlankText(), column, Map.of()));
        }
        Map<String, YamlDocument.Entry> entries = test.mapping(TEST_ARGUMENTS.keySet());
        if (entries.size() != 1) {
            throw test.error("a test has " + entries.size() + " names", "write one test per '- ' line");
        }
        Map.Entry<String, YamlDocument.Entry> only =
                entries.entrySet().iterator().next();
        YamlDocument.Entry value = only.getValue();
        Map<String, Object> arguments =
                value.isMapping() ? (Map<String, Object>) value.plain() : Map.of("value", value.plain());
        if (value.isMapping()) {
            value.mapping(TEST_ARGUMENTS.get(only.getKey()));
        }
        return checked(test, new SqlModel.DataTest(only.getKey(), column, arguments));
    }

    private static SqlModel.DataTest checked(YamlDocument.Entry entry, SqlModel.DataTest test) {
        Set<String> columnTests = Set.of("not_null", "unique", "accepted_values", "relationships");
        if (columnTests.contains(test.kind()) && test.column() == null && !"unique".equals(test.kind())) {
            throw entry.error("test " + test.kind() + " is not under a column", "move it to the column's tests");
        }
        if (!columnTests.contains(test.kind()) && !"expression".equals(test.kind())) {
            String fix = NearestName.of(test.kind(), TEST_ARGUMENTS.keySet())
                    .map(nearest -> "did you mean '" + nearest + "'? ")
                    .orElse("");
            throw entry.error(
                    "unknown test '" + test.kind() + "'",
                    fix + "use not_null, unique, accepted_values, relationships or expression");
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
