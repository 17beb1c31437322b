package ma.marsad.jobs.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.pipeline.kpi.KpiRunSummary;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Scores every KPI into the new warehouse file (idempotent: the marts are replaced). */
class ScoreKpisTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreKpisTasklet.class);

    private final PipelineServices services;

    ScoreKpisTasklet(PipelineServices services) {
        this.services = services;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Path target = BuildWarehouseTasklet.buildFile(services, jobExecution.getJobInstanceId());
        if (!Files.exists(target)) {
            // Opening a missing file would create an empty warehouse, which the publish step would then publish.
            if (PublishWarehouseTasklet.publishedBuild(services.publisher().published())
                    == jobExecution.getJobInstanceId()) {
                log.info("warehouse of build {} already scored and published", jobExecution.getJobInstanceId());
                return RepeatStatus.FINISHED;
            }
            throw new IllegalStateException("no built warehouse at " + target
                    + " to score; restart with 'marsad nightly' after 'marsad recover', or start a new run");
        }
        KpiRunSummary summary;
        try (Connection connection = WarehouseBuilder.open(target)) {
            summary = services.kpiEngine().score(connection, services.settings().asOf());
        }
        log.info("scored KPIs: {}", summary);
        jobExecution.getExecutionContext().putString(RunContext.KPIS_SCORED, summary.toString());
        return RepeatStatus.FINISHED;
    }
}
