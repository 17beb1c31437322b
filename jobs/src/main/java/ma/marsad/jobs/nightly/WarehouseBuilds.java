package ma.marsad.jobs.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import ma.marsad.pipeline.warehouse.WarehousePublisher;

/**
 * Where each job instance builds its warehouse (the build id is the instance id, so a restarted run finds its file),
 * and which build the published warehouse holds.
 *
 * @param folder where builds are made, next to the published warehouse so that publishing is a rename
 */
record WarehouseBuilds(Path folder, WarehousePublisher publisher) {

    Path fileOf(long buildId) {
        return folder.resolve("marsad-" + buildId + ".duckdb");
    }

    /** The warehouse readers open. */
    Path published() {
        return publisher.published();
    }

    /** The build id recorded in the published warehouse, or -1. */
    long publishedBuild() {
        Path published = published();
        if (!Files.exists(published)) {
            return -1;
        }
        try (Connection connection = WarehouseBuilder.openReadOnly(published);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select max(build_id) from ops_build")) {
            return result.next() ? result.getLong(1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Whether a build is published and its file gone: a rerun after the publish step has nothing left to do. */
    boolean alreadyPublished(long buildId) {
        return !Files.exists(fileOf(buildId)) && publishedBuild() == buildId;
    }
}
