package ma.marsad.jobs.nightly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Whether a worker runs a partition request it received. Only a partition no one has started, of a run still going, is
 * run. A partition already started was held by a worker whose connection to the broker closed before it ended (the
 * process died, or its machine): it is marked failed here, so the manager fails the step naming it and the rerun
 * ingests it again. It is not run again here: a submission that killed one worker must not kill them all.
 */
class PartitionRequestCheck {

    static final String WORKER_DIED =
            "the worker running this partition stopped before it ended;" + " the next run ingests the submission again";
    private static final Logger log = LoggerFactory.getLogger(PartitionRequestCheck.class);

    private final JobRepository jobRepository;

    PartitionRequestCheck(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    boolean shouldRun(StepExecutionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null || !partition.getStepName().startsWith(request.getStepName() + ":")) {
            log.warn("{} names no partition of this job repository: dropped (another installation's queue?)", request);
            return false;
        }
        BatchStatus status = partition.getStatus();
        if (status == BatchStatus.STARTING && partition.getJobExecution().isRunning()) {
            return true;
        }
        if (status == BatchStatus.STARTED) {
            log.error("partition {} was left {} by a worker that died: marked failed", partition.getStepName(), status);
            WorkerPartitions.fail(jobRepository, partition, WORKER_DIED);
            return false;
        }
        log.info("partition {} is {} already: request dropped", partition.getStepName(), status);
        return false;
    }
}
