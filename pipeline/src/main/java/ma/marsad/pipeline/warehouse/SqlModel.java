package ma.marsad.pipeline.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL model: a {@code SELECT} in its own {@code .sql} file whose first comment states its grain, plus the sibling
 * {@code .yml} that documents it and lists its data tests.
 *
 * <p>The layer is the folder: {@code staging/} and {@code intermediate/} models are views that live only during the
 * build (like ephemeral models); {@code marts/} models are base tables in the default schema, unless the
 * {@code .yml} says {@code materialized: view}, or {@code materialized: incremental} for a table whose rows each belong
 * to one submission ({@code submission_id}) and depend on that submission's rows only: a night deletes and re-inserts
 * the rows of the submissions that changed, and keeps the others (ADR 8).
 */
public record SqlModel(
        String name,
        String layer,
        String sql,
        String grain,
        String location,
        String description,
        String materialized,
        List<ColumnDoc> columns,
        List<DataTest> tests) {

    private static final Pattern GRAIN = Pattern.compile("^\\s*--\\s*grain\\s*:\\s*(.+)$", Pattern.MULTILINE);
    static final List<String> LAYERS = List.of("staging", "intermediate", "marts");

    public SqlModel {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    location + ": model name '" + name + "' must be lower-case letters, digits and '_'");
        }
        if (!LAYERS.contains(layer)) {
            throw new IllegalArgumentException(
                    location + ": models live in one of " + LAYERS + ", not '" + layer + "'");
        }
        if (grain == null || grain.isBlank()) {
            throw new IllegalArgumentException(location + ": start the model with a comment '-- grain: one row per …'");
        }
        if (!List.of("table", "view", "incremental").contains(materialized)) {
            throw new IllegalArgumentException(
                    location + ": materialized must be table, view or incremental, not " + materialized);
        }
        if ("incremental".equals(materialized) && !"marts".equals(layer)) {
            throw new IllegalArgumentException(location + ": only marts/ models can be materialized: incremental");
        }
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
    }

    /** Reads the grain from the model's leading comment, or null. */
    static String grainOf(String sql) {
        Matcher matcher = GRAIN.matcher(sql);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    /** Whether the model persists in the published warehouse. */
    public boolean isPublished() {
        return "marts".equals(layer);
    }

    /** Whether a night updates the model by submission instead of recreating it. */
    public boolean isIncremental() {
        return "incremental".equals(materialized);
    }

    /**
     * A documented column: its DuckDB type as {@code information_schema.columns.data_type} spells it (blank for
     * build-time views), and whether it may be null (a {@code not_null} test, or {@code nullable: false} for a table
     * written by an engine, says it may not).
     */
    public record ColumnDoc(String name, String type, String description, boolean nullable) {}

    /**
     * A data test: {@code not_null}, {@code unique}, {@code accepted_values}, {@code relationships} on a column, or an
     * {@code expression} that every row must satisfy.
     */
    public record DataTest(String kind, String column, Map<String, Object> arguments) {}
}
