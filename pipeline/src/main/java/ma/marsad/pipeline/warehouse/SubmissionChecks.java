package ma.marsad.pipeline.warehouse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import ma.marsad.pipeline.lake.IcebergLake;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.PartitionFiler;
import ma.marsad.pipeline.lake.RegistrySnapshot;
import ma.marsad.pipeline.lake.SubmissionRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Checks the registry's metadata against what the warehouse reads: every partition file exists with the size its
 * entry recorded, and every fact, history and quarantine table holds, per submission, exactly the rows the entry
 * counted. Counts come from DuckDB aggregates over tables the build loads anyway, never from re-reading rows.
 */
final class SubmissionChecks {

    private SubmissionChecks() {}

    /** Missing files and sizes that differ from the registry's, each naming its submission. */
    static List<String> lakeFiles(Lake lake, RegistrySnapshot snapshot) throws IOException {
        PartitionFiler filer = new PartitionFiler(lake);
        List<String> failures = new ArrayList<>();
        for (SubmissionRecord record : snapshot.accepted()) {
            if (record.stagingFile() != null) {
                check(lake, filer.location(snapshot, record), record.stagingBytes(), record, failures);
            }
            if (record.quarantineFile() != null) {
                check(lake, lake.resolve(record.quarantineFile()), record.quarantineBytes(), record, failures);
            } else if (record.rowsQuarantined() > 0) {
                failures.add(record.describe() + ": the registry counts " + record.rowsQuarantined()
                        + " quarantined row(s) but names no quarantine file");
            }
        }
        return failures;
    }

    /**
     * Submissions a template table's pinned snapshot lists that the registry does not hold as current, and current ones
     * it does not list: the build reads the snapshot's files and counts their rows against the registry's entries.
     */
    static List<String> tableFiles(RegistrySnapshot snapshot, Map<String, Map<String, Path>> files) {
        List<String> failures = new ArrayList<>();
        Map<String, Set<String>> registered = new TreeMap<>();
        for (SubmissionRecord record : snapshot.current()) {
            if (files.containsKey(record.template())) {
                registered
                        .computeIfAbsent(record.template(), t -> new TreeSet<>())
                        .add(record.submissionId());
                if (!files.get(record.template()).containsKey(record.submissionId())) {
                    failures.add(record.describe() + ": the registry holds it as current, but the current snapshot"
                            + " of the lake table " + IcebergLake.templateTable(record.template()) + " lists no file of"
                            + " it");
                }
            }
        }
        files.forEach((template, bySubmission) -> {
            for (String id : new TreeSet<>(bySubmission.keySet())) {
                if (!registered.getOrDefault(template, Set.of()).contains(id)) {
                    failures.add("the current snapshot of the lake table " + IcebergLake.templateTable(template)
                            + " lists submission " + id + ", which the registry does not hold as current");
                }
            }
        });
        return failures;
    }

    private static void check(Lake lake, Path file, Long recordedBytes, SubmissionRecord record, List<String> failures)
            throws IOException {
        if (!lake.exists(file)) {
            failures.add(record.describe() + ": its file " + lake.relative(file) + " is missing from the lake");
            return;
        }
        FileStatus status = lake.fileSystem().getFileStatus(file);
        if (recordedBytes != null && status.getLen() != recordedBytes) {
            failures.add(record.describe() + ": its file " + lake.relative(file) + " has " + status.getLen()
                    + " bytes, the registry recorded " + recordedBytes);
        }
    }

    /**
     * Per template, rows per submission in {@code fct_} (current revisions) and {@code hist_} (every accepted one)
     * against {@code rows_accepted}, and in {@code quarantine} against {@code rows_quarantined}; tables without a model
     * are skipped. Reads {@code src.submission}, the registry as loaded. With {@code changed}, only the changed
     * submissions are counted: the others' rows are the published warehouse's, counted when they were loaded.
     */
    static List<String> rowCounts(
            Connection connection, List<TemplateTable> templates, Set<String> models, ChangedSubmissions changed)
            throws SQLException {
        String only = changed == null ? "true" : changed.filter();
        List<String> failures = new ArrayList<>();
        for (TemplateTable template : templates) {
            String id = template.templateId().replace("'", "''");
            String current = "template_id = '" + id + "' and is_current";
            String accepted = "template_id = '" + id + "' and status <> 'rejected'";
            String suffix = template.tableSuffix();
            compare(connection, models, "fct_" + suffix, current, only, "rows_accepted", failures);
            compare(connection, models, "hist_" + suffix, accepted, only, "rows_accepted", failures);
        }
        compare(connection, models, "quarantine", "status <> 'rejected'", only, "rows_quarantined", failures);
        return failures;
    }

    /**
     * Submissions whose registry record no longer says what it said when the published warehouse loaded their rows
     * (status or counts edited since): an incremental night counts their rows again, as a full build would.
     */
    static Set<String> entriesChangedSince(Connection connection) throws SQLException {
        Set<String> ids = new java.util.TreeSet<>();
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("select s.submission_id from src.submission as s"
                        + " join main.submission as p using (submission_id)"
                        + " where s.status is distinct from p.status or s.rows_accepted is distinct from p.rows_accepted"
                        + " or s.rows_quarantined is distinct from p.rows_quarantined")) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    private static void compare(
            Connection connection,
            Set<String> models,
            String table,
            String submissions,
            String only,
            String countColumn,
            List<String> failures)
            throws SQLException {
        if (!models.contains(table)) {
            return;
        }
        String query = "select coalesce(s.submission_id, t.submission_id), s.template_id, s.submitter, s.file_names, s."
                + countColumn + ", coalesce(t.row_count, 0)"
                + " from (select * from src.submission where " + submissions + " and " + only + ") as s"
                + " full join (select submission_id, count(*) as row_count from main." + table + " where " + only
                + " group by submission_id) as t on t.submission_id = s.submission_id"
                + " where coalesce(s." + countColumn + ", -1) <> coalesce(t.row_count, 0)"
                + " order by 1";
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery(query)) {
            while (result.next()) {
                String submissionId = result.getString(1);
                if (result.getString(2) == null) {
                    failures.add(table + ": " + result.getLong(6) + " row(s) of submission " + submissionId
                            + ", which the registry does not list here");
                } else {
                    failures.add(table + ": submission " + submissionId + " (template " + result.getString(2)
                            + ", submitter " + result.getString(3) + ", file " + result.getString(4) + ") has "
                            + result.getLong(6) + " row(s), its row in the lake table marsad.submission records "
                            + countColumn + " = " + result.getLong(5));
                }
            }
        }
    }
}
