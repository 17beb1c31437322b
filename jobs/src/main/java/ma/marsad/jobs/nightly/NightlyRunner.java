package ma.marsad.jobs.nightly;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import ma.marsad.jobs.common.MarsadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts the nightly job, or restarts the last one when it did not finish: a run left {@code STARTED} by a crashed
 * process is first marked failed (the caller holds the work-folder lock, so its process is gone), then restarted from
 * the step where it stopped, with the same parameters.
 */
@Component
public record NightlyRunner(
        JobOperator jobOperator,
        JobRepository jobRepository,
        Job nightlyJob,
        RunSummaries runs,
        MarsadSettings settings) {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

    /** Runs the job to its end and summarises it. */
    public RunSummary run() throws Exception {
        LocalDateTime started = LocalDateTime.now();
        JobExecution execution;
        try (var stopOnSignal = StopOnSignal.install(jobOperator, jobRepository)) {
            execution = launch();
        }
        Duration took = Duration.between(started, LocalDateTime.now());
        return runs.of(execution, took);
    }

    /** Marks a run left running by a dead process as failed; returns whether there was one. */
    public boolean recoverCrashedRun() {
        JobInstance last = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        if (last == null) {
            return false;
        }
        JobExecution execution = jobRepository.getLastJobExecution(last);
        if (execution == null || !execution.isRunning()) {
            return false;
        }
        log.warn(
                "run {} was left {} by a process that is gone: marking it failed so it can restart",
                execution.getId(),
                execution.getStatus());
        jobOperator.recover(execution);
        return true;
    }

    private JobExecution launch() throws Exception {
        recoverCrashedRun();
        JobInstance last = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        JobExecution previous = last == null ? null : jobRepository.getLastJobExecution(last);
        if (previous != null
                && (previous.getStatus() == BatchStatus.FAILED || previous.getStatus() == BatchStatus.STOPPED)) {
            if (sameRun(previous.getJobParameters())) {
                log.info("restarting run {} (instance {}) where it stopped", previous.getId(), last.getInstanceId());
                return jobOperator.restart(previous);
            }
            log.warn("abandoning unfinished run {}: it was for another date or landing zone", previous.getId());
            jobOperator.abandon(previous);
        }
        long runId = previous == null ? 1 : previousRunId(previous.getJobParameters()) + 1;
        JobParameters parameters = new JobParametersBuilder()
                .addLong("run.id", runId)
                .addLocalDate("asOf", settings.asOf(), false)
                .addString("landing", settings.landing().toString(), false)
                .toJobParameters();
        return jobOperator.start(nightlyJob, parameters);
    }

    private boolean sameRun(JobParameters parameters) {
        return Objects.equals(parameters.getLocalDate("asOf"), settings.asOf())
                && Objects.equals(
                        parameters.getString("landing"), settings.landing().toString());
    }

    private static long previousRunId(JobParameters parameters) {
        Long runId = parameters.getLong("run.id");
        return runId == null ? 0 : runId;
    }
}
