package ma.marsad.jobs.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.pipeline.demo.DemoLandingZone;
import ma.marsad.pipeline.demo.DemoSummary;
import ma.marsad.pipeline.demo.NationalVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marsad bench nightly}: the cost of a night against the size of the lake. Builds a lake of N days of ADD
 * exports at national volume plus the demo's other templates (a first night ingests them), then times, each night in
 * a JVM of its own: (i) a full rebuild with nothing new, (ii) a night that adds one day, (iii) a night with nothing
 * new.
 */
@Command(
        name = "nightly",
        mixinStandardHelpOptions = true,
        description = {
            "Generates the demo landing zone with ADD's full export of each of the last N days at national volume"
                    + " (marsad demo --volume national --days N) and ingests it in a first night, then runs:",
            "(i) nightly --full-rebuild with nothing new: build, score, publish, render from the whole lake;",
            "(ii) a night that adds one national-volume day, its ingestion included;",
            "(iii) a night with nothing new.",
            "Each night is its own JVM (java -jar the same jar, with this JVM's -X options, as cron runs it). Prints"
                    + " the seconds of each step as the job repository recorded them, the wall time of each process"
                    + " (JVM start included), its peak resident memory, the disk used, then the lines"
                    + " nightly_one_day_vs_full_ratio ((ii)/(i) wall), nightly_noop_vs_full_ratio ((iii)/(i) wall)"
                    + " and nightly_one_day_seconds ((ii) wall)."
        })
public class NightlyBenchCommand implements Callable<Integer> {

    private static final List<String> STEPS = List.of("discover", "ingest", "build", "score", "publish", "render");

