package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.config.SqlFileLines;

/**
 * Runs SQL models in dependency order on an open warehouse connection, then their data tests.
 *
 * <p>On a night that starts from the published warehouse, an incremental model keeps its rows but those of the changed
 * submissions, which it deletes and inserts again from the sources (which then hold the changed submissions only).
 */
final class ModelRunner {

    /** Rows a uniqueness check hashes at once; a key of e-service requests costs about 150 bytes. */
    static final long ROWS_PER_BATCH = 1_000_000;

    private final ModelCatalog catalog;
    private final RelationshipParents parents = new RelationshipParents();

    ModelRunner(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** Creates every model from the sources. */
    void run(Connection connection) throws SQLException {
        run(connection, null);
    }

    /**
     * @param changed the submissions whose rows incremental models replace, or null to create every model anew
     */
    void run(Connection connection, ChangedSubmissions changed) throws SQLException {
        if (changed != null) {
            parents.remember(connection, catalog.ordered());
        }
        catalog.macros().create(connection);
        try (Statement statement = connection.createStatement()) {
            for (SqlModel model : catalog.ordered()) {
                String body = model.sql().strip();
                if (body.endsWith(";")) {
                    body = body.substring(0, body.length() - 1);
                }
                String ddl = model.isPublished()
                        ? ("view".equals(model.materialized())
                                ? "create or replace view main."
                                : "create or replace table main.")
                        : "create or replace temp view ";
                try {
                    if (changed != null && model.isIncremental()) {
                        if (changed.hadRows()) {
                            statement.execute("delete from main." + model.name() + " where " + changed.filter());
                        }
                        statement.execute("insert into main." + model.name() + " by name\n" + body);
                    } else {
                        statement.execute(ddl + model.name() + " as\n" + body);
                    }
                } catch (SQLException e) {
                    // the DDL line goes before the file's stripped text
                    String where = SqlFileLines.where(
                            model.location(), e.getMessage(), 2 - SqlFileLines.leadingLines(model.sql()));
                    throw new SQLException(
                            "SQL model " + model.name() + " (" + where + ") failed: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Runs every data test; returns the failures, each naming the model, the test and the number of bad rows. */
    List<String> test(Connection connection) throws SQLException {
        return test(connection, null);
    }

    /**
     * As {@link #test(Connection)}; with {@code changed}, the tests of an incremental model read the rows of the changed
     * submissions only (the others passed them when they were loaded); {@code relationships} too when the night kept
     * every key of the parent (the unchanged rows still find theirs), otherwise the whole table.
     */
    List<String> test(Connection connection, ChangedSubmissions changed) throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (SqlModel model : catalog.ordered()) {
                for (SqlModel.DataTest test : model.tests()) {
                    boolean onChangedRows = changed != null
                            && model.isIncremental()
                            && (!"relationships".equals(test.kind()) || parents.keptKeys(connection, test));
                    String rows = onChangedRows ? changed.filter() : "true";
                    long failing = 0;
                    if (model.isIncremental() && DataTestSql.uniqueWithinSubmission(test)) {
                        for (String batch : submissionBatches(statement, model.name(), rows)) {
                            failing += failing(
                                    statement, "(select * from main." + model.name() + " where " + batch + ")", test);
                        }
                    } else {
                        failing = failing(
                                statement,
                                onChangedRows
                                        ? "(select * from main." + model.name() + " where " + rows + ")"
                                        : model.name(),
                                test);
                    }
                    if (failing > 0) {
                        failures.add(
                                model.name() + ": " + DataTestSql.describe(test) + " fails on " + failing + " row(s)");
                    }
                }
            }
        }
        return failures;
    }

    private static long failing(Statement statement, String relation, SqlModel.DataTest test) throws SQLException {
        try (var result =
                statement.executeQuery("select count(*) from (" + DataTestSql.failingRowsQuery(relation, test) + ")")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Conditions on {@code submission_id} splitting the model's rows (those matching {@code rows}) into batches of at
     * most {@link #ROWS_PER_BATCH} rows, whole submissions each: a key that includes the submission is checked batch by
     * batch, so the hash table of a year of e-service requests never has to fit in DuckDB's memory at once.
     */
    private static List<String> submissionBatches(Statement statement, String model, String rows) throws SQLException {
        List<String> batches = new ArrayList<>();
        java.util.Set<String> batch = new java.util.TreeSet<>();
        long batchRows = 0;
        try (var result = statement.executeQuery("select submission_id, count(*) from main." + model + " where " + rows
                + " group by submission_id order by submission_id")) {
            while (result.next()) {
                if (result.getString(1) == null) {
                    continue; // such rows fail the not_null test of submission_id
                }
                if (!batch.isEmpty() && batchRows + result.getLong(2) > ROWS_PER_BATCH) {
                    batches.add(ChangedSubmissions.filter(batch));
                    batch = new java.util.TreeSet<>();
                    batchRows = 0;
                }
                batch.add(result.getString(1));
                batchRows += result.getLong(2);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(ChangedSubmissions.filter(batch));
        }
        return batches;
    }
}
