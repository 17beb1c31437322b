package ma.marsad.jobs.nightly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.dashboards.render.RunRecord;
import ma.marsad.jobs.common.FaultInjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders the static site from the published warehouse into a new folder and swaps it in. */
record RenderDashboardsTasklet(PublishedSite site, RunSummaries runs) implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderDashboardsTasklet.class);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        FaultInjection.at("render");
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        var summary = site.render(finalRuns(jobExecution));
        log.info("rendered dashboards: {}", summary);
        return RepeatStatus.FINISHED;
    }

    /**
     * The earlier runs as summarised, and this run as it ends: rendering is its last step, so the page it renders shows
     * it completed, with its counts, rather than the "started" row the warehouse was built with.
     */
    private List<RunRecord> finalRuns(JobExecution jobExecution) throws Exception {
        List<RunRecord> history = new ArrayList<>(runs.finalRecords());
        RunRecord now = runs.of(jobExecution, Duration.ZERO).record();
        history.add(new RunRecord(
                now.runId(),
                now.asOf(),
                now.startedAt(),
                Instant.now(),
                BatchStatus.COMPLETED.toString(),
                now.filesAccepted(),
                now.filesWithQuarantine(),
                now.filesRejected(),
                now.rowsLoaded(),
                now.rowsQuarantined()));
        return history;
    }
}
