package ma.marsad.jobs.nightly;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ma.marsad.jobs.common.BackfillWindow;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.pipeline.ingest.LandingScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Finds complete files in the landing zone whose bytes the registry does not know yet. */
class DiscoverSubmissionsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DiscoverSubmissionsTasklet.class);

    private final PipelineServices services;
    private final BackfillWindow window;

    DiscoverSubmissionsTasklet(PipelineServices services, BackfillWindow window) {
        this.services = services;
        this.window = window;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LandingScanner.Scan scan = services.scanner().scan(services.settings().landing());
        List<PendingSubmissions.Pending> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int known = 0;
        int outsideWindow = 0;
        for (LandingScanner.LandingSubmission submission : scan.submissions()) {
            if (!window.contains(submission.receivedAt())) {
                outsideWindow++;
                continue;
            }
            String id = LandingScanner.submissionId(submission.parts());
            if (services.registry().contains(id) || !seen.add(id)) {
                known++;
                continue;
            }
            pending.add(new PendingSubmissions.Pending(id, submission));
        }
        if (window.isSet()) {
            log.info(
                    "backfill {} to {}: {} file(s) received outside these days left alone",
                    window.from(),
                    window.to(),
                    outsideWindow);
        }
        for (LandingScanner.SkippedEntry skipped : scan.skipped()) {
            log.warn("skipped landing/{}: {}", skipped.path(), skipped.reason());
        }
        for (String incomplete : scan.incomplete()) {
            log.info("not complete yet, left for the next run: landing/{}", incomplete);
        }
        log.info(
                "discovered {} new submission(s) in {} ({} already known, {} skipped, {} incomplete)",
                pending.size(),
                services.settings().landing(),
                known,
                scan.skipped().size(),
                scan.incomplete().size());
        var jobContext = chunkContext
                .getStepContext()
                .getStepExecution()
                .getJobExecution()
                .getExecutionContext();
        jobContext.putString(PendingSubmissions.CONTEXT_KEY, PendingSubmissions.encode(pending));
        jobContext.putInt(RunContext.SKIPPED, scan.skipped().size());
        jobContext.putInt(RunContext.INCOMPLETE, scan.incomplete().size());
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
