package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The rows of one snapshot of the lake's {@code marsad.submission} table, which is the submission registry: one row
 * per committed submission (its record as JSON, and its withdrawal once withdrawn). Every data file the snapshot lists
 * is read in one DuckDB pass: a year of nights is thousands of one-row files, which a reader opening them one by one
 * would take seconds over. Files of a lake on another file system are copied to a local folder first.
 */
final class SubmissionTableRows {

    /** One row: the file that holds it (its location in the lake), its submission's record as JSON and its withdrawal, if any. */
    record Row(String file, String entryJson, boolean withdrawn, String withdrawalReason) {}

    private SubmissionTableRows() {}

    static List<Row> read(Lake lake, Table table, Long snapshotId) throws IOException {
        if (table == null || snapshotId == null) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks =
                table.newScan().useSnapshot(snapshotId).planFiles()) {
            tasks.forEach(task -> files.add(new Path(task.file().location())));
        }
        if (files.isEmpty()) {
            return List.of();
        }
        java.nio.file.Path cache = lake.isLocal() ? null : Files.createTempDirectory("marsad-submission-rows");
        try {
            Map<String, String> locations = new LinkedHashMap<>();
            for (Path file : files) {
                String local = lake.localCopy(file, cache).toString();
                locations.put(local, lake.isLocal() ? local : file.toString());
            }
            return query(locations);
        } finally {
            if (cache != null) {
                deleteRecursively(cache);
            }
        }
    }

    /** Reads the local copies, keyed by local path, of files at the given lake locations. */
    private static List<Row> query(Map<String, String> locations) throws IOException {
        StringBuilder list = new StringBuilder();
        for (String file : locations.keySet()) {
            list.append(list.isEmpty() ? "" : ", ")
                    .append('\'')
                    .append(file.replace("'", "''"))
                    .append('\'');
        }
        // files written before withdrawals were recorded lack their columns: read by name, missing ones null
        String sql = "select * from read_parquet([" + list + "], union_by_name = true, filename = true)";
        Properties limits = new Properties();
        limits.setProperty("memory_limit", "256MB");
        limits.setProperty("threads", "2");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", limits);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            Set<String> columns = columnsOf(result.getMetaData());
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(new Row(
                        locations.getOrDefault(result.getString("filename"), result.getString("filename")),
                        result.getString("registry_entry"),
                        columns.contains("withdrawn_at") && result.getObject("withdrawn_at") != null,
                        columns.contains("withdrawal_reason") ? result.getString("withdrawal_reason") : null));
            }
            return rows;
        } catch (SQLException e) {
            throw new IOException(
                    "the lake table " + IcebergLake.NAMESPACE + "." + IcebergLake.SUBMISSION_TABLE
                            + " could not be read: " + problem(e, locations)
                            + ". Fix: restore the damaged file from a backup"
                            + " of the lake, then run again",
                    e);
        }
    }

    /** DuckDB's reason, without the query it echoes (the list of every file), naming the file as the lake does. */
    private static String problem(SQLException e, Map<String, String> locations) {
        String message = String.valueOf(e.getMessage());
        int echo = message.indexOf("\nLINE ");
        String[] lines =
                (echo < 0 ? message : message.substring(0, echo)).strip().split("\n");
        String reason = lines[lines.length - 1].replaceFirst("^Error: ", "");
        for (Map.Entry<String, String> location : locations.entrySet()) {
            if (reason.contains(location.getKey())) {
                return reason.replace(location.getKey(), location.getValue());
            }
        }
        return reason;
    }

    private static Set<String> columnsOf(ResultSetMetaData metadata) throws SQLException {
        Set<String> columns = new HashSet<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(metadata.getColumnLabel(i));
        }
        return columns;
    }

    private static void deleteRecursively(java.nio.file.Path folder) {
        try (var paths = Files.walk(folder)) {
            for (java.nio.file.Path path :
                    paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
