package ma.marsad.dashboards.render;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The run history the site shows: the warehouse's {@code ops_run} with the final records of runs put in place of the
 * rows written while those runs were going. A temporary table of the same name shadows the published one for this
 * connection only; the warehouse file is never written.
 */
final class RunHistory {

    private RunHistory() {}

    static void shadow(Connection connection, List<RunRecord> finalRuns) throws SQLException {
        if (finalRuns.isEmpty() || !hasOpsRun(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("create or replace temp table ops_run as select * from main.ops_run");
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from temp.ops_run where run_id = ?");
                PreparedStatement insert = connection.prepareStatement("insert into temp.ops_run (run_id, started_at,"
                        + " finished_at, as_of, status, files_accepted, files_with_quarantine, files_rejected,"
                        + " rows_loaded, rows_quarantined) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RunRecord run : finalRuns) {
                delete.setLong(1, run.runId());
                delete.executeUpdate();
                insert.setLong(1, run.runId());
                insert.setObject(2, utc(run.startedAt()));
                insert.setObject(3, utc(run.finishedAt()));
                insert.setObject(4, run.asOf());
                insert.setString(5, run.status());
                insert.setObject(6, run.filesAccepted());
                insert.setObject(7, run.filesWithQuarantine());
                insert.setObject(8, run.filesRejected());
                insert.setObject(9, run.rowsLoaded());
                insert.setObject(10, run.rowsQuarantined());
                insert.executeUpdate();
            }
        }
    }

    /** Run times are instants (TIMESTAMP WITH TIME ZONE), bound with their UTC offset. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static boolean hasOpsRun(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from information_schema.tables where table_name = 'ops_run'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
