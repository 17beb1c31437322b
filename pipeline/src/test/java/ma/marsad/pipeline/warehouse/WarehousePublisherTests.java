package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehousePublisherTests {

    @TempDir
    Path folder;

    @Test
    void publishesAtomicallyKeepsPreviousVersionsAndRollsBack() throws Exception {
        // given a publisher keeping 2 versions
        WarehousePublisher publisher = new WarehousePublisher(folder.resolve("warehouse"), 2);

        // when three builds are published, an analyst holding the first one open the whole time
        publisher.publish(build("one", 1), "build-none");
        try (Connection analyst = WarehouseBuilder.openReadOnly(publisher.published())) {
            publisher.publish(build("two", 2), "build-1");
            publisher.publish(build("three", 3), "build-2");

            // then the analyst still reads the file it opened, and new readers see the latest
            assertThat(value(analyst)).isEqualTo(1);
        }
        try (Connection reader = WarehouseBuilder.openReadOnly(publisher.published())) {
            assertThat(value(reader)).isEqualTo(3);
        }
        assertThat(publisher.listVersions())
                .extracting(path -> path.getFileName().toString())
                .containsExactly("marsad-build-1.duckdb", "marsad-build-2.duckdb");

        // and a rollback publishes the newest kept version again
        assertThat(publisher.rollback("now")).contains("marsad-build-2.duckdb");
        try (Connection reader = WarehouseBuilder.openReadOnly(publisher.published())) {
            assertThat(value(reader)).isEqualTo(2);
        }
    }

    private Path build(String name, int value) throws Exception {
        Path file = folder.resolve("build-" + name + ".duckdb");
        try (Connection connection = WarehouseBuilder.open(file);
                Statement statement = connection.createStatement()) {
            statement.execute("create table marker as select " + value + " as value");
        }
        return file;
    }

    private static int value(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select value from marker")) {
            result.next();
            return result.getInt(1);
        }
    }
}
