package ma.marsad.dashboards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.marsad.pipeline.config.ConfigFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-supply page shows each run's final record, and every time in Morocco's time with its zone. */
class RunHistoryTests {

    @TempDir
    Path work;

    @Test
    void theRunThatRendersTheSiteIsShownCompletedWithItsTimes() throws Exception {
        // given a warehouse built by run 3, which wrote itself as started with no end and no counts
        Path warehouse = WarehouseFixture.buildIn(
                work,
                "insert into ops_run values (3, '2026-11-29 01:00:00', null, '2026-11-29', 'STARTED',"
                        + " null, null, null, null, null)");
        RunRecord ended = new RunRecord(
                3,
                LocalDate.of(2026, 11, 29),
                Instant.parse("2026-11-29T01:00:00Z"),
                Instant.parse("2026-11-29T01:04:10Z"),
                "COMPLETED",
                2L,
                0L,
                0L,
                812L,
                0L);

        // when the run renders the site with its final record
        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work, List.of(ended));

        // then run 3 reads completed, with its end time in Casablanca (UTC+1 in November) and its counts
        String runs = Files.readString(work.resolve("site/fr/data-supply.html"));
        assertThat(runs)
                .doesNotContain("status-started")
                .contains(
                        "<time datetime=\"2026-11-29T02:04:10+01:00\" data-date=\"datetime\">2026-11-29 02:04 UTC+01:00"
                                + "</time>")
                .contains("data-num=\"812\"");
        assertThat(runs.split("badge status-completed", -1)).hasSize(3); // runs 2 and 3
        // the published warehouse keeps what the build wrote: the page's record shadows it for rendering only
        assertThat(Files.readString(work.resolve("site/en/data-supply.html"))).contains("Completed");
    }

    @Test
    void everyTimeIsShownInMoroccoWithItsZone() throws Exception {
        Path warehouse = WarehouseFixture.buildIn(work);

        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);

        // received 2026-10-16 08:00 UTC: 09:00 in Casablanca
        assertThat(Files.readString(work.resolve("site/fr/kpi-egov-01.html")))
                .contains(
                        "<time datetime=\"2026-10-16T09:00:00+01:00\" data-date=\"datetime\">2026-10-16 09:00 UTC+01:00"
                                + "</time>");
        assertThat(Files.readString(work.resolve("site/ar/data-supply.html")))
                .contains(
                        "<time datetime=\"2026-11-28T03:03:55+01:00\" data-date=\"datetime\">2026-11-28 03:03 UTC+01:00"
                                + "</time>");
    }
}
