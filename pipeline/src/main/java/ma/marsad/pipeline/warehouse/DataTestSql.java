package ma.marsad.pipeline.warehouse;

import java.util.List;
import java.util.stream.Collectors;

/** Turns a declared data test into a query returning the rows that break it (none means the test passes). */
final class DataTestSql {

    private DataTestSql() {}

    static String failingRowsQuery(String model, SqlModel.DataTest test) {
        String column = test.column();
        return switch (test.kind()) {
            case "not_null" -> "select * from " + model + " where " + identifier(column) + " is null";
            case "unique" -> {
                String columns = uniqueColumns(test);
                yield "select " + columns + " from " + model + " group by all having count(*) > 1";
            }
            case "accepted_values" ->
                "select * from " + model + " where " + identifier(column) + " is not null and " + identifier(column)
                        + " not in (" + literals(values(test)) + ")";
            case "relationships" -> {
                String to = (String) test.arguments().get("to");
                String field = (String) test.arguments().get("field");
                yield "select * from " + model + " as child where child." + identifier(column)
                        + " is not null and not exists (select 1 from " + identifier(to) + " as parent where parent."
                        + identifier(field) + " = child." + identifier(column) + ")";
            }
            case "expression" ->
                "select * from " + model + " where not coalesce(("
                        + test.arguments().get("value") + "), false)";
            default -> throw new IllegalArgumentException("unknown data test " + test.kind());
        };
    }

    static String describe(SqlModel.DataTest test) {
        String on = test.column() == null ? "" : "(" + test.column() + ")";
        return switch (test.kind()) {
            case "expression" -> "expression [" + test.arguments().get("value") + "]";
            case "unique" -> "unique(" + uniqueColumns(test) + ")";
            default -> test.kind() + on;
        };
    }

    /** Whether a {@code unique} test's key includes {@code submission_id}: rows of two submissions never collide. */
    @SuppressWarnings("unchecked")
    static boolean uniqueWithinSubmission(SqlModel.DataTest test) {
        if (!"unique".equals(test.kind())) {
            return false;
        }
        Object columns = test.arguments().get("columns");
        if (columns instanceof List<?> list) {
            return ((List<Object>) list).stream().map(String::valueOf).anyMatch("submission_id"::equals);
        }
        return "submission_id".equals(test.column());
    }

    @SuppressWarnings("unchecked")
    private static String uniqueColumns(SqlModel.DataTest test) {
        Object columns = test.arguments().get("columns");
        if (columns instanceof List<?> list) {
            return ((List<Object>) list)
                    .stream().map(String::valueOf).map(DataTestSql::identifier).collect(Collectors.joining(", "));
        }
        if (test.column() == null) {
            throw new IllegalArgumentException("a unique test outside a column needs 'columns: [...]'");
        }
        return identifier(test.column());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(SqlModel.DataTest test) {
        Object values = test.arguments().getOrDefault("values", test.arguments().get("value"));
        if (!(values instanceof List<?>)) {
            throw new IllegalArgumentException("accepted_values needs a list of values");
        }
        return (List<Object>) values;
    }

    private static String literals(List<Object> values) {
        return values.stream()
                .map(value -> value instanceof Number
                        ? value.toString()
                        : "'" + String.valueOf(value).replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
    }

    static String identifier(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a plain SQL identifier");
        }
        return name;
    }
}
