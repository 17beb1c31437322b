package ma.marsad.pipeline.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The warehouse's data dictionary as Markdown, generated from the SQL models: each model's grain (the leading {@code
 * -- grain:} comment of its {@code .sql}), and the description, columns and data tests of its sibling {@code .yml}.
 * Published tables ({@code marts/}) come first, then the build-time views they are made from. The output depends on
 * the model files only, so a committed copy can be checked for staleness.
 */
public final class DataDictionary {

    private static final List<String> LAYER_ORDER = List.of("marts", "intermediate", "staging");
    private static final Map<String, String> LAYER_TITLES = Map.of(
            "marts", "Published tables (marts)",
            "intermediate", "Build-time views: intermediate",
            "staging", "Build-time views: staging");

    private DataDictionary() {}

    /** The dictionary of every model in the catalog, in Markdown. */
    public static String render(ModelCatalog catalog) {
        List<SqlModel> models = catalog.ordered().stream()
                .sorted(Comparator.comparing((SqlModel model) -> LAYER_ORDER.indexOf(model.layer()))
                        .thenComparing(SqlModel::name))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("# Marsad warehouse data dictionary\n\n");
        out.append("Generated from the SQL models in `pipeline/src/main/resources/marsad/models/` (each model's")
                .append(" `-- grain:` comment and its `.yml` description, columns and tests). Do not edit by hand:")
                .append(" change the models, then regenerate it with")
                .append(" `mvn -q -pl pipeline test -Dtest=DataDictionaryTests -Dmarsad.regenerate=true`.\n\n");
        out.append("Published tables live in the warehouse file analysts open read-only; build-time views exist")
                .append(" only while the nightly build runs. Tables written by the pipeline's engines (KPI marts,")
                .append(" submission calendar, run metadata `ops_*`) are documented in `models/engines/`.\n\n");
        out.append("Types are DuckDB's, as `information_schema.columns` spells them; `null: never` means a data")
                .append(" test (`not_null`) or the engine guarantees the column is never null. A test compares this")
                .append(" dictionary with the demo warehouse's schema and fails on any table, column, order, type or")
                .append(" null it does not match.\n\n");
        out.append("Amounts are `DECIMAL(18,2)` and the UN indices `DECIMAL(18,5)`, the scale their template")
                .append(" declares: sums are exact. Instants the pipeline records (`received_at`, `valid_from`,")
                .append(" `valid_to`, `known_at`, `ops_*` times) are `TIMESTAMP WITH TIME ZONE` in UTC; the civil")
                .append(" times submitters report (`submitted_at`, `completed_at` of e-service requests) are")
                .append(" `TIMESTAMP` without zone, local time in Africa/Casablanca, as exported.\n\n");
        for (String layer : LAYER_ORDER) {
            List<SqlModel> inLayer =
                    models.stream().filter(m -> m.layer().equals(layer)).toList();
            if (inLayer.isEmpty()) {
                continue;
            }
            out.append("- ").append(LAYER_TITLES.get(layer)).append(": ");
            out.append(inLayer.stream()
                    .map(m -> "[`" + m.name() + "`](#" + m.name() + ")")
                    .collect(Collectors.joining(", ")));
            out.append('\n');
        }
        if (!catalog.documentedTables().isEmpty()) {
            out.append("- Tables written by the engines: ");
            out.append(catalog.documentedTables().stream()
                    .map(t -> "[`" + t.name() + "`](#" + t.name() + ")")
                    .collect(Collectors.joining(", ")));
            out.append('\n');
        }
        for (String layer : LAYER_ORDER) {
            List<SqlModel> inLayer =
                    models.stream().filter(m -> m.layer().equals(layer)).toList();
            if (inLayer.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(LAYER_TITLES.get(layer)).append('\n');
            for (SqlModel model : inLayer) {
                renderModel(model, out);
            }
        }
        if (!catalog.documentedTables().isEmpty()) {
            out.append("\n## Tables written by the engines\n");
            for (DocumentedTable table : catalog.documentedTables()) {
                renderDocumented(table, out);
            }
        }
        return out.toString();
    }

    /** Writes {@link #render} to {@code target} (UTF-8), creating its folder. */
    public static void write(ModelCatalog catalog, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, render(catalog), StandardCharsets.UTF_8);
    }

    private static void renderModel(SqlModel model, StringBuilder out) {
        out.append("\n### ").append(model.name()).append("\n\n");
        out.append("*")
                .append(model.materialized())
                .append(", `models/")
                .append(model.layer())
                .append('/')
                .append(model.name())
                .append(".sql`*\n\n");
        out.append("**Grain:** ").append(inline(model.grain())).append("\n\n");
        if (!model.description().isBlank()) {
            out.append(inline(model.description())).append("\n\n");
        }
        if (!model.columns().isEmpty()) {
            out.append("| column | type | null | description | tests |\n|---|---|---|---|---|\n");
            for (SqlModel.ColumnDoc column : model.columns()) {
                String tests = model.tests().stream()
                        .filter(test -> column.name().equals(test.column()))
                        .map(DataDictionary::describe)
                        .collect(Collectors.joining("; "));
                out.append(columnCells(column))
                        .append(" | ")
                        .append(cell(tests))
                        .append(" |\n");
            }
            out.append('\n');
        }
        List<SqlModel.DataTest> tableTests =
                model.tests().stream().filter(test -> test.column() == null).toList();
        if (!tableTests.isEmpty()) {
            out.append("Table tests:\n\n");
            for (SqlModel.DataTest test : tableTests) {
                out.append("- ").append(inline(describe(test))).append('\n');
            }
            out.append('\n');
        }
    }

    private static void renderDocumented(DocumentedTable table, StringBuilder out) {
        out.append("\n### ").append(table.name()).append("\n\n");
        out.append("*")
                .append(table.materialized())
                .append(", written by ")
                .append(inline(table.writtenBy()))
                .append("*\n\n");
        out.append("**Grain:** ").append(inline(table.grain())).append("\n\n");
        if (!table.description().isBlank()) {
            out.append(inline(table.description())).append("\n\n");
        }
        out.append("| column | type | null | description |\n|---|---|---|---|\n");
        for (SqlModel.ColumnDoc column : table.columns()) {
            out.append(columnCells(column)).append(" |\n");
        }
        out.append('\n');
    }

    /** The first cells of a column's row: name, type, whether it may be null, description. */
    private static String columnCells(SqlModel.ColumnDoc column) {
        return "| `" + column.name() + "` | " + cell(column.type()) + " | " + (column.nullable() ? "yes" : "never")
                + " | " + cell(column.description());
    }

    private static String describe(SqlModel.DataTest test) {
        Map<String, Object> arguments = test.arguments();
        return switch (test.kind()) {
            case "not_null" -> "not null";
            case "unique" ->
                arguments.isEmpty()
                        ? "unique"
                        : "unique " + String.valueOf(arguments.getOrDefault("columns", arguments.get("value")));
            case "accepted_values" -> "one of " + String.valueOf(arguments.getOrDefault("values", arguments));
            case "relationships" -> "in `" + arguments.get("to") + "." + arguments.get("field") + "`";
            case "expression" -> "`" + arguments.getOrDefault("value", arguments) + "`";
            default -> test.kind() + " " + arguments;
        };
    }

    private static String inline(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }
}
