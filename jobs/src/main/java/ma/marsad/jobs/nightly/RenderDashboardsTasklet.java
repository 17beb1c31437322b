package ma.marsad.jobs.nightly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.dashboards.render.RunRecord;
import ma.marsad.jobs.common.FaultInjection;
import ma.marsad.jobs.common.PipelineServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders the static site from the published warehouse into a new folder and swaps it in. */
class RenderDashboardsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderDashboardsTasklet.class);

    private final PipelineServices services;

    RenderDashboardsTasklet(PipelineServices services) {
        this.services = services;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        FaultInjection.at("render");
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        var summary = services.siteRenderer()
                .render(
                        services.publisher().published(),
                        services.settings().site(),
                        services.settings().work(),
                        finalRuns(jobExecution));
        log.info("rendered dashboards: {}", summary);
        return RepeatStatus.FINISHED;
    }

    /**
     * The earlier runs as summarised, and this run as it ends: rendering is its last step, so the page it renders shows
     * it completed, with its counts, rather than the "started" row the warehouse was built with.
     */
    private List<RunRecord> finalRuns(JobExecution jobExecution) throws Exception {
        List<RunRecord> runs = new ArrayList<>(RunSummaries.finalRecords(services));
        RunRecord now = RunSummary.of(jobExecution, services, Duration.ZERO).record();
        runs.add(new RunRecord(
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
        return runs;
    }
}
