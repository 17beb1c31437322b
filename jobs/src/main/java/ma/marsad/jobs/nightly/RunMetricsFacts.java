package ma.marsad.jobs.nightly;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.metrics.RunMetrics;
import org.springframework.batch.core.repository.JobRepository;

/** What the metrics file reports of a run summary. */
final class RunMetricsFacts {

    private RunMetricsFacts() {}

    static RunMetrics.RunFacts of(RunSummary summary, JobRepository jobRepository) {
        Map<String, Long> files = new LinkedHashMap<>();
        files.put("accepted", (long) summary.filesAccepted());
        files.put("accepted_with_quarantine", (long) summary.filesWithQuarantine());
        files.put("rejected", (long) summary.filesRejected());
        files.put("deferred", (long) summary.filesDeferred());
        files.put("skipped", (long) summary.entriesSkipped());
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("read", summary.rowsLoaded() + summary.rowsQuarantined());
        rows.put("loaded", summary.rowsLoaded());
        rows.put("quarantined", summary.rowsQuarantined());
        return new RunMetrics.RunFacts(
                jobRepository.getJobExecution(summary.runId()),
                summary.completed(),
                summary.exitCode(),
                Duration.ofSeconds(summary.seconds()),
                files,
                rows,
                summary.kpiStatuses());
    }

    static RunMetrics.RunFacts failedToRun() {
        return new RunMetrics.RunFacts(null, false, ExitCodes.FAILURE, Duration.ZERO, Map.of(), Map.of(), Map.of());
    }
}
