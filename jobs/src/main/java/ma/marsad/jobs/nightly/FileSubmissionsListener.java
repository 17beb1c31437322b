package ma.marsad.jobs.nightly;

import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.pipeline.lake.PartitionFiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** After ingestion, brings partition files a lake older than its Iceberg tables kept in history/ back to staging/. */
class FileSubmissionsListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FileSubmissionsListener.class);

    private final PipelineServices services;

    FileSubmissionsListener(PipelineServices services) {
        this.services = services;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            int moved =
                    new PartitionFiler(services.lake()).file(services.registry().snapshot());
            if (moved > 0) {
                log.info("moved {} partition file(s) from the lake's former history/ back to staging/", moved);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot bring partition files back from history/: " + e.getMessage(), e);
        }
        return stepExecution.getExitStatus();
    }
}
