package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marsad backfill} takes only the files received in its days, and again nothing the second time. */
class BackfillAndStatusIntegrationTests {

    @TempDir
    Path root;

    @Test
    void aBackfillTakesItsDaysOnceAndStatusShowsTheCalendar() throws Exception {
        Path landing = TestLandingZones.subset(TestLandingZones.demo(root), root.resolve("landing"), 2, 0);
        Path work = root.resolve("work");
        String[] backfill = {
            "backfill",
            "--work",
            work.toString(),
            "--landing",
            landing.toString(),
            "--from",
            "2026-10-01",
            "--to",
            "2026-11-28",
            "--stability-seconds",
            "0",
            "--quiet"
        };

        assertThat(MarsadCommand.run(backfill)).isIn(0, 3);

        Set<SubmissionRecord> first = registry(work);
        ZoneId casablanca = ZoneId.of("Africa/Casablanca");
        assertThat(first).isNotEmpty();
        assertThat(first)
                .extracting(record -> record.receivedAt().atZone(casablanca).toLocalDate())
                .allMatch(day -> !day.isBefore(LocalDate.of(2026, 10, 1)) && !day.isAfter(LocalDate.of(2026, 11, 28)));
        // the landing zone holds two files per folder, most of them received before October
        assertThat(first.size()).isLessThan(30);

        assertThat(MarsadCommand.run(backfill)).isIn(0, 3);
        assertThat(registry(work)).as("nothing ingested twice").isEqualTo(first);

        String status = captured(() -> MarsadCommand.run("status", "--work", work.toString()));
        assertThat(status)
                .contains("Last runs:")
                .contains("COMPLETED")
                .containsPattern("expected +received +late +missing +not due +rejected")
                .containsPattern("startup-funding +ADD +34 +");
        // ODC sends the annual figures on 15 April, after the 31 March due date; 2023 to 2025 are owed
        assertThat(status).containsPattern("digital-economy-annual +ODC +3 +[0-3] +[0-3] +[0-3] ");
    }

    @Test
    void aBackfillRangeBackwardsIsAUsageError() {
        assertThat(MarsadCommand.run(
                        "backfill", "--work", root.toString(), "--from", "2026-11-28", "--to", "2026-11-01"))
                .isEqualTo(2);
        assertThat(MarsadCommand.run("backfill", "--help")).isZero();
    }

    private static Set<SubmissionRecord> registry(Path work) throws Exception {
        Lake lake = Lake.open(URI.create(work.resolve("lake").toUri().toString()), Map.of());
        return new SubmissionRegistry(lake).all().stream().collect(Collectors.toSet());
    }

    private static String captured(java.util.concurrent.Callable<Integer> command) throws Exception {
        ConsoleOutput output = ConsoleOutput.of(command);
        assertThat(output.exitCode()).isZero();
        return output.text();
    }
}
