package ma.marsad.jobs.nightly;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * After the manager step: brings the workers' deferred submissions into the manager step's context (the run summary
 * reads them there), fails the partitions no worker ended before the manager stopped waiting, and names every failed
 * partition in the step's exit status and failure, so the operator knows what the rerun ingests again.
 */
record WorkerPartitions(JobRepository jobRepository, String workerStep) implements StepExecutionListener {

    static final String NOT_ENDED = "no worker ended this partition before the manager stopped waiting;"
            + " the next run ingests the submission again";
    private static final Logger log = LoggerFactory.getLogger(WorkerPartitions.class);

    @Override
    public ExitStatus afterStep(StepExecution managerStep) {
        JobExecution job = jobRepository.getJobExecution(managerStep.getJobExecutionId());
        List<String> failed = new ArrayList<>();
        for (StepExecution partition : job.getStepExecutions()) {
            if (!partition.getStepName().startsWith(workerStep + ":")) {
                continue;
            }
            DeferredSubmissions.copy(partition.getExecutionContext(), managerStep.getExecutionContext());
            if (partition.getStatus().isRunning()) {
                fail(jobRepository, partition, NOT_ENDED);
            }
            if (partition.getStatus() == BatchStatus.FAILED) {
                failed.add(partition.getStepName().substring(workerStep.length() + 1) + " ("
                        + firstLine(partition.getExitStatus().getExitDescription()) + ")");
            }
        }
        if (failed.isEmpty()) {
            return null;
        }
        String names = failed.size() + " partition(s) not ingested by the workers: " + String.join(", ", failed);
        log.error(names);
        // first, so the run summary's failure line names the partitions rather than the manager's time-out
        managerStep.getFailureExceptions().add(0, new IllegalStateException(names));
        return managerStep.getExitStatus().and(ExitStatus.FAILED).addExitDescription(names);
    }

    /** Records a partition as failed, with why, so the rerun runs it again. */
    static void fail(JobRepository jobRepository, StepExecution partition, String why) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        partition.setEndTime(LocalDateTime.now());
        jobRepository.update(partition);
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
