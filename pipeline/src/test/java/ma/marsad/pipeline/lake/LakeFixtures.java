package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import ma.marsad.pipeline.template.ColumnType;
import org.apache.hadoop.fs.Path;

/** Writes small staging partitions and commits their submissions the way ingestion does, for lake and warehouse tests. */
public final class LakeFixtures {

    public static final List<LakeColumn> TRAINING_COLUMNS = columns();

    private LakeFixtures() {}

    private static List<LakeColumn> columns() {
        List<LakeColumn> columns = new ArrayList<>(List.of(
                LakeColumn.optional("annee", ColumnType.YEAR),
                LakeColumn.optional("semestre", ColumnType.ENUM),
                LakeColumn.optional("code_region", ColumnType.REGION),
                LakeColumn.optional("operateur", ColumnType.TEXT),
                LakeColumn.optional("programme", ColumnType.TEXT),
                LakeColumn.optional("filiere", ColumnType.ENUM),
                LakeColumn.optional("type_formation", ColumnType.ENUM),
                LakeColumn.optional("inscrits", ColumnType.INTEGER),
                LakeColumn.optional("diplomes", ColumnType.INTEGER),
                LakeColumn.optional("dont_femmes", ColumnType.INTEGER)));
        columns.addAll(QuarantineColumns.LINEAGE);
        return List.copyOf(columns);
    }

    /** The semester the training fixtures are of. */
    public static final String SEMESTER = "2025-S1";

    /**
     * UM5's file of {@link #SEMESTER} (aaa1: 2 rows, 150 graduates), UM5's later revision of it (bbb2: 1 row, 120) and
     * UIR's file (ccc3: 1 row, 30), each committed in the registry.
     */
    public static void stageRevisionAndAnotherSubmitter(Lake lake) throws IOException {
        stageSemester(lake, "aaa1", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 100}, new long[] {6, 50});
        stageSemester(lake, "bbb2", "UM5", "2025-07-20T08:00:00Z", new long[] {4, 120});
        stageSemester(lake, "ccc3", "UIR", "2025-07-01T08:00:00Z", new long[] {1, 30});
    }

    /** Stages digital-training rows {region, graduates} of {@link #SEMESTER} received at an ISO instant. */
    public static SubmissionRecord stageSemester(
            Lake lake, String submissionId, String submitter, String receivedAt, long[]... rows) throws IOException {
        return stageTraining(lake, submissionId, submitter, SEMESTER, Instant.parse(receivedAt), rows);
    }

    /**
     * Rewrites the record of a submission in its row of a local lake's {@code marsad.submission} table, as a hand edit
     * or a damaged disk would (the table's metadata still lists the file as it was); returns the file's path.
     */
    public static java.nio.file.Path editEntry(
            java.nio.file.Path lakeFolder, String submissionId, UnaryOperator<String> edit) throws IOException {
        java.nio.file.Path data = lakeFolder.resolve(IcebergLake.WAREHOUSE_FOLDER + "/" + IcebergLake.NAMESPACE + "/"
                + IcebergLake.SUBMISSION_TABLE + "/data");
        java.nio.file.Path row;
        try (var files = Files.walk(data)) {
            row = files.filter(file -> file.getFileName().toString().equals(submissionId + ".parquet"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no row of submission " + submissionId + " in " + data));
        }
        java.nio.file.Path edited = row.resolveSibling(submissionId + ".edited");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                var statement = connection.createStatement()) {
            String entry;
            try (var result = statement.executeQuery("select registry_entry from read_parquet('" + row + "')")) {
                result.next();
                entry = result.getString(1);
            }
            statement.execute("copy (select * replace ('" + edit.apply(entry).replace("'", "''")
                    + "'::varchar as registry_entry) from read_parquet('" + row + "')) to '" + edited
                    + "' (format parquet)");
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        Files.move(edited, row, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return row;
    }

    /**
     * Turns a local lake into one an earlier Marsad wrote: a {@code _registry/} entry per submission and per withdrawal
     * (withdrawn at the given instant), no Iceberg tables.
     */
    public static void asLakeOlderThanItsTables(Lake lake, java.nio.file.Path lakeFolder, Instant withdrawnAt)
            throws IOException {
        RegistrySnapshot snapshot = new SubmissionRegistry(lake).snapshot();
        java.nio.file.Path entries = Files.createDirectories(lakeFolder.resolve("_registry/submissions"));
        java.nio.file.Path withdrawals = Files.createDirectories(lakeFolder.resolve("_registry/withdrawals"));
        for (SubmissionRecord record : snapshot.records()) {
            Files.writeString(entries.resolve(record.submissionId() + ".json"), SubmissionEntries.toJson(record));
            if (snapshot.isWithdrawn(record.submissionId())) {
                Files.writeString(
                        withdrawals.resolve(record.submissionId() + ".json"),
                        "{\"submission_id\": \"%s\", \"reason\": \"withdrawn\", \"withdrawn_at\": \"%s\"}"
                                .formatted(record.submissionId(), withdrawnAt));
            }
        }
        try (var files = Files.walk(lakeFolder.resolve(IcebergLake.WAREHOUSE_FOLDER))) {
            for (java.nio.file.Path file :
                    files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Stages digital-training rows {region, graduates} for one submission and commits it in the registry. */
    public static SubmissionRecord stageTraining(
            Lake lake, String submissionId, String submitter, String period, Instant receivedAt, long[][] rows)
            throws IOException {
        String relative = writeTraining(lake, submissionId, submitter, period, rows);
        SubmissionRecord record = new SubmissionRecord(
                submissionId,
                "digital-training",
                submitter,
                List.of("training-" + period + ".csv"),
                receivedAt,
                "accepted",
                period,
                rows.length,
                rows.length,
                0,
                null,
                null,
                relative,
                null);
        new SubmissionRegistry(lake).commit(record);
        return record;
    }

    /** Writes a staging file of digital-training rows {region, graduates}; returns it relative to staging/. */
    public static String writeTraining(Lake lake, String submissionId, String submitter, String period, long[][] rows)
            throws IOException {
        String relative =
                "digital-training/period=" + period + "/submitter=" + submitter + "/" + submissionId + ".parquet";
        Path temporary = lake.temporary(submissionId + ".parquet");
        try (ParquetTableWriter writer = ParquetTableWriter.create(temporary, TRAINING_COLUMNS, lake.configuration())) {
            int row = 1;
            for (long[] values : rows) {
                writer.write(new Object[] {
                    Integer.parseInt(period.substring(0, 4)),
                    period.substring(5),
                    String.format("%02d", values[0]),
                    submitter,
                    "Programme " + row,
                    "numerique",
                    "initiale",
                    values[1] * 2,
                    values[1],
                    values[1] / 2,
                    period,
                    submitter,
                    submissionId,
                    (long) row,
                    "line " + (row + 1)
                });
                row++;
            }
        }
        lake.publish(temporary, new Path(lake.root(), "staging/" + relative));
        return relative;
    }
}
