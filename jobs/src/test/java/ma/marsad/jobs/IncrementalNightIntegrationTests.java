package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real nightly job: a night starts from the published warehouse and loads only what arrived, and ends with
 * the same tables as {@code --full-rebuild}; a change of definitions makes the night rebuild in full by itself.
 */
class IncrementalNightIntegrationTests {

    @TempDir
    Path root;

    @Test
    void aNightAppliesWhatArrivedAndEqualsAFullRebuild() throws Exception {
        // given a first night on all but each folder's latest file
        Path demo = TestLandingZones.demo(root);
        Path landing = TestLandingZones.subset(demo, root.resolve("landing"), 2, 1);
        Path work = root.resolve("work");
        Path published = work.resolve("warehouse").resolve(WarehousePublisher.PUBLISHED_NAME);
        assertThat(nightly(work, landing)).isIn(0, 3);
        assertThat(state(published)).startsWith("full | no published warehouse to start from | 0");

        // when the latest files arrive
        TestLandingZones.subset(demo, landing, 1, 0);
        assertThat(nightly(work, landing)).isIn(0, 3);

        // then the night started from the published warehouse and loaded those files only
        String incremental = state(published);
        assertThat(incremental).startsWith("incremental | started from the published warehouse | ");
        assertThat(Long.parseLong(incremental.substring(incremental.lastIndexOf(' ') + 1)))
                .isBetween(10L, 40L);
        var checksums = WarehouseChecksums.of(published);

        // and a full rebuild of the same lake gives the same tables, row for row
        assertThat(nightly(work, landing, "--full-rebuild")).isIn(0, 3);
        assertThat(state(published)).startsWith("full | a full rebuild was asked for | 0");
        assertThat(WarehouseChecksums.of(published)).isEqualTo(checksums);
        assertThat(checksums).containsKey("main.\"kpi_value\"");

        // and a night with nothing new starts from it again, and says so in its summary
        ConsoleOutput summary = ConsoleOutput.of(() -> nightly(work, landing));
        assertThat(summary.exitCode()).isIn(0, 3);
        assertThat(summary.text()).contains("warehouse: incremental, 0 submission(s) changed");
        assertThat(state(published)).isEqualTo("incremental | started from the published warehouse | 0");
        assertThat(WarehouseChecksums.of(published)).isEqualTo(checksums);

        // when a KPI file changes, the next night rebuilds in full by itself and says why
        Path config = root.resolve("config");
        for (ConfigFolder.ConfigFile file : ConfigFolder.shipped().list("kpis", "")) {
            Path copy = config.resolve("kpis").resolve(file.relativePath());
            Files.createDirectories(copy.getParent());
            String content = file.content();
            if (file.relativePath().equals("egov.yml")) {
                content = content.replace(
                        "name_en: \"Share of requests submitted online\"",
                        "name_en: \"Share of e-service requests submitted online\"");
                assertThat(content).isNotEqualTo(file.content());
            }
            Files.writeString(copy, content, StandardCharsets.UTF_8);
        }
        assertThat(nightly(work, landing, "--config", config.toString())).isIn(0, 3);
        assertThat(state(published))
                .isEqualTo("full | the definitions changed since the published warehouse was built | 0");
    }

    private static int nightly(Path work, Path landing, String... options) {
        List<String> args = new ArrayList<>(List.of(NightlyProcess.nightly(work, landing, options)));
        args.add("--quiet");
        return MarsadCommand.run(args.toArray(String[]::new));
    }

    /** Mode, reason and number of changed submissions recorded by the published warehouse. */
    private static String state(Path published) throws Exception {
        try (Connection connection = WarehouseBuilder.openReadOnly(published);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select mode || ' | ' || reason || ' | '"
                        + " || (select count(distinct submission_id) from ops_build_change) from ops_build_state")) {
            result.next();
            return result.getString(1);
        }
    }
}
