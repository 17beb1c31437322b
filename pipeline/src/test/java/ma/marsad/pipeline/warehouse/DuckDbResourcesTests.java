package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbResourcesTests {

    @TempDir
    Path dir;

    @Test
    void warehouseConnectionsRunWithinTheSetMemoryAndThreads() throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Connection connection = WarehouseBuilder.open(file)) {
            assertLimits(connection);
        }
        try (Connection connection = WarehouseBuilder.openReadOnly(file)) {
            assertLimits(connection);
        }
    }

    private static void assertLimits(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet settings =
                        statement.executeQuery("select current_setting('memory_limit'), current_setting('threads')")) {
            settings.next();
            // DuckDB's own default is 80 % of the machine's memory
            assertThat(settings.getString(1)).isIn("512.0 MiB", "488.2 MiB", "512MB");
            assertThat(settings.getLong(2)).isEqualTo(DuckDbResources.threads());
        }
    }
}
