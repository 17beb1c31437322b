package ma.marsad.jobs.nightly;

import java.io.IOException;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.pipeline.ingest.LandingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * After ingestion, adds the landing files whose submissions the registry now holds to the landing index, so the next
 * night does not read them again. Deferred ones are left out: they are read again.
 */
class RememberIngestedFiles implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RememberIngestedFiles.class);

    private final PipelineServices services;

    RememberIngestedFiles(PipelineServices services) {
        this.services = services;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        String pending =
                stepExecution.getJobExecution().getExecutionContext().getString(PendingSubmissions.CONTEXT_KEY, "");
        try {
            LandingIndex index = LandingIndex.load(services.settings().landingIndex());
            for (PendingSubmissions.Pending entry : PendingSubmissions.decode(pending)) {
                if (services.registry().contains(entry.submissionId())) {
                    index.remember(entry.submission(), entry.submissionId());
                }
            }
            index.save();
        } catch (IOException e) {
            log.warn("cannot update the landing index ({}): these files are read again next night", e.toString());
        }
        return stepExecution.getExitStatus();
    }
}
