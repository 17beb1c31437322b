package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys the parents of {@code relationships} tests held in the published warehouse, remembered before a night's
 * models replace them. When a parent still holds every one of them, the child rows that did not change still find
 * their parent, and the test need only read the changed ones: at a year of e-service requests, that is the difference
 * between a day's rows and 73 million.
 */
final class RelationshipParents {

    private final Map<String, String> remembered = new HashMap<>();
    private final Map<String, Boolean> kept = new HashMap<>();

    /** Copies the distinct keys of every parent that exists in the warehouse the night started from. */
    void remember(Connection connection, List<SqlModel> models) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (SqlModel model : models) {
                if (!model.isIncremental()) {
                    continue;
                }
                for (SqlModel.DataTest test : model.tests()) {
                    String parent = parent(test);
                    if (parent == null || remembered.containsKey(parent) || !exists(statement, table(test))) {
                        continue;
                    }
                    String copy = "published_keys_" + remembered.size();
                    statement.execute("create temp table " + copy + " as select distinct "
                            + DataTestSql.identifier(field(test)) + " as key from main."
                            + DataTestSql.identifier(table(test)));
                    remembered.put(parent, copy);
                }
            }
        }
    }

    /** Whether the test's parent, after the night's models ran, still holds every key it held before them. */
    boolean keptKeys(Connection connection, SqlModel.DataTest test) throws SQLException {
        String parent = parent(test);
        String copy = parent == null ? null : remembered.get(parent);
        if (copy == null) {
            return false;
        }
        Boolean answer = kept.get(parent);
        if (answer == null) {
            try (Statement statement = connection.createStatement();
                    var result = statement.executeQuery("select count(*) from " + copy
                            + " as published where published.key is not null and not exists (select 1 from "
                            + DataTestSql.identifier(table(test)) + " as parent where parent."
                            + DataTestSql.identifier(field(test)) + " = published.key)")) {
                result.next();
                answer = result.getLong(1) == 0;
            }
            kept.put(parent, answer);
        }
        return answer;
    }

    private static String parent(SqlModel.DataTest test) {
        return "relationships".equals(test.kind()) ? table(test) + "." + field(test) : null;
    }

    private static String table(SqlModel.DataTest test) {
        return (String) test.arguments().get("to");
    }

    private static String field(SqlModel.DataTest test) {
        return (String) test.arguments().get("field");
    }

    private static boolean exists(Statement statement, String table) throws SQLException {
        try (var result = statement.executeQuery(
                "select count(*) from information_schema.tables where table_schema = 'main' and table_name = '"
                        + table.replace("'", "''") + "'")) {
            result.next();
            return result.getLong(1) > 0;
        }
    }
}
