package ma.marsad.jobs.nightly;

import java.nio.file.Path;
import java.sql.Connection;
import ma.marsad.jobs.common.FaultInjection;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds a new warehouse file for this job instance: from a copy of the published warehouse and the submissions that
 * changed since, or from the whole lake (ADR 8); the published one is not touched.
 */
class BuildWarehouseTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(BuildWarehouseTasklet.class);

    private final PipelineServices services;

    BuildWarehouseTasklet(PipelineServices services) {
        this.services = services;
    }

    static Path buildFile(PipelineServices services, long jobInstanceId) {
        return services.settings().warehouseDir().resolve("build").resolve("marsad-" + jobInstanceId + ".duckdb");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Path target = buildFile(services, jobExecution.getJobInstanceId());
        var snapshot = services.registry().snapshot();
        var request = new WarehouseBuilder.BuildRequest(
                services.publisher().published(),
                services.definitionsFingerprint(),
                services.settings().asOf(),
                services.settings().fullRebuild());
        WarehouseBuilder.BuildSummary summary = services.warehouseBuilder()
                .build(snapshot, target, services.settings().cache(), request);
        try (Connection connection = WarehouseBuilder.open(target)) {
            SubmissionCalendarTable.write(
                    connection,
                    services.calendar(),
                    snapshot,
                    services.settings().asOf());
            OperationsTables.write(
                    connection,
                    services.settings().runs(),
                    jobExecution.getJobInstanceId(),
                    RunSummary.of(jobExecution, services, java.time.Duration.ZERO)
                            .record());
        }
        FaultInjection.at("build");
        long facts = summary.tableRows().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("fct_"))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
        log.info(
                "built {} ({}: {}; {} submission(s) changed): {} fact rows in {} tables (lake load {} ms, models and"
                        + " tests {} ms)",
                target.getFileName(),
                summary.state().mode(),
                summary.state().reason(),
                summary.state().changes().touched().size(),
                facts,
                summary.tableRows().size(),
                summary.loadMillis(),
                summary.modelMillis());
        jobExecution.getExecutionContext().putString(RunContext.BUILD_FILE, target.toString());
        contribution.incrementWriteCount(facts);
        return RepeatStatus.FINISHED;
    }
}
