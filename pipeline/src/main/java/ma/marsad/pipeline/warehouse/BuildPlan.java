package ma.marsad.pipeline.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a night can start from the published warehouse, and if not, why it rebuilds from the whole lake: a full
 * rebuild was asked for, there is no published warehouse or it records no build state, the definitions it was built
 * with (templates, models, KPIs, calendar, Marsad's version) differ, the as-of date went back, or the lake no longer
 * holds a submission the published warehouse has.
 *
 * @param published the position the published warehouse was built from, when the night starts from it
 */
record BuildPlan(boolean incremental, String reason, LocalDate previousAsOf, LakePosition published) {

    static BuildPlan full(String reason) {
        return new BuildPlan(false, reason, null, null);
    }

    static BuildPlan decide(WarehouseBuilder.BuildRequest request, LakePosition lake) {
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
            return new BuildPlan(true, "started from the published warehouse", publishedAsOf, position);
        } catch (SQLException e) {
            return full("the published warehouse cannot be read (" + e.getMessage() + ")");
        }
    }
}
