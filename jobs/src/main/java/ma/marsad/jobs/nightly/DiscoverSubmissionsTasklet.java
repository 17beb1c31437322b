package ma.marsad.jobs.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.marsad.jobs.common.BackfillWindow;
import ma.marsad.jobs.common.MarsadSettings;
import ma.marsad.pipeline.ingest.LandingIndex;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finds complete files in the landing zone whose bytes the registry does not know yet. Files unchanged since they were
 * read (landing index) are not read again; a file that cannot be read is reported and left for the next night.
 */
record DiscoverSubmissionsTasklet(
        LandingScanner scanner, SubmissionRegistry registry, MarsadSettings settings, BackfillWindow window)
        implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DiscoverSubmissionsTasklet.class);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobContext = chunkContext
                .getStepContext()
                .getStepExecution()
                .getJobExecution()
                .getExecutionContext();
        LandingScanner.Scan scan = scanner.scan(settings.landing());
        boolean rehash = settings.rehash();
        Path indexFile = settings.landingIndex();
        LandingIndex index = rehash ? LandingIndex.empty(indexFile) : LandingIndex.load(indexFile);
        List<PendingSubmissions.Pending> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int known = 0;
        int hashed = 0;
        int deferred = 0;
        int outsideWindow = 0;
        for (LandingScanner.LandingSubmission submission : scan.submissions()) {
            if (!window.contains(submission.receivedAt())) {
                outsideWindow++;
                continue;
            }
            Optional<String> indexed = index.knownId(submission);
            if (indexed.isPresent() && registry.contains(indexed.get())) {
                known++; // same path, size and time as bytes already registered: not read again
                continue;
            }
            String id;
            try {
                id = LandingScanner.submissionId(submission.parts());
                hashed++;
            } catch (IOException e) {
                // one file that cannot be read this night is reported and tried again next night
                var problem = new DeferredSubmissions.Deferred(
                        ReasonCode.LANDING_UNREADABLE.name(),
                        submission.template() + "/" + submission.submitter() + "/" + submission.displayName(),
                        e.getMessage());
                log.warn("not read, tried again at the next run: {}", problem.line());
                DeferredSubmissions.add(jobContext, problem);
                deferred++;
                continue;
            }
            if (registry.contains(id)) {
                index.remember(submission, id);
                known++;
                continue;
            }
            if (!seen.add(id)) {
                known++;
                continue;
            }
            pending.add(new PendingSubmissions.Pending(id, submission));
        }
        saveQuietly(index);
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
        for (String stale : scan.staleMarkers()) {
            log.warn(
                    "landing/{} was rewritten after its .done marker: read as a new version received when it was"
                            + " rewritten; write the marker after the file",
                    stale);
        }
        log.info(
                "discovered {} new submission(s) in {} ({} already known, {} hashed, {} deferred, {} skipped,"
                        + " {} incomplete)",
                pending.size(),
                settings.landing(),
                known,
                hashed,
                deferred,
                scan.skipped().size(),
                scan.incomplete().size());
        jobContext.putString(PendingSubmissions.CONTEXT_KEY, PendingSubmissions.encode(pending));
        jobContext.putInt(RunContext.SKIPPED, scan.skipped().size());
        jobContext.putInt(RunContext.INCOMPLETE, scan.incomplete().size());
        jobContext.putString(RunContext.STALE_MARKERS, String.join("\n", scan.staleMarkers()));
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }

    /** The index only saves work: a failure to write it costs a rehash next night, not this run. */
    private static void saveQuietly(LandingIndex index) {
        try {
            index.save();
        } catch (IOException e) {
            log.warn("cannot write the landing index ({}): every landing file is read again next night", e.toString());
        }
    }
}
