package ma.marsad.jobs.nightly;

import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.pipeline.lake.PartitionFiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** After ingestion, files superseded partitions under history/ so staging/ holds current data only. */
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
                log.info("moved {} superseded partition(s) to the lake's history", moved);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot file superseded partitions: " + e.getMessage(), e);
        }
        return stepExecution.getExitStatus();
    }
}
