package ma.marsad.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code marsad nightly} from the application jar in a JVM of its own, as cron runs it: Spring Boot's classpath stays
 * in that JVM, Spark's in this one.
 */
final class NightlyRun {

    private static final long TIMEOUT_MINUTES = 10;

    private NightlyRun() {}

    /** Runs a night and fails, with the night's log, unless it ends with 0 or 3 (quarantined rows, rejected files). */
    static void run(Path work, Path landing, LocalDate asOf) throws IOException, InterruptedException {
        run(work, landing, asOf, List.of());
    }

    /** The same, with more options of {@code marsad nightly} ({@code --config DIR}). */
    static void run(Path work, Path landing, LocalDate asOf, List<String> options)
            throws IOException, InterruptedException {
        String jar = System.getProperty("marsad.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the application jar '" + jar + "' is missing: build module jobs first"
                    + " (mvn -B package -pl jobs -am), or set -Dmarsad.jar=…");
        }
        Files.createDirectories(work);
        Path log = Files.createTempFile(work, "nightly-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                // a night of a few files is over before the optimising compiler pays for itself
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar,
                "nightly",
                "--work",
                work.toString(),
                "--landing",
                landing.toString(),
                "--as-of",
                asOf.toString(),
                "--stability-seconds",
                "0",
                "--quiet"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MARSAD_"));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the night did not end within " + TIMEOUT_MINUTES + " minutes:\n" + text(log));
        }
        int exit = process.exitValue();
        if (exit != 0 && exit != 3) {
            throw new AssertionError("the night ended with exit code " + exit + ":\n" + text(log));
        }
    }

    private static String text(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
