package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.marsad.pipeline.template.ColumnType;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Commits submissions to the lake's Iceberg tables. Each commit names its submission in the snapshot summary, and is
 * skipped when the table's history already holds it, so a rerun after a crash never commits a submission twice. Per
 * submission: its quarantined rows (an append), its accepted rows (an append, or for a revision one overwrite that
 * replaces the partition's current file), then its row in {@code marsad.submission}, which carries its
 * record: that last commit is the submission's commit, and that table is the registry.
 */
final class IcebergCommits {

    /**
     * The columns of {@code marsad.submission}: the submission's own ({@link SubmissionColumns}), its withdrawal (null
     * until a withdrawal replaces its row), and its whole record as JSON ({@link SubmissionEntries}), which the registry
     * reads.
     */
    static final List<LakeColumn> SUBMISSION_TABLE_COLUMNS = submissionTableColumns();

    private static final int ATTEMPTS = 10;

    /** The registry's records, by submission id. */
    interface Records {
        Optional<SubmissionRecord> find(String submissionId) throws IOException;
    }

    /** An update to commit, or null when there is nothing to commit. */
    private interface Plan {
        SnapshotUpdate<?> make() throws IOException;
    }

    private final IcebergLake iceberg;
    private final Lake lake;
    private Set<String> committedIds = Set.of();
    private long committedIdsSnapshot = -1;

    IcebergCommits(IcebergLake iceberg) {
        this.iceberg = iceberg;
        this.lake = iceberg.lake();
    }

    /** A submission's row in {@code marsad.submission}: the file that holds it and its record as JSON. */
    record CommittedRow(String file, String entryJson) {}

    /**
     * Whether {@code marsad.submission}'s history names the submission's commit: its snapshot summaries only, indexed
     * once per snapshot of the table (discovery asks for every landing file).
     */
    boolean isCommitted(String submissionId) {
        Table table = iceberg.existing(IcebergLake.submissionTable());
        if (table == null || table.currentSnapshot() == null) {
            return false;
        }
        return committedIds(table).contains(submissionId);
    }

    private synchronized Set<String> committedIds(Table table) {
        long current = table.currentSnapshot().snapshotId();
        if (committedIdsSnapshot != current) {
            Set<String> ids = new HashSet<>();
            for (Snapshot snapshot : table.snapshots()) {
                String id = snapshot.summary().get(IcebergLake.SUBMISSION_PROPERTY);
                if (id != null) {
                    ids.add(id);
                }
            }
            committedIds = ids;
            committedIdsSnapshot = current;
        }
        return committedIds;
    }

    /**
     * The row the commit of a submission added to {@code marsad.submission}, if its history names that commit (a
     * withdrawal replaces the row in the current snapshot, with the same record).
     */
    Optional<CommittedRow> committedRow(String submissionId) throws IOException {
        Table table = iceberg.existing(IcebergLake.submissionTable());
        Optional<Snapshot> snapshot =
                table == null ? Optional.empty() : snapshotNaming(table, IcebergLake.SUBMISSION_PROPERTY, submissionId);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        for (DataFile file : snapshot.get().addedDataFiles(table.io())) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(file.location()))
                    .withConf(lake.configuration())
                    .build()) {
                Group row = reader.read();
                if (row != null) {
                    return Optional.of(new CommittedRow(file.location(), row.getString("registry_entry", 0)));
                }
            } catch (RuntimeException e) {
                throw new IOException(
                        "the row of submission " + submissionId + " in " + file.location() + " cannot be read ("
                                + e.getMessage() + "). Fix: restore the file from a backup of the lake, then run again",
                        e);
            }
        }
        throw new IOException("the commit of submission " + submissionId + " in " + table.name() + " added no row");
    }

    /**
     * Commits an ingested submission. {@code records} finds the record of a submission already in a table
     * (to tell which of two revisions is the later).
     */
    void commit(SubmissionRecord record, String entryJson, Records records) throws IOException {
        if (record.quarantineFile() != null) {
            appendQuarantine(record);
        }
        if (record.stagingFile() != null) {
            commitAccepted(record, records);
        }
        appendSubmissionRow(record, entryJson);
    }

    /** A withdrawal: when and why, as a data engineer gave it. */
    record Withdrawal(String reason, Instant at) {}

    /**
     * Withdraws a submission from its template's table: its file leaves the current snapshot and, when the withdrawal
     * makes an earlier revision current again, that one's file comes back, in one snapshot.
     */
    void withdraw(
            SubmissionRecord withdrawn, Optional<SubmissionRecord> nowCurrent, Withdrawal withdrawal, String entryJson)
            throws IOException {
        withdrawRows(withdrawn, nowCurrent);
        markWithdrawn(withdrawn, withdrawal, entryJson);
    }

    private void withdrawRows(SubmissionRecord withdrawn, Optional<SubmissionRecord> nowCurrent) throws IOException {
        if (withdrawn.stagingFile() == null) {
            return;
        }
        Table table = iceberg.existing(IcebergLake.templateTable(withdrawn.template()));
        if (table == null
                || snapshotNaming(table, IcebergLake.WITHDRAWAL_PROPERTY, withdrawn.submissionId())
                        .isPresent()) {
            return;
        }
        DataFile restored = nowCurrent.isPresent() ? stagingFile(table, nowCurrent.get()) : null;
        retrying(table, () -> {
            List<DataFile> present = partitionFiles(table, withdrawn);
            List<DataFile> removed = present.stream()
                    .filter(file -> submissionOf(file).equals(withdrawn.submissionId()))
                    .toList();
            boolean restore = restored != null
                    && present.stream().noneMatch(file -> submissionOf(file).equals(submissionOf(restored)));
            if (removed.isEmpty() && !restore) {
                return null; // it was not current: the current rows do not change
            }
            if (restore) {
                var overwrite = table.newOverwrite().addFile(restored);
                removed.forEach(overwrite::deleteFile);
                return overwrite.set(IcebergLake.WITHDRAWAL_PROPERTY, withdrawn.submissionId());
            }
            var delete = table.newDelete();
            removed.forEach(delete::deleteFile);
            return delete.set(IcebergLake.WITHDRAWAL_PROPERTY, withdrawn.submissionId());
        });
    }

    private void commitAccepted(SubmissionRecord record, Records records) throws IOException {
        Path file = lake.resolve("staging/" + record.stagingFile());
        ParquetMetadata footer = IcebergFooters.read(file, lake.configuration());
        Table table = iceberg.table(
                IcebergLake.templateTable(record.template()),
                IcebergFooters.schemaOf(footer.getFileMetaData().getSchema()),
                List.of("submitter", "period"));
        if (snapshotNaming(table, IcebergLake.SUBMISSION_PROPERTY, record.submissionId())
                .isPresent()) {
            return;
        }
        evolve(table, footer);
        DataFile added =
                dataFile(table, file, footer, Map.of("submitter", record.submitter(), "period", record.period()));
        retrying(table, () -> {
            List<DataFile> replaced = new ArrayList<>();
            for (DataFile present : partitionFiles(table, record)) {
                if (revisionOf(table, present, records).compareTo(Revision.of(record)) > 0) {
                    // an older revision arriving late: the current rows stay; it is history only
                    return null;
                }
                replaced.add(present);
            }
            // an append when nothing is replaced; either way it fails, to be planned again, when another process
            // committed to the same partition since the plan was made
            var overwrite = table.newOverwrite()
                    .addFile(added)
                    .conflictDetectionFilter(partitionFilter(record))
                    .validateNoConflictingData()
                    .validateNoConflictingDeletes();
            if (table.currentSnapshot() != null) {
                overwrite.validateFromSnapshot(table.currentSnapshot().snapshotId());
            }
            replaced.forEach(overwrite::deleteFile);
            return overwrite
                    .set(IcebergLake.SUBMISSION_PROPERTY, record.submissionId())
                    .set(IcebergLake.REVISION_PROPERTY, Revision.of(record).encode());
        });
    }

    private void appendQuarantine(SubmissionRecord record) throws IOException {
        Path file = lake.resolve(record.quarantineFile());
        ParquetMetadata footer = IcebergFooters.read(file, lake.configuration());
        Table table = iceberg.table(
                IcebergLake.quarantineTable(),
                IcebergFooters.schemaOf(footer.getFileMetaData().getSchema()),
                List.of("template_id", "submitter", "period"));
        evolve(table, footer);
        appendOnce(
                table,
                record,
                dataFile(
                        table,
                        file,
                        footer,
                        Map.of(
                                "template_id",
                                record.template(),
                                "submitter",
                                record.submitter(),
                                "period",
                                record.period())));
    }

    private void appendSubmissionRow(SubmissionRecord record, String entryJson) throws IOException {
        Table table = submissionTable();
        if (snapshotNaming(table, IcebergLake.SUBMISSION_PROPERTY, record.submissionId())
                .isPresent()) {
            return;
        }
        DataFile added = writeSubmissionRow(table, record, null, entryJson, ".parquet");
        retrying(
                table,
                () -> table.newAppend().appendFile(added).set(IcebergLake.SUBMISSION_PROPERTY, record.submissionId()));
    }

    /**
     * Marks a submission withdrawn in {@code marsad.submission}: its row is replaced by one carrying the withdrawal, in
     * one snapshot naming the withdrawal (the row it replaces stays in history).
     */
    private void markWithdrawn(SubmissionRecord withdrawn, Withdrawal withdrawal, String entryJson) throws IOException {
        Table table = submissionTable();
        if (snapshotNaming(table, IcebergLake.WITHDRAWAL_PROPERTY, withdrawn.submissionId())
                .isPresent()) {
            return;
        }
        DataFile added = writeSubmissionRow(table, withdrawn, withdrawal, entryJson, ".withdrawn.parquet");
        retrying(table, () -> {
            var overwrite = table.newOverwrite().addFile(added);
            if (table.currentSnapshot() != null) {
                try (CloseableIterable<FileScanTask> tasks = table.newScan()
                        .filter(Expressions.equal("template_id", withdrawn.template()))
                        .planFiles()) {
                    for (FileScanTask task : tasks) {
                        if (submissionOf(task.file()).equals(withdrawn.submissionId())) {
                            overwrite.deleteFile(task.file());
                        }
                    }
                }
            }
            return overwrite.set(IcebergLake.WITHDRAWAL_PROPERTY, withdrawn.submissionId());
        });
    }

    private Table submissionTable() {
        Schema schema = IcebergFooters.schemaOf(ParquetTableWriter.schemaOf(SUBMISSION_TABLE_COLUMNS));
        return iceberg.table(IcebergLake.submissionTable(), schema, List.of("template_id"));
    }

    /** Writes a submission's row file in the table's folder and joins its new columns to the table (older rows null). */
    private DataFile writeSubmissionRow(
            Table table, SubmissionRecord record, Withdrawal withdrawal, String entryJson, String suffix)
            throws IOException {
        Path file = new Path(
                table.location() + "/data/template_id=" + record.template() + "/" + record.submissionId() + suffix);
        List<Object> values = new ArrayList<>(Arrays.asList(SubmissionColumns.tableValues(record)));
        values.add(
                withdrawal == null
                        ? null
                        : withdrawal.at().atOffset(ZoneOffset.UTC).toLocalDateTime());
        values.add(withdrawal == null ? null : withdrawal.reason());
        values.add(entryJson);
        try (ParquetTableWriter writer =
                ParquetTableWriter.create(file, SUBMISSION_TABLE_COLUMNS, lake.configuration())) {
            writer.write(values.toArray());
        }
        ParquetMetadata footer = IcebergFooters.read(file, lake.configuration());
        evolve(table, footer);
        return dataFile(table, file, footer, Map.of("template_id", record.template()));
    }

    private static List<LakeColumn> submissionTableColumns() {
        List<LakeColumn> columns = new ArrayList<>(SubmissionColumns.lakeColumns());
        columns.add(LakeColumn.optional("withdrawn_at", ColumnType.DATETIME));
        columns.add(LakeColumn.optional("withdrawal_reason", ColumnType.TEXT));
        columns.add(LakeColumn.required("registry_entry", ColumnType.TEXT));
        return List.copyOf(columns);
    }

    private void appendOnce(Table table, SubmissionRecord record, DataFile file) throws IOException {
        if (snapshotNaming(table, IcebergLake.SUBMISSION_PROPERTY, record.submissionId())
                .isPresent()) {
            return;
        }
        retrying(
                table,
                () -> table.newAppend().appendFile(file).set(IcebergLake.SUBMISSION_PROPERTY, record.submissionId()));
    }

    private DataFile stagingFile(Table table, SubmissionRecord record) throws IOException {
        Path file = lake.resolve("staging/" + record.stagingFile());
        return dataFile(
                table,
                file,
                IcebergFooters.read(file, lake.configuration()),
                Map.of("submitter", record.submitter(), "period", record.period()));
    }

    private DataFile dataFile(Table table, Path file, ParquetMetadata footer, Map<String, String> partition)
            throws IOException {
        PartitionData values = new PartitionData(table.spec().partitionType());
        List<PartitionField> fields = table.spec().fields();
        for (int i = 0; i < fields.size(); i++) {
            values.set(i, partition.get(fields.get(i).name()));
        }
        return DataFiles.builder(table.spec())
                .withPath(lake.fileSystem().makeQualified(file).toString())
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(lake.fileSystem().getFileStatus(file).getLen())
                .withMetrics(IcebergFooters.metrics(footer, table.schema()))
                .withPartition(values)
                .build();
    }

    /**
     * The table follows the file's template version ({@link SchemaEvolution}): renamed columns keep their field ids,
     * new ones join as optional columns (older files read them as null), and the name mapping follows. New columns
     * are also those a newer Marsad writes (the quarantine's {@code key_values} and {@code raw_row}).
     */
    private static void evolve(Table table, ParquetMetadata footer) {
        SchemaEvolution.follow(
                table,
                IcebergFooters.schemaOf(footer.getFileMetaData().getSchema()),
                TemplateVersion.fromFooter(footer.getFileMetaData().getKeyValueMetaData()));
    }

    /** The current data files of the record's (submitter, period) partition. */
    private static List<DataFile> partitionFiles(Table table, SubmissionRecord record) {
        if (table.currentSnapshot() == null) {
            return List.of();
        }
        List<DataFile> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks =
                table.newScan().filter(partitionFilter(record)).planFiles()) {
            tasks.forEach(task -> files.add(task.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Expression partitionFilter(SubmissionRecord record) {
        return Expressions.and(
                Expressions.equal("submitter", record.submitter()), Expressions.equal("period", record.period()));
    }

    /** Staging and quarantine files are named after their submission. */
    static String submissionOf(DataFile file) {
        String location = file.location();
        String name = location.substring(location.lastIndexOf('/') + 1);
        return name.substring(0, name.indexOf('.'));
    }

    /**
     * The revision of a file in a template table: from the summary of the commit that added it, which another process
     * may have made a moment ago and not yet followed with its submission row; from the registry for commits made
     * before the summary carried it.
     */
    private static Revision revisionOf(Table table, DataFile present, Records records) throws IOException {
        String submissionId = submissionOf(present);
        Optional<String> committed = snapshotNaming(table, IcebergLake.SUBMISSION_PROPERTY, submissionId)
                .map(snapshot -> snapshot.summary().get(IcebergLake.REVISION_PROPERTY));
        if (committed.isPresent()) {
            return Revision.decode(committed.get());
        }
        return Revision.of(records.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("the lake table " + table.name() + " holds "
                        + present.location() + ", a submission the registry does not know: restore"
                        + " the lake from a backup")));
    }

    static Optional<Snapshot> snapshotNaming(Table table, String property, String submissionId) {
        for (Snapshot snapshot : table.snapshots()) {
            if (submissionId.equals(snapshot.summary().get(property))) {
                return Optional.of(snapshot);
            }
        }
        return Optional.empty();
    }

    /**
     * Plans and commits an update; when another process committed to the table meanwhile in a way Iceberg's own
     * retries cannot reconcile (a revision of the same partition), the table is refreshed and the update planned again.
     * A null plan means there is nothing to commit.
     */
    private static void retrying(Table table, Plan plan) throws IOException {
        for (int attempt = 1; ; attempt++) {
            SnapshotUpdate<?> update = plan.make();
            if (update == null) {
                return;
            }
            try {
                update.commit();
                return;
            } catch (CommitFailedException | ValidationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                table.refresh();
            }
        }
    }
}
