package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import ma.marsad.jobs.metrics.PrometheusText;
import ma.marsad.jobs.metrics.RunMetrics;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills the nightly run at each stage (the process halts as after SIGKILL), reruns it, and compares the warehouse with
 * an uninterrupted run's: same rows in every table, none lost, none twice. Every scenario starts from the same work
 * folder, where a first run on part of the landing zone has already published a warehouse; an analyst's read-only
 * connection opened on it before the crash must still read after the rerun.
 */
class CrashRestartIntegrationTests {

    @TempDir
    static Path root;

    static Path landing;
    static Path seededWork;
    static Map<String, WarehouseChecksums.TableChecksum> uninterrupted;
    static int uninterruptedExit;

    @BeforeAll
    static void seedAndRunUninterrupted() throws Exception {
        Path demo = TestLandingZones.demo(root);
        // two files per folder for the runs under test; the first of them alone for the seed run
        landing = TestLandingZones.subset(demo, root.resolve("landing"), 2, 0);
        Path firstDay = TestLandingZones.subset(demo, root.resolve("landing-first-day"), 1, 1);
        seededWork = root.resolve("seeded-work");
        int seeded =
                NightlyProcess.run(root.resolve("seed.log"), Map.of(), NightlyProcess.nightly(seededWork, firstDay));
        assertThat(seeded).as(Files.readString(root.resolve("seed.log"))).isIn(0, 3);

        Path work = root.resolve("uninterrupted");
        TestLandingZones.copyTree(seededWork, work);
        Path log = root.resolve("uninterrupted.log");
        Path errors = root.resolve("uninterrupted.err");
        uninterruptedExit = NightlyProcess.start(
                        log, errors, Map.of(), NightlyProcess.nightly(work, landing, "--log-format", "json"))
                .waitFor();
        assertThat(uninterruptedExit).as(Files.readString(errors)).isIn(0, 3);
        // standard output: the summary only; standard error: one JSON object per line, progress included
        assertThat(Files.readString(log)).startsWith("Marsad nightly run ");
        NightlyProcess.assertJsonLines(errors);
        assertThat(Files.readString(errors)).containsPattern("ingestSubmissionsStep: \\d+/\\d+ files, .* rows/s, done");
        uninterrupted = WarehouseChecksums.of(work.resolve("warehouse/marsad.duckdb"));
        var metrics =
                PrometheusText.parse(Files.readString(RunMetrics.file(work))).samples();
        assertThat(metrics).containsEntry("marsad_run_success", 1.0);
        assertThat(metrics.get("marsad_files_total{outcome=\"accepted\"}")).isPositive();
        assertThat(metrics.get("marsad_rows_total{outcome=\"loaded\"}")).isPositive();
        assertThat(metrics)
                .containsKey("marsad_step_duration_seconds_sum{status=\"COMPLETED\",step=\"buildWarehouseStep\"}");
        // the models, marts and KPI tables; a run that built nothing would compare equal to another such run
        assertThat(uninterrupted).containsKeys("main.\"dim_region\"", "main.\"kpi_latest\"");
        assertThat(uninterrupted.get("main.\"kpi_latest\"").rows()).isPositive();
    }

