package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.regex.Pattern;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real nightly job (H2 job repository, Parquet lake, DuckDB warehouse, site) on a small landing zone. */
class NightlyJobIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void nightlyLoadsValidRowsQuarantinesBadOnesAndPublishesWarehouseAndSite() throws Exception {
        // given a landing zone with three files: 4 requests (1 with region 13), an annual file, a rejected file
        Path landing = folder.resolve("landing");
        write(
                landing.resolve("egov-requests/ADD/requests-2026-11-27.csv"),
                """
                request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction
                R1,DGI-001,4,web,2026-11-27T09:00:00,2026-11-27T10:00:00,completed,5
                R2,DGI-001,06,mobile,2026-11-27T09:30:00,,in_progress,
                R3,CNSS-002,13,counter,2026-11-27T11:00:00,,submitted,
                R4,CNSS-002,01,guichet,2026-11-27T12:00:00,2026-11-28T12:00:00,completed,3
                """,
                StandardCharsets.UTF_8,
                "2026-11-28T01:00:00Z");
        write(
                landing.resolve("digital-economy-annual/MEF/economie-2025.csv"),
                """
                annee;indicateur;valeur;unite;source
                2025;emplois_offshoring;148 700;emplois;MEF
                2025;emplois_numeriques_directs;152 000;emplois;MEF
                """,
                StandardCharsets.UTF_8,
                "2026-03-31T10:00:00Z");
        write(
                landing.resolve("egov-requests/ADD/broken.csv"),
                "request_id,service_code\n\"R9,DGI-001\n",
                StandardCharsets.UTF_8,
                "2026-11-28T02:00:00Z");
        Path work = folder.resolve("work");

        // when
        int exit = MarsadCommand.run(NightlyProcess.nightly(work, landing, "--quiet"));

        // then 3 of 4 requests and both annual rows load; the region-13 row is quarantined; broken.csv is rejected
        assertThat(exit).isEqualTo(3);
        Path warehouse = work.resolve("warehouse/marsad.duckdb");
        try (Connection connection = WarehouseBuilder.openReadOnly(warehouse);
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from fct_egov_requests"))
                    .isEqualTo(3);
            assertThat(count(statement, "select count(*) from fct_egov_requests where channel = 'counter'"))
                    .isEqualTo(1); // guichet is an alias of counter
            assertThat(count(statement, "select count(*) from fct_digital_economy_annual"))
                    .isEqualTo(2);
            assertThat(count(statement, "select sum(valeur)::bigint from fct_digital_economy_annual"))
                    .isEqualTo(300_700);
            assertThat(count(statement, "select count(*) from quarantine where reason_code = 'BAD_REGION'"))
                    .isEqualTo(1);
            assertThat(count(statement, "select count(*) from submission where status = 'rejected'"))
                    .isEqualTo(1);
            assertThat(count(statement, "select count(*) from kpi_catalogue")).isEqualTo(36);
            assertThat(count(statement, "select count(*) from lineage where fact_table = 'fct_egov_requests'"))
                    .isEqualTo(3);
        }
        assertThat(work.resolve("site/index.html")).exists();
        assertThat(work.resolve("site/fr/index.html")).exists();
        assertThat(work.resolve("site/ar/index.html")).content().contains("dir=\"rtl\"");
        assertThat(work.resolve("feedback/ADD")).isDirectory();

        // and a second run with nothing new changes nothing and succeeds
        int again = MarsadCommand.run(NightlyProcess.nightly(work, landing, "--quiet"));
        assertThat(again).isZero();
        try (Connection connection = WarehouseBuilder.openReadOnly(warehouse);
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from fct_egov_requests"))
                    .isEqualTo(3);
            assertThat(count(statement, "select count(*) from submission")).isEqualTo(3);
        }
        // the run history of the site shows the run that rendered it completed, both with start and end times
        assertThat(runHistory(work)).doesNotContain("status-started").contains("Terminée");
        assertThat(Pattern.compile("badge status-completed")
                        .matcher(runHistory(work))
                        .results())
                .hasSize(2);
        assertThat(Pattern.compile(
                                "<time datetime=\"[0-9T:-]+\\+0[01]:00\" data-date=\"datetime\">[0-9 :-]+ UTC\\+0[01]:00<")
                        .matcher(runHistory(work))
                        .results())
                .hasSize(4);
        // and rendering again from the published warehouse reads the runs' final records too
        assertThat(MarsadCommand.run("dashboards", "--work", work.toString())).isZero();
        assertThat(runHistory(work)).doesNotContain("status-started");
        assertThat(Pattern.compile("badge status-completed")
                        .matcher(runHistory(work))
                        .results())
                .hasSize(2);
    }

    private static String runHistory(Path work) throws Exception {
        String page = Files.readString(work.resolve("site/fr/data-supply.html"));
        return page.substring(page.indexOf("Historique des exécutions"));
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void write(Path file, String content, Charset charset, String receivedAt) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, charset);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(receivedAt)));
    }
}