    @Option(
            names = "--days",
            paramLabel = "N",
            required = true,
            description = "Days of national-volume exports in the lake before the measured nights")
    int days;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Folder for the bench (kept in DIR/bench-nightly for inspection)."
                    + " Default: a temporary folder, deleted at the end")
    Path work;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated data. Default: 2030")
    long seed = DemoLandingZone.DEFAULT_SEED;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "As-of date of the first night; the lake's days end the day before."
                    + " Default: 2026-12-04, so runs on different days compare")
    LocalDate asOf = LocalDate.of(2026, 12, 4);

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new UsageException("--days must be at least 1, not " + days);
        }
        BenchFolder.run(work, "bench-nightly", folder -> run(folder, System.out));
        return ExitCodes.SUCCESS;
    }

    private void run(Path folder, PrintStream out) throws IOException, InterruptedException {
        Path workFolder = folder.resolve("work");
        Path landing = workFolder.resolve("landing");
        Path logs = Files.createDirectories(folder.resolve("logs"));
        NightProcess nights = NightProcess.sameApplication();
        out.printf(
                Locale.ROOT,
                "marsad bench nightly: %d day(s) of national-volume exports, as of %s, seed %d; %d cores, load average"
                        + " %.1f at start; nights run with JVM options %s%n",
                days,
                asOf,
                seed,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                nights.jvmOptions().isEmpty() ? "(none)" : String.join(" ", nights.jvmOptions()));

        long start = System.nanoTime();
        DemoSummary generated = DemoLandingZone.generate(landing, seed, asOf, days);
        out.printf(
                Locale.ROOT,
                "landing zone: %,d files, %,d rows, generated in %.1f s%n",
                generated.files().size(),
                generated.totalDataRows(),
                (System.nanoTime() - start) / 1e9);

        List<NightRun> runs = new ArrayList<>();
        NightRun first = night(nights, workFolder, logs, "first night: ingests the " + days + "-day lake", asOf);
        runs.add(first);
        NightRun full = night(nights, workFolder, logs, "(i) full rebuild, nothing new", asOf, "--full-rebuild");
        runs.add(full);
        expectNothingIngested(full);

        LocalDate newDay = asOf;
        DemoLandingZone.addNationalDay(landing, seed, newDay);
        NightRun oneDay = night(nights, workFolder, logs, "(ii) one new day", newDay.plusDays(1));
        runs.add(oneDay);
        int newRows = NationalVolume.requests(newDay, seed);
        if (oneDay.filesIngested() != 1 || oneDay.rowsLoaded() != newRows) {
            throw new IllegalStateException("night (ii) should have loaded the " + newRows + " requests of " + newDay
                    + " from one file; it loaded " + oneDay.rowsLoaded() + " rows from " + oneDay.filesIngested()
                    + " files");
        }
        NightRun noop = night(nights, workFolder, logs, "(iii) nothing new", newDay.plusDays(2));
        runs.add(noop);
        expectNothingIngested(noop);

        out.println();
        printSteps(out, runs);
        out.println();
        printDisk(out, workFolder);
        out.println();
        out.printf(Locale.ROOT, "nightly_one_day_vs_full_ratio: %.3f%n", oneDay.wallSeconds() / full.wallSeconds());
        out.printf(Locale.ROOT, "nightly_noop_vs_full_ratio: %.3f%n", noop.wallSeconds() / full.wallSeconds());
        out.printf(Locale.ROOT, "nightly_one_day_seconds: %.1f%n", oneDay.wallSeconds());
    }

    private static NightRun night(
            NightProcess nights, Path workFolder, Path logs, String label, LocalDate date, String... options)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "nightly",
                "--work",
                workFolder.toString(),
                "--as-of",
                date.toString(),
                "--stability-seconds",
                "0",
                "--quiet"));
        args.addAll(List.of(options));
        Path log = logs.resolve("night-" + (countFiles(logs) + 1) + ".log");
        NightProcess.Measured measured = nights.run(log, args);
        if (measured.exitCode() != ExitCodes.SUCCESS && measured.exitCode() != ExitCodes.SUCCESS_WITH_FINDINGS) {
            throw new IllegalStateException(label + ": marsad nightly exited with " + measured.exitCode() + "; see "
                    + log + ":" + System.lineSeparator() + tail(log));
        }
        NightRun run = NightRun.read(
                workFolder.resolve("runs"),
                label,
                measured.exitCode(),
                measured.wallSeconds(),
                measured.peakRssBytes());
        if (!"COMPLETED".equals(run.status()) || !date.toString().equals(run.asOf())) {
            throw new IllegalStateException(label + ": the last run summary is " + run.status() + " as of " + run.asOf()
                    + ", not a completed run as of " + date + "; see " + log);
        }
        return run;
    }

    private static void expectNothingIngested(NightRun run) {
        if (run.filesIngested() != 0) {
            throw new IllegalStateException(
                    run.label() + " should find nothing new; it ingested " + run.filesIngested() + " files");
        }
    }

    private static void printSteps(PrintStream out, List<NightRun> runs) {
        out.println("seconds by step (job repository); wall = the process, JVM start included");
        StringBuilder header = new StringBuilder("| night | rows loaded |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (String step : STEPS) {
            header.append(' ').append(step).append(" |");
            rule.append("---:|");
        }
        out.println(header + " steps | wall | peak RSS |");
        out.println(rule + "---:|---:|---:|");
        for (NightRun run : runs) {
            StringBuilder line =
                    new StringBuilder(String.format(Locale.ROOT, "| %s | %,d |", run.label(), run.rowsLoaded()));
            for (String step : STEPS) {
                line.append(String.format(Locale.ROOT, " %.1f |", run.stepSeconds(step)));
            }
            line.append(String.format(
                    Locale.ROOT,
                    " %.1f | %.1f | %s |",
                    run.jobSeconds(),
                    run.wallSeconds(),
                    run.peakRssBytes() < 0 ? "n/a" : (run.peakRssBytes() >> 20) + " MB"));
            out.println(line);
        }
    }

    private static void printDisk(PrintStream out, Path workFolder) throws IOException {
        Map<String, Long> bytes = new TreeMap<>();
        long total = 0;
        try (Stream<Path> files = Files.walk(workFolder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = workFolder.relativize(file);
                String area = relative.getName(0).toString();
                if (area.equals("lake") && relative.getNameCount() > 2) {
                    area = "lake/" + relative.getName(1);
                }
                long size = Files.size(file);
                bytes.merge(area, size, Long::sum);
                total += size;
            }
        }
        out.printf(Locale.ROOT, "disk used by the work folder: %,.1f MB%n", total / 1e6);
        bytes.forEach((area, size) -> out.printf(Locale.ROOT, "  %-20s %,10.1f MB%n", area, size / 1e6));
    }

    private static int countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.count();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines =
                List.of(new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).split("\\R"));
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
