package ma.marsad.pipeline.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.marsad.pipeline.lake.LakeSnapshots;

/**
 * Whether a night can start from the published warehouse, and if not, why it rebuilds from the whole lake: a full
 * rebuild was asked for, there is no published warehouse or it records no build state or lake snapshots, the
 * definitions it was built with (templates, models, KPIs, calendar, Marsad's version) differ, the as-of date went back,
 * the lake no longer holds a submission the published warehouse has, or the snapshots it was built from are no longer
 * in the history of the lake's tables.
 *
 * @param published the position the published warehouse was built from, when the night starts from it
 * @param changes what changed since, read from the lake tables' snapshots
 * @param becameCurrentFiles the data file of each submission that became current, by submission
 */
record BuildPlan(
        boolean incremental,
        String reason,
        LocalDate previousAsOf,
        LakePosition published,
        ChangeSet changes,
        Map<String, org.apache.hadoop.fs.Path> becameCurrentFiles) {

    static BuildPlan full(String reason) {
        return new BuildPlan(false, reason, null, null, ChangeSet.NONE, Map.of());
    }

    static BuildPlan decide(WarehouseBuilder.BuildRequest request, LakePosition lake, LakeSnapshots tables) {
        if (request.fullRebuild()) {
            return full("a full rebuild was asked for");
        }
        Path published = request.published();
        if (published == null || !Files.exists(published)) {
            return full("no published warehouse to start from");
        }
        try (Connection connection = WarehouseBuilder.openReadOnly(published)) {
            Optional<BuildState> state = BuildState.read(connection);
            if (state.isEmpty() || !BuildState.hasTable(connection, "submission")) {
                return full("the published warehouse records no build state");
            }
            if (!state.get().definitionsFingerprint().equals(request.definitionsFingerprint())) {
                return full("the definitions changed since the published warehouse was built");
            }
            LocalDate publishedAsOf = state.get().asOf();
            if (publishedAsOf == null || request.asOf().isBefore(publishedAsOf)) {
                return full("the as-of date " + request.asOf() + " is before the published one, " + publishedAsOf);
            }
            LakePosition position = LakePosition.read(connection);
            Set<String> missing = new HashSet<>(position.accepted());
            missing.removeAll(lake.accepted());
            if (!missing.isEmpty()) {
                return full(missing.size() + " submission(s) of the published warehouse are no longer in the lake");
            }
            Optional<Map<String, Long>> snapshots = LakeSnapshotIds.read(connection);
            if (snapshots.isEmpty()) {
                return full("the published warehouse records no lake snapshots");
            }
            LakeSnapshots.Since since = tables.since(snapshots.get());
            if (since.unreadable() != null) {
                return full(since.unreadable());
            }
            ChangeSet changes = ChangeSet.of(since.changes(), lake);
            ChangeSet registered = ChangeSet.between(position, lake);
            if (!changes.equals(registered)) {
                // two readings of the same commits (the template tables' files, marsad.submission's records) agree
                // unless a table was edited by hand; a full rebuild settles a disagreement
                return full("the lake's snapshots and its registry disagree on what changed since the published"
                        + " warehouse (snapshots: " + changes + "; registry: " + registered + ")");
            }
            return new BuildPlan(
                    true,
                    "started from the published warehouse",
                    publishedAsOf,
                    position,
                    changes,
                    since.changes().becameCurrentFiles());
        } catch (SQLException e) {
            return full("the published warehouse cannot be read (" + e.getMessage() + ")");
        }
    }
}
