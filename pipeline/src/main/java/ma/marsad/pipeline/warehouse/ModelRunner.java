package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.config.SqlFileLines;

/** Runs SQL models in dependency order on an open warehouse connection, then their data tests. */
final class ModelRunner {

    private final ModelCatalog catalog;

    ModelRunner(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    void run(Connection connection) throws SQLException {
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
                    statement.execute(ddl + model.name() + " as\n" + body);
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
        List<String> failures = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (SqlModel model : catalog.ordered()) {
                for (SqlModel.DataTest test : model.tests()) {
                    String query = DataTestSql.failingRowsQuery(model.name(), test);
                    try (var result = statement.executeQuery("select count(*) from (" + query + ")")) {
                        result.next();
                        long failing = result.getLong(1);
                        if (failing > 0) {
                            failures.add(model.name() + ": " + DataTestSql.describe(test) + " fails on " + failing
                                    + " row(s)");
                        }
                    }
                }
            }
        }
        return failures;
    }
}
