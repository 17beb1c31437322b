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
 */
record BuildPlan(boolean incremental, String reason, LocalDate previousAsOf) {

    static BuildPlan full(String reason) {
        return new BuildPlan(false, reason, null);
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
            Set<String> missing = new HashSet<>(LakePosition.read(connection).accepted());
            missing.removeAll(lake.accepted());
            if (!missing.isEmpty()) {
                return full(missing.size() + " submission(s) of the published warehouse are no longer in the lake");
            }
            return new BuildPlan(true, "started from the published warehouse", publishedAsOf);
        } catch (SQLException e) {
            return full("the published warehouse cannot be read (" + e.getMessage() + ")");
        }
    }
}
