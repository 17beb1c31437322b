package ma.marsad.jobs.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import ma.marsad.pipeline.ingest.LandingIndex;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.PartitionFiler;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * After ingestion, local or by workers: adds the landing files whose submissions the registry now holds to the landing
 * index, so the next night does not read them again (deferred ones are left out: they are read again); then brings
 * partition files a lake older than its Iceberg tables kept in history/ back to staging/.
 */
record AfterIngestion(Lake lake, SubmissionRegistry registry, Path landingIndex) implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AfterIngestion.class);

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        rememberIngestedFiles(
                stepExecution.getJobExecution().getExecutionContext().getString(PendingSubmissions.CONTEXT_KEY, ""));
        fileSubmissions();
        return stepExecution.getExitStatus();
    }

    private void rememberIngestedFiles(String pending) {
        try {
            LandingIndex index = LandingIndex.load(landingIndex);
            for (PendingSubmissions.Pending entry : PendingSubmissions.decode(pending)) {
                if (registry.contains(entry.submissionId())) {
                    index.remember(entry.submission(), entry.submissionId());
                }
            }
            index.save();
        } catch (IOException e) {
            log.warn("cannot update the landing index ({}): these files are read again next night", e.toString());
        }
    }

    private void fileSubmissions() {
        try {
            int moved = new PartitionFiler(lake).file(registry.snapshot());
            if (moved > 0) {
                log.info("moved {} partition file(s) from the lake's former history/ back to staging/", moved);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bring partition files back from history/: " + e.getMessage(), e);
        }
    }
}
