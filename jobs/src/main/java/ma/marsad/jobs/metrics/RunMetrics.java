package ma.marsad.jobs.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The metrics of the last run in Prometheus text format, at {@code <work>/metrics/marsad.prom}, for node-exporter's
 * textfile collector ({@code --collector.textfile.directory=<work>/metrics}). Written after every run, successful or
 * not, by renaming a complete temporary file, so the collector never reads half a file.
 */
public final class RunMetrics {

    public static final String FILE_NAME = "marsad.prom";
    private static final String LAST_SUCCESS = "marsad_run_last_success_timestamp_seconds";
    private static final Pattern LAST_SUCCESS_LINE =
            Pattern.compile("^" + LAST_SUCCESS + "(?:\\{[^}]*})? ([0-9.eE+]+)$", Pattern.MULTILINE);

    /**
     * What a run did, as the metrics report it.
     *
     * @param execution the job execution, or null when the run failed before the job started
     * @param files landing files by outcome: accepted, accepted_with_quarantine, rejected, skipped
     * @param rows rows by outcome: loaded, quarantined
     * @param kpiStatuses national KPIs by status (from {@code kpi_latest}), empty when nothing was published
     */
    public record RunFacts(
            JobExecution execution,
            boolean succeeded,
            int exitCode,
            Duration took,
            Map<String, Long> files,
            Map<String, Long> rows,
            Map<String, Long> kpiStatuses) {

        public RunFacts {
            took = took == null ? Duration.ZERO : took;
            files = Map.copyOf(files);
            rows = Map.copyOf(rows);
            kpiStatuses = Map.copyOf(kpiStatuses);
        }
    }

    private RunMetrics() {}

    public static Path file(Path work) {
        return work.resolve("metrics").resolve(FILE_NAME);
    }

    /** Writes the metrics of a run; the last success time carries over from the previous file after a failure. */
    public static Path write(Path work, RunFacts facts) throws IOException {
        Path target = file(work);
        Files.createDirectories(target.getParent());
        Optional<Double> lastSuccess =
                facts.succeeded() ? Optional.of(Instant.now().toEpochMilli() / 1000.0) : previousLastSuccess(target);
        String text = render(facts, lastSuccess);
        Path temporary = target.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    static String render(RunFacts facts, Optional<Double> lastSuccess) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        facts.files().forEach((outcome, count) -> Counter.builder("marsad.files")
                .description("Landing files handled by the last run, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment(count));
        facts.rows().forEach((outcome, count) -> Counter.builder("marsad.rows")
                .description("Rows handled by the last run, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment(count));
        facts.kpiStatuses().forEach((status, count) -> Gauge.builder("marsad.kpi.status", count::doubleValue)
                .description("National KPIs by status against the 2030 targets, in the published warehouse")
                .tag("status", status)
                .register(registry));
        if (facts.execution() != null) {
            for (StepExecution step : facts.execution().getStepExecutions()) {
                if (step.getStepName().contains(":") || step.getStartTime() == null || step.getEndTime() == null) {
                    continue; // a partition of the ingestion step: the step itself is timed
                }
                Timer.builder("marsad.step.duration")
                        .description("Duration of each step of the last run")
                        .tag("step", step.getStepName())
                        .tag("status", step.getStatus().toString())
                        .register(registry)
                        .record(Duration.between(step.getStartTime(), step.getEndTime()));
            }
        }
        Gauge.builder("marsad.run.duration.seconds", () -> facts.took().toMillis() / 1000.0)
                .description("Wall-clock duration of the last run, in seconds")
                .register(registry);
        Gauge.builder("marsad.run.exit.code", facts::exitCode)
                .description("Exit code of the last run: 0 ok, 3 ok with findings, 1 failure")
                .register(registry);
        Gauge.builder("marsad.run.success", () -> facts.succeeded() ? 1 : 0)
                .description("1 when the last run succeeded, else 0")
                .register(registry);
        Gauge.builder("marsad.run.last.timestamp.seconds", () -> Instant.now().toEpochMilli() / 1000.0)
                .description("When the last run ended, in seconds since the epoch")
                .register(registry);
        lastSuccess.ifPresent(seconds -> Gauge.builder("marsad.run.last.success.timestamp.seconds", () -> seconds)
                .description("When a run last succeeded, in seconds since the epoch")
                .register(registry));
        String text = registry.scrape();
        registry.close();
        return text;
    }

    private static Optional<Double> previousLastSuccess(Path file) {
        try {
            Matcher matcher = LAST_SUCCESS_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
