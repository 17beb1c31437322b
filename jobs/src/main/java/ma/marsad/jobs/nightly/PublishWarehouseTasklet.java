package ma.marsad.jobs.nightly;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import ma.marsad.jobs.common.FaultInjection;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renames the new warehouse over the published one. After a crash right after the rename, the rerun finds the build
 * already published (its build id is in the published file) and carries on.
 */
record PublishWarehouseTasklet(WarehousePublisher publisher, WarehouseBuilds builds) implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishWarehouseTasklet.class);

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long buildId = jobExecution.getJobInstanceId();
        if (builds.alreadyPublished(buildId)) {
            log.info("warehouse of build {} already published", buildId);
            return RepeatStatus.FINISHED;
        }
        Path built = builds.fileOf(buildId);
        try (Connection connection = WarehouseBuilder.open(built)) {
            OperationsTables.markPublished(connection, jobExecution.getId(), Instant.now());
        }
        // the file being replaced becomes versions/marsad-build-<its build id>.duckdb, named after what it holds
        String replacedBuild = "build-" + builds.publishedBuild();
        publisher.publish(built, replacedBuild, () -> FaultInjection.at("publish"));
        log.info("published {}", publisher.published());
        return RepeatStatus.FINISHED;
    }
}