    @ParameterizedTest(name = "crash at {0}, then rerun")
    @ValueSource(strings = {"ingest", "build", "publish", "render"})
    void aRerunAfterACrashGivesTheUninterruptedWarehouse(String faultPoint) throws Exception {
        Path work = root.resolve("crash-" + faultPoint);
        TestLandingZones.copyTree(seededWork, work);
        Path published = work.resolve("warehouse/marsad.duckdb");
        Path log = root.resolve("crash-" + faultPoint + ".log");

        try (Connection analyst = WarehouseBuilder.openReadOnly(published)) {
            long regionsBefore = count(analyst, "dim_region");

            int crashed = NightlyProcess.run(
                    log, Map.of("MARSAD_FAULT_AT", faultPoint), NightlyProcess.nightly(work, landing));
            assertThat(crashed).as(Files.readString(log)).isEqualTo(137);
            assertThat(WarehouseChecksums.of(published))
                    .as("a crash before or during publishing leaves a whole warehouse, old or new")
                    .containsKeys("main.\"dim_region\"", "main.\"kpi_latest\"");

            int rerun = NightlyProcess.run(log, Map.of(), NightlyProcess.nightly(work, landing));
            String output = Files.readString(log);
            assertThat(rerun).as(output).isEqualTo(uninterruptedExit);
            assertThat(output).contains("was left STARTED by a process that is gone");

            assertThat(count(analyst, "dim_region"))
                    .as("the connection opened before the crash still reads its version")
                    .isEqualTo(regionsBefore);
        }
        assertThat(WarehouseChecksums.of(published)).isEqualTo(uninterrupted);
        assertThat(work.resolve("warehouse/build")).isEmptyDirectory();
    }

    @Test
    void sigtermStopsTheRunAndTheNextRunRestartsIt() throws Exception {
        Path work = root.resolve("sigterm");
        TestLandingZones.copyTree(seededWork, work);
        Path bigLanding = TestLandingZones.subset(TestLandingZones.demo(root), root.resolve("landing-big"), 1, 0);
        Path demo = TestLandingZones.demo(root);
        TestLandingZones.copy(demo, demo.resolve(TestLandingZones.BIG_FILE), bigLanding);
        TestLandingZones.copy(demo, demo.resolve(TestLandingZones.BIG_FILE + ".done"), bigLanding);
        Path log = root.resolve("sigterm.log");

        NightlyProcess running = NightlyProcess.start(log, Map.of(), NightlyProcess.nightly(work, bigLanding));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!running.logText().contains("discovered") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running.logText()).contains("discovered");
        // status only reads: it works while the run holds the work folder and the H2 job repository
        PrintStream original = System.out;
        ByteArrayOutputStream status = new ByteArrayOutputStream();
        System.setOut(new PrintStream(status, true, StandardCharsets.UTF_8));
        try {
            assertThat(MarsadCommand.run("status", "--work", work.toString())).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(status.toString(StandardCharsets.UTF_8)).contains("STARTED").contains("expected");
        assertThat(running.process().isAlive())
                .as("the big file is still being ingested")
                .isTrue();
        running.process().destroy();
        int stopped = running.waitFor();

        String output = running.logText();
        assertThat(output).contains("SIGTERM: stopping run").contains("STOPPED");
        assertThat(stopped).as(output).isEqualTo(1);

        int rerun = NightlyProcess.run(log, Map.of(), NightlyProcess.nightly(work, bigLanding));
        String rerunOutput = Files.readString(log).substring(output.length());
        assertThat(rerun).as(rerunOutput).isIn(0, 3);
        assertThat(rerunOutput).contains("restarting run").doesNotContain("left STARTED");
        assertThat(rerunOutput).contains("COMPLETED");
    }

    @Test
    void anUnwritableLakeFailsClearlyAndLeavesThePublishedWarehouse() throws Exception {
        SeededWork copy = SeededWork.copy(seededWork, root.resolve("unwritable-lake"));
        Path work = copy.work();
        // a lake below a regular file cannot be created, not even by root
        Path aFile = Files.writeString(root.resolve("not-a-folder"), "x");
        Path log = root.resolve("unwritable-lake.log");
        Path errors = root.resolve("unwritable-lake.err");

        int exit = NightlyProcess.start(
                        log,
                        errors,
                        Map.of(),
                        NightlyProcess.nightly(
                                work, landing, "--lake", aFile.resolve("lake").toString(), "--log-format", "json"))
                .waitFor();

        String output = Files.readString(errors);
        assertThat(exit).as(output).isEqualTo(1);
        assertThat(output).contains("marsad nightly: cannot open the lake at " + aFile.resolve("lake"));
        NightlyProcess.assertJsonLines(errors);
        copy.assertPublishedWarehouseUnchanged();
    }

    private static long count(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
