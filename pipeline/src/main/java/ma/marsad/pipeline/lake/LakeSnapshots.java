package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * The current snapshot of each of the lake's template tables and of {@code marsad.submission}, pinned at one moment:
 * what a warehouse is built from, and what it records so that the next night reads what changed since from the
 * snapshots in between. The quarantine table is not pinned: a submission's quarantined rows follow its submission row.
 */
public final class LakeSnapshots {

    private static final LakeSnapshots EMPTY = new LakeSnapshots(Map.of(), Map.of());

    private final Map<String, Table> tables;
    private final Map<String, Long> ids;

    private LakeSnapshots(Map<String, Table> tables, Map<String, Long> ids) {
        this.tables = tables;
        this.ids = ids;
    }

    /**
     * What the lake's tables changed between a warehouse's pinned snapshots and these, by submission.
     *
     * @param becameCurrent submissions whose data file entered a template table's current snapshot
     * @param leftCurrent submissions whose data file left it (revised or withdrawn)
     * @param committed submissions whose row entered {@code marsad.submission} (accepted or rejected)
     * @param becameCurrentFiles the data file of each submission that became current
     */
    public record Changes(
            Set<String> becameCurrent,
            Set<String> leftCurrent,
            Set<String> committed,
            Map<String, Path> becameCurrentFiles) {}

    /** Why the snapshots in between cannot be read, or the changes they hold. */
    public record Since(Changes changes, String unreadable) {

        static Since unreadable(String reason) {
            return new Since(null, reason);
        }
    }

    /** A data file of a template table's pinned snapshot, with the submission it holds. */
    public record CurrentFile(String submissionId, Path location) {}

    static LakeSnapshots none() {
        return EMPTY;
    }

    static LakeSnapshots of(IcebergLake iceberg) {
        Namespace namespace = Namespace.of(IcebergLake.NAMESPACE);
        if (iceberg.catalog() instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
            return EMPTY;
        }
        Map<String, Table> tables = new HashMap<>();
        Map<String, Long> ids = new TreeMap<>();
        for (TableIdentifier id : iceberg.catalog().listTables(namespace)) {
            if (id.name().equals(IcebergLake.QUARANTINE_TABLE)) {
                continue;
            }
            Table table = iceberg.existing(id);
            if (table != null && table.currentSnapshot() != null) {
                tables.put(id.name(), table);
                ids.put(id.name(), table.currentSnapshot().snapshotId());
            }
        }
        return new LakeSnapshots(tables, Collections.unmodifiableMap(ids));
    }

    /** The rows of {@code marsad.submission}'s pinned snapshot: one per committed submission. */
    List<SubmissionTableRows.Row> submissionRows(Lake lake) throws IOException {
        return SubmissionTableRows.read(
                lake, tables.get(IcebergLake.SUBMISSION_TABLE), ids.get(IcebergLake.SUBMISSION_TABLE));
    }

    /** Pinned snapshot id by table name ({@code egov_requests}, {@code submission}). */
    public Map<String, Long> ids() {
        return ids;
    }

    /**
     * The data files added and removed in every snapshot after {@code published} up to the pinned ones, mapped to their
     * submissions; unreadable when a published snapshot is no longer an ancestor of its table's current one (the table
     * was recreated or rolled back, or the snapshot expired) or a published table is gone.
     */
    public Since since(Map<String, Long> published) {
        for (String name : published.keySet()) {
            if (!ids.containsKey(name)) {
                return Since.unreadable("the lake table " + IcebergLake.NAMESPACE + "." + name
                        + " the published warehouse was built from is gone or has no snapshot");
            }
        }
        Map<String, Path> added = new TreeMap<>();
        Set<String> removed = new TreeSet<>();
        Set<String> committed = new TreeSet<>();
        for (Map.Entry<String, Long> pinned : ids.entrySet()) {
            String name = pinned.getKey();
            Table table = tables.get(name);
            Long from = published.get(name);
            long to = pinned.getValue();
            if (from != null && from == to) {
                continue;
            }
            if (from != null && !SnapshotUtil.isAncestorOf(table, to, from)) {
                return Since.unreadable("snapshot " + from + " of the lake table " + table.name()
                        + ", which the published warehouse was built from, is no longer an ancestor of its current"
                        + " snapshot " + to + " (table recreated, rolled back or snapshot expired)");
            }
            List<Snapshot> between = new ArrayList<>();
            SnapshotUtil.ancestorsBetween(table, to, from).forEach(between::add);
            Collections.reverse(between); // oldest first: a file removed then restored is no change
            for (Snapshot snapshot : between) {
                if (name.equals(IcebergLake.SUBMISSION_TABLE)) {
                    // a row replaced in the same snapshot (a withdrawal marking its submission) enters nothing
                    Set<String> replaced = new TreeSet<>();
                    snapshot.removedDataFiles(table.io()).forEach(file -> replaced.add(submissionOf(file)));
                    for (DataFile file : snapshot.addedDataFiles(table.io())) {
                        if (!replaced.contains(submissionOf(file))) {
                            committed.add(submissionOf(file));
                        }
                    }
                    continue;
                }
                for (DataFile file : snapshot.addedDataFiles(table.io())) {
                    String id = submissionOf(file);
                    if (!removed.remove(id)) {
                        added.put(id, new Path(file.location()));
                    }
                }
                for (DataFile file : snapshot.removedDataFiles(table.io())) {
                    String id = submissionOf(file);
                    if (added.remove(id) == null) {
                        removed.add(id);
                    }
                }
            }
        }
        return new Since(new Changes(added.keySet(), removed, committed, added), null);
    }

    /** The data files of a template table's pinned snapshot (none when the table has no rows yet). */
    public List<CurrentFile> currentFiles(String templateId) {
        String name = IcebergLake.templateTable(templateId).name();
        Table table = tables.get(name);
        if (table == null) {
            return List.of();
        }
        Map<String, CurrentFile> files = new LinkedHashMap<>();
        try (CloseableIterable<FileScanTask> tasks =
                table.newScan().useSnapshot(ids.get(name)).planFiles()) {
            for (FileScanTask task : tasks) {
                String id = submissionOf(task.file());
                files.put(id, new CurrentFile(id, new Path(task.file().location())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(files.values());
    }

    private static String submissionOf(DataFile file) {
        return IcebergCommits.submissionOf(file);
    }
}
