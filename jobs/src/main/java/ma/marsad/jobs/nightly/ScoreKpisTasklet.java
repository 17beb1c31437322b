package ma.marsad.jobs.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import ma.marsad.pipeline.kpi.KpiEngine;
import ma.marsad.pipeline.kpi.KpiRunSummary;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Scores every KPI into the new warehouse file (idempotent: the marts are replaced). */
record ScoreKpisTasklet(KpiEngine engine, WarehouseBuilds builds, LocalDate asOf) implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreKpisTasklet.class);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long buildId = jobExecution.getJobInstanceId();
        Path target = builds.fileOf(buildId);
        if (!Files.exists(target)) {
            // Opening a missing file would create an empty warehouse, which the publish step would then publish.
            if (builds.publishedBuild() == buildId) {
                log.info("warehouse of build {} already scored and published", buildId);
                return RepeatStatus.FINISHED;
            }
            throw new IllegalStateException("no built warehouse at " + target
                    + " to score; restart with 'marsad nightly' after 'marsad recover', or start a new run");
        }
        KpiRunSummary summary;
        try (Connection connection = WarehouseBuilder.open(target)) {
            summary = engine.score(connection, asOf);
        }
        log.info("scored KPIs: {}", summary);
        jobExecution.getExecutionContext().putString(RunContext.KPIS_SCORED, summary.toString());
        return RepeatStatus.FINISHED;
    }
}
