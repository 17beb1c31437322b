package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the lake holds: its Iceberg table {@code marsad.submission}, one row per committed submission (its record, and
 * its withdrawal once withdrawn). A submission is committed when that table's commit names it, after its rows'
 * commits to the quarantine and template tables ({@link IcebergCommits}): one commit protocol, which any engine
 * reading the tables follows. Which revision of a partition is current is derived from the rows, never stored.
 */
public final class SubmissionRegistry {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRegistry.class);

    private final Lake lake;
    private final IcebergLake tables;
    private final IcebergCommits iceberg;
    private boolean legacyFolderChecked;

    /** The registry of a lake whose Iceberg tables are in the Hadoop catalog under the lake. */
    public SubmissionRegistry(Lake lake) {
        this(IcebergLake.open(lake, null));
    }

    public SubmissionRegistry(IcebergLake tables) {
        this.lake = tables.lake();
        this.tables = tables;
        this.iceberg = new IcebergCommits(tables);
    }

    /** Whether the submission is committed; reads the table's snapshot summaries only. */
    public boolean contains(String submissionId) throws IOException {
        adoptLegacyFolder();
        return iceberg.isCommitted(submissionId);
    }

    /**
     * Commits a submission to the lake's Iceberg tables: the moment it becomes visible to every engine. Committing one
     * already committed changes nothing.
     */
    public void commit(SubmissionRecord record) throws IOException {
        adoptLegacyFolder();
        long start = System.nanoTime();
        iceberg.commit(record, SubmissionEntries.toJson(record), this::find);
        log.debug(
                "committed submission {} to the lake's Iceberg tables in {} ms",
                record.submissionId(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Withdraws a submission: its rows leave the current snapshot of its template's Iceberg table (the revision it
     * replaced, if any, comes back) in one commit, and its row in {@code marsad.submission} is replaced by one saying
     * it is withdrawn in another; its rows stay in history.
     */
    public void withdraw(String submissionId, String reason, Instant at) throws IOException {
        SubmissionRecord withdrawn = find(submissionId)
                .orElseThrow(() -> new IllegalArgumentException("no submission " + submissionId + " in the registry"));
        Rows rows = rows(pinned());
        Map<String, String> withdrawals = new LinkedHashMap<>(rows.withdrawals());
        withdrawals.put(submissionId, reason);
        Optional<SubmissionRecord> nowCurrent = RegistrySnapshot.of(rows.records(), withdrawals).current().stream()
                .filter(record -> record.partitionKey().equals(withdrawn.partitionKey()))
                .findFirst();
        iceberg.withdraw(
                withdrawn, nowCurrent, new IcebergCommits.Withdrawal(reason, at), SubmissionEntries.toJson(withdrawn));
    }

    /** Every submission ever committed, in revision order. */
    public List<SubmissionRecord> all() throws IOException {
        return snapshot().records();
    }

    /**
     * The submissions and which revision of each partition is current, as the tables' snapshots pinned at one moment
     * hold them: the registry is the pinned snapshot of {@code marsad.submission}.
     */
    public RegistrySnapshot snapshot() throws IOException {
        LakeSnapshots pinned = pinned();
        Rows rows = rows(pinned);
        return RegistrySnapshot.of(rows.records(), rows.withdrawals(), pinned);
    }

    /** The submission's record, read from the row its commit added to {@code marsad.submission}. */
    public Optional<SubmissionRecord> find(String submissionId) throws IOException {
        adoptLegacyFolder();
        Optional<IcebergCommits.CommittedRow> row = iceberg.committedRow(submissionId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                SubmissionEntries.read(row.get().entryJson(), where(row.get().file()), submissionId));
    }

    private LakeSnapshots pinned() throws IOException {
        adoptLegacyFolder();
        return LakeSnapshots.of(tables);
    }

    /** The records and withdrawals of the pinned {@code marsad.submission}, in revision order. */
    private record Rows(List<SubmissionRecord> records, Map<String, String> withdrawals) {}

    private Rows rows(LakeSnapshots pinned) throws IOException {
        List<SubmissionRecord> records = new ArrayList<>();
        Map<String, String> withdrawals = new LinkedHashMap<>();
        for (SubmissionTableRows.Row row : pinned.submissionRows(lake)) {
            String name = row.file().substring(row.file().lastIndexOf('/') + 1);
            SubmissionRecord record =
                    SubmissionEntries.read(row.entryJson(), where(row.file()), name.substring(0, name.indexOf('.')));
            records.add(record);
            if (row.withdrawn()) {
                withdrawals.put(record.submissionId(), row.withdrawalReason());
            }
        }
        records.sort(SubmissionRecord::compareRevisions);
        return new Rows(records, withdrawals);
    }

    private static String where(String file) {
        String path = file.startsWith("file:") ? java.net.URI.create(file).getPath() : file;
        return "the row of the lake table " + IcebergLake.NAMESPACE + "." + IcebergLake.SUBMISSION_TABLE + " in "
                + path;
    }

    /** A lake written before its tables were the registry is adopted once, before anything reads or commits. */
    private synchronized void adoptLegacyFolder() throws IOException {
        if (legacyFolderChecked) {
            return;
        }
        legacyFolderChecked = true; // the adoption's own commits look submissions up
        try {
            new LegacyRegistryFolder(lake, iceberg).adopt(this::find);
        } catch (IOException | RuntimeException e) {
            legacyFolderChecked = false;
            throw e;
        }
    }
}
