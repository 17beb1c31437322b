package ma.marsad.jobs.nightly;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import ma.marsad.jobs.common.Definitions;
import ma.marsad.jobs.common.FaultInjection;
import ma.marsad.jobs.common.MarsadSettings;
import ma.marsad.pipeline.lake.SubmissionRegistry;
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
record BuildWarehouseTasklet(
        SubmissionRegistry registry,
        WarehouseBuilder builder,
        WarehouseBuilds builds,
        Definitions definitions,
        RunSummaries runs,
        MarsadSettings settings)
        implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(BuildWarehouseTasklet.class);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Path target = builds.fileOf(jobExecution.getJobInstanceId());
        var snapshot = registry.snapshot();
        var request = new WarehouseBuilder.BuildRequest(
                builds.published(), definitions.fingerprint(), settings.asOf(), settings.fullRebuild());
        WarehouseBuilder.BuildSummary summary = builder.build(snapshot, target, settings.cache(), request);
        try (Connection connection = WarehouseBuilder.open(target)) {
            SubmissionCalendarTable.write(connection, definitions.calendar(), snapshot, settings.asOf());
            OperationsTables.write(
                    connection,
                    settings.runs(),
                    jobExecution.getJobInstanceId(),
                    runs.of(jobExecution, Duration.ZERO).record());
        }
        FaultInjection.at("build");
        long facts = summary.tableRows().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("fct_"))
                .mapToLong(Map.Entry::getValue)
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
