package ma.marsad.jobs.nightly;

import ma.marsad.jobs.common.FaultInjection;
import ma.marsad.jobs.common.FeedbackReports;
import ma.marsad.pipeline.ingest.SubmissionDeferredException;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.quality.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Ingests the one submission of its partition; safe to run again after a crash (the registry commit is last). */
record IngestSubmissionTasklet(SubmissionIngester ingester, FeedbackReports feedback) implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IngestSubmissionTasklet.class);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepContext = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        PendingSubmissions.Pending entry = PendingSubmissions.decode(stepContext.getString(SubmissionPartitioner.ENTRY))
                .get(0);
        long start = System.nanoTime();
        SubmissionIngester.Result result;
        try {
            result = ingester.ingestWithOutcome(entry.submission(), entry.submissionId());
        } catch (SubmissionDeferredException e) {
            defer(stepContext, DeferredSubmissions.Deferred.of(e));
            return RepeatStatus.FINISHED;
        } catch (RuntimeException e) {
            // a defect met outside validation: nothing was committed, so the next run ingests it again; one
            // submission never fails the step. An IOException here is the lake's or the disk's, not the file's
            // (landing reads are deferrals above): it fails the run with exit 1, and the rerun resumes.
            defer(
                    stepContext,
                    new DeferredSubmissions.Deferred(
                            ReasonCode.INGESTION_FAILED.name(), landingName(entry), e.toString()));
            log.error("ingestion of landing/{} failed", landingName(entry), e);
            return RepeatStatus.FINISHED;
        }
        SubmissionRecord record = result.record();
        feedback.write(record, result.outcome());
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        contribution.incrementReadCount();
        log.info(
                "{}/{}/{}: {} ({} rows read, {} loaded, {} quarantined{}) in {} ms, {} rows/s",
                record.template(),
                record.submitter(),
                entry.submission().displayName(),
                record.status(),
                record.rowsRead(),
                record.rowsAccepted(),
                record.rowsQuarantined(),
                record.fileErrorCode() == null ? "" : ", " + record.fileErrorCode(),
                millis,
                record.rowsRead() * 1000 / millis);
        FaultInjection.at("ingest");
        return RepeatStatus.FINISHED;
    }

    private static void defer(ExecutionContext stepContext, DeferredSubmissions.Deferred deferred) {
        log.warn("not loaded, tried again at the next run: {}", deferred.line());
        DeferredSubmissions.add(stepContext, deferred);
    }

    private static String landingName(PendingSubmissions.Pending entry) {
        var submission = entry.submission();
        return submission.template() + "/" + submission.submitter() + "/" + submission.displayName();
    }
}
