package ma.marsad.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.jobs.MarsadApplication;

/**
 * Runs {@code marsad …} in a JVM of its own, as cron would ({@code java -jar} the same jar, or the same class path
 * when not started from a jar), with the memory options of this JVM, and measures its wall time and peak resident
 * memory.
 */
final class NightProcess {

    private static final long RSS_POLL_MILLIS = 50;

    private final List<String> launch;

    private NightProcess(List<String> launch) {
        this.launch = List.copyOf(launch);
    }

    /** The command that starts this same application in a new JVM. */
    static NightProcess sameApplication() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-X") || option.startsWith("--add-opens") || option.startsWith("--add-exports")) {
                command.add(option);
            }
        }
        String launched = System.getProperty("sun.java.command", "").split(" ", 2)[0];
        if (launched.endsWith(".jar") && Files.isRegularFile(Path.of(launched))) {
            command.add("-jar");
            command.add(Path.of(launched).toAbsolutePath().toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(MarsadApplication.class.getName());
        }
        return new NightProcess(command);
    }

    /** The JVM options passed on to each night. */
    List<String> jvmOptions() {
        return launch.stream().filter(option -> option.startsWith("-X")).toList();
    }

    /** Runs {@code marsad args…} to its end, its output to {@code log}. */
    Measured run(Path log, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launch);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        // the bench's own work folder and H2 job repository, never an installation's
        builder.environment().remove("MARSAD_WORK");
        builder.environment().remove("MARSAD_JOB_REPOSITORY_URL");
        builder.environment().remove("MARSAD_FAULT_AT");
        long start = System.nanoTime();
        Process process = builder.start();
        long peakRss = -1;
        while (process.isAlive()) {
            peakRss = Math.max(peakRss, highWaterMarkBytes(process.pid()));
            process.waitFor(RSS_POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        return new Measured(process.exitValue(), wallSeconds, peakRss);
    }

    /**
     * The process's peak resident set so far ({@code VmHWM} of {@code /proc/<pid>/status}, which only grows, so
     * polling misses at most the growth of the last interval), or -1 where there is no {@code /proc}.
     */
    private static long highWaterMarkBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended, or this system has no /proc
        }
        return -1;
    }

    /** Exit status, wall seconds (JVM start included) and peak resident bytes (-1 when unknown) of a process. */
    record Measured(int exitCode, double wallSeconds, long peakRssBytes) {}
}
