package ma.marsad.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the {@code marsad} command line in a separate JVM, as cron or systemd would, with the test classpath. */
final class NightlyProcess {

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;

    private NightlyProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code marsad args…}; standard output and error go to {@code log}. */
    static NightlyProcess start(Path log, Map<String, String> environment, String... args) throws IOException {
        return start(log, null, environment, args);
    }

    /** As {@link #start(Path, Map, String...)}, standard error to {@code errors} when not null. */
    static NightlyProcess start(Path log, Path errors, Map<String, String> environment, String... args)
            throws IOException {
        return start(log, errors, environment, List.of(), args);
    }

    /** As {@link #start(Path, Path, Map, String...)}, the JVM started through {@code prefix} (e.g. setpriv …). */
    static NightlyProcess start(
            Path log, Path errors, Map<String, String> environment, List<String> prefix, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MarsadApplication.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (errors == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()));
        }
        builder.environment().remove("MARSAD_FAULT_AT");
        builder.environment().remove("MARSAD_JOB_REPOSITORY_URL");
        builder.environment().remove("MARSAD_WORK");
        builder.environment().putAll(environment);
        return new NightlyProcess(builder.start(), log);
    }

    /** Runs {@code marsad args…} to its end and returns its exit status. */
    static int run(Path log, Map<String, String> environment, String... args) throws Exception {
        return start(log, environment, args).waitFor();
    }

    /** Asserts that every line of {@code file} is exactly one JSON object, as log collectors expect. */
    static void assertJsonLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new AssertionError(file + " is empty");
        }
        var factory = new com.fasterxml.jackson.core.JsonFactory();
        for (String line : lines) {
            try (var parser = factory.createParser(line)) {
                if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    throw new AssertionError("not a JSON object: " + line);
                }
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new AssertionError("more than one JSON value on a line: " + line);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
    }

    int waitFor() throws Exception {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("marsad did not finish within " + TIMEOUT + "; its log:\n" + logText());
        }
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    static String[] nightly(Path work, Path landing, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "nightly",
                "--work",
                work.toString(),
                "--landing",
                landing.toString(),
                "--as-of",
                "2026-11-28",
                "--stability-seconds",
                "0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
