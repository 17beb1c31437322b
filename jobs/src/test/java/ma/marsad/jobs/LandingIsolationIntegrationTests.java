package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One landing file that cannot be read, changes, or arrives as a correction never stops or falsifies the night: the
 * real nightly job (H2 job repository, Parquet lake, DuckDB warehouse) on small landing zones, with real unreadable
 * files (permissions enforced on a process without the DAC capabilities) and a real I/O error (a bind mount of a
 * process's memory file, whose read at offset 0 fails with EIO).
 */
class LandingIsolationIntegrationTests {

    private static final String HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction\n";
    private static final String DAY_26 = "egov-requests/ADD/requests-2026-11-26.csv";
    private static final String DAY_27 = "egov-requests/ADD/requests-2026-11-27.csv";
    /** Drops the capabilities that let root read any file, so permissions apply as to any other user. */
    private static final List<String> WITHOUT_DAC = List.of(
            "setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search");

    @TempDir
    Path folder;

    @Test
    void anUnreadableFileIsDeferredTheNightGoesOnAndTheNextRunLoadsIt() throws Exception {
        // given a landing zone with a readable day and an unreadable one
        Path landing = folder.resolve("landing");
        Path work = folder.resolve("work");
        write(landing.resolve(DAY_27), HEADER + rows("A", 3, "web"), "2026-11-27T23:00:00Z");
        Path unreadable = write(
                landing.resolve(DAY_26),
                HEADER + rows("B", 2, "web").replace("2026-11-27T", "2026-11-26T"),
                "2026-11-26T23:00:00Z");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        assumeReadFails(
                WITHOUT_DAC, unreadable, "Permission denied", "cannot start a process that permissions apply to");

        // when the night runs as a process that cannot read it, then the readable day is loaded, the other is named,
        // deferred and counted, and the run exits 3
        nightDeferringDay26(WITHOUT_DAC, folder.resolve("night-1.log"), work, landing);
        assertThat(lastRunSummary(work)).contains("\"files_deferred\" : 1").contains("requests-2026-11-26.csv");
        assertThat(Files.readString(work.resolve("metrics/marsad.prom")))
                .contains("marsad_files_total{outcome=\"deferred\"} 1.0");

        // when it is readable again, then the next run loads it: it was never recorded as rejected
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(nightly(work, landing)).isZero();
        assertThat(count(work, "select count(*) from fct_egov_requests")).isEqualTo(5);
        assertThat(count(work, "select count(*) from submission where status = 'rejected'"))
                .isZero();
    }

    @Test
    void aFileWhoseReadFailsWithAnIoErrorIsDeferredAndNamed() throws Exception {
        // given a landing file bound to this test process's memory file, whose read at offset 0 fails with EIO
        Path landing = folder.resolve("landing");
        Path work = folder.resolve("work");
        write(landing.resolve(DAY_27), HEADER + rows("A", 3, "web"), "2026-11-27T23:00:00Z");
        Path failing = write(landing.resolve(DAY_26), "", "2026-11-26T23:00:00Z");
        String mem = "/proc/" + ProcessHandle.current().pid() + "/mem";
        List<String> bound = List.of(
                "unshare",
                "-m",
                "sh",
                "-c",
                "mount --bind \"$1\" \"$2\" && shift 2 && exec \"$@\"",
                "sh",
                mem,
                failing.toString());
        assumeReadFails(bound, failing, "Input/output error", "no mount namespace with bind mounts here");

        // when, then
        nightDeferringDay26(bound, folder.resolve("night.log"), work, landing);
        assertThat(lastRunSummary(work)).contains("\"files_deferred\" : 1");
    }

    @Test
    void aCorrectionWrittenAfterItsDoneMarkerBecomesCurrentAndTheStaleMarkerIsReported() throws Exception {
        // given a night that loaded a file marked done
        Path landing = folder.resolve("landing");
        Path work = folder.resolve("work");
        Path file = write(landing.resolve(DAY_27), HEADER + rows("A", 4, "web"), "2026-11-27T23:00:00Z");
        write(landing.resolve(DAY_27 + ".done"), "", "2026-11-27T23:01:00Z");
        assertThat(nightly(work, landing)).isZero();
        String first = LandingScanner.submissionId(List.of(file));

        // when the submitter rewrites the file with corrected channels and leaves the old marker; the correction is
        // chosen to sort before the first version by digest, the order that used to break the tie
        String corrected = null;
        for (int minute = 0; corrected == null || sha(corrected).compareTo(first) > 0; minute++) {
            assertThat(minute).isLessThan(60);
            corrected = HEADER + rows("A", 4, "mobile").replace("T09:00:00", String.format("T09:%02d:00", minute));
        }
        write(landing.resolve(DAY_27), corrected, "2026-11-28T08:00:00Z");
        Path log = folder.resolve("night-2.log");
        int exit = NightlyProcess.start(log, Map.of(), NightlyProcess.nightly(work, landing))
                .waitFor();

        // then the correction is current and the run says the marker was stale
        String text = Files.readString(log);
        assertThat(exit).as(text).isIn(0, 3);
        assertThat(count(work, "select count(*) from fct_egov_requests where channel = 'mobile'"))
                .isEqualTo(4);
        assertThat(count(work, "select count(*) from fct_egov_requests")).isEqualTo(4);
        assertThat(text).contains("rewritten after its .done marker").contains("requests-2026-11-27.csv");
    }

    @Test
    void versionsReceivedAtTheSameTimeFollowDiscoveryOrderAndALoserIsNeverSilent() throws Exception {
        // given a night that loaded b.csv
        Path landing = folder.resolve("landing");
        Path work = folder.resolve("work");
        String sameTime = "2026-11-27T23:00:00Z";
        write(landing.resolve("egov-requests/ADD/b.csv"), HEADER + rows("A", 2, "web"), sameTime);
        assertThat(nightly(work, landing)).isZero();

        // when a.csv, the same day received at the same time, is found the next night
        write(landing.resolve("egov-requests/ADD/a.csv"), HEADER + rows("A", 2, "mobile"), sameTime);
        assertThat(nightly(work, landing)).isZero();

        // then the version discovered later is current, not the one whose name sorts last
        assertThat(count(work, "select count(*) from fct_egov_requests where channel = 'mobile'"))
                .isEqualTo(2);

        // when two more versions arrive together, then the later in the scan is current, and the other is reported
        write(landing.resolve("egov-requests/ADD/c.csv"), HEADER + rows("C", 2, "counter"), sameTime);
        write(landing.resolve("egov-requests/ADD/d.csv"), HEADER + rows("D", 2, "web"), sameTime);
        Path log = folder.resolve("night-3.log");
        int exit = NightlyProcess.start(log, Map.of(), NightlyProcess.nightly(work, landing))
                .waitFor();
        String text = Files.readString(log);
        assertThat(exit).as(text).isEqualTo(3);
        assertThat(count(work, "select count(*) from fct_egov_requests where request_id like 'D%'"))
                .isEqualTo(2);
        assertThat(count(work, "select count(*) from fct_egov_requests")).isEqualTo(2);
        assertThat(text)
                .contains("accepted but not current: landing/egov-requests/ADD/c.csv")
                .contains("current is landing/egov-requests/ADD/d.csv");
    }

    @Test
    void unchangedFilesAreNotReadAgainAndRehashReadsThem() throws Exception {
        // given a night that loaded a file
        Path landing = folder.resolve("landing");
        Path work = folder.resolve("work");
        Path file = write(landing.resolve(DAY_27), HEADER + rows("A", 3, "web"), "2026-11-27T23:00:00Z");
        assertThat(nightly(work, landing)).isZero();

        // when it is rewritten with as many bytes and the same time, then the next night does not read it
        long size = Files.size(file);
        write(landing.resolve(DAY_27), HEADER + rows("B", 3, "web"), "2026-11-27T23:00:00Z");
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(nightly(work, landing)).isZero();
        assertThat(count(work, "select count(*) from fct_egov_requests where request_id like 'A%'"))
                .isEqualTo(3);

        // and --rehash does, and loads the new bytes as the latest version
        assertThat(nightly(work, landing, "--rehash")).isZero();
        assertThat(count(work, "select count(*) from fct_egov_requests where request_id like 'B%'"))
                .isEqualTo(3);
        assertThat(count(work, "select count(*) from fct_egov_requests")).isEqualTo(3);
    }

    /** Skips the test unless {@code cat file} run under {@code wrapper} fails with {@code error}. */
    private void assumeReadFails(List<String> wrapper, Path file, String error, String otherwise) throws Exception {
        List<String> probe = new ArrayList<>(wrapper);
        probe.addAll(List.of("cat", file.toString()));
        Path probeLog = folder.resolve("probe.log");
        assumeTrue(
                run(probe, probeLog) != 0 && Files.readString(probeLog).contains(error),
                otherwise + ": " + Files.readString(probeLog));
    }

    /**
     * A night run under {@code wrapper}, which cannot read {@link #DAY_26}: it loads {@link #DAY_27}, names the other
     * as deferred and exits 3.
     */
    private static void nightDeferringDay26(List<String> wrapper, Path log, Path work, Path landing) throws Exception {
        int exit = NightlyProcess.start(log, null, Map.of(), wrapper, NightlyProcess.nightly(work, landing))
                .waitFor();
        String text = Files.readString(log);
        assertThat(exit).as(text).isEqualTo(3);
        assertThat(count(work, "select count(*) from fct_egov_requests")).isEqualTo(3);
        assertThat(text).contains("LANDING_UNREADABLE").contains("requests-2026-11-26.csv");
    }

    private static String rows(String prefix, int count, String channel) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(prefix)
                    .append(i)
                    .append(",DGI-001,01,")
                    .append(channel)
                    .append(",2026-11-27T09:00:00,,submitted,\n");
        }
        return text.toString();
    }

    private static Path write(Path file, String content, String modified) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
        return file;
    }

    private String sha(String content) throws Exception {
        Path file = Files.createTempFile(folder, "content", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return LandingScanner.submissionId(List.of(file));
    }

    private static int nightly(Path work, Path landing, String... more) {
        List<String> args = new ArrayList<>(List.of(NightlyProcess.nightly(work, landing, more)));
        args.add("--quiet");
        return MarsadCommand.run(args.toArray(String[]::new));
    }

    private static long count(Path work, String sql) throws Exception {
        try (Connection connection = WarehouseBuilder.openReadOnly(work.resolve("warehouse/marsad.duckdb"));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String lastRunSummary(Path work) throws Exception {
        try (Stream<Path> runs = Files.list(work.resolve("runs"))) {
            Path last = runs.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
            return Files.readString(last);
        }
    }

    private static int run(List<String> command, Path log) throws Exception {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (java.io.IOException e) {
            Files.writeString(log, e.toString());
            return -1;
        }
    }
}
