package ma.marsad.jobs.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import ma.marsad.jobs.common.FaultInjection;
import ma.marsad.jobs.common.PipelineServices;
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
class PublishWarehouseTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishWarehouseTasklet.class);

    private final PipelineServices services;

    PublishWarehouseTasklet(PipelineServices services) {
        this.services = services;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long buildId = jobExecution.getJobInstanceId();
        Path built = BuildWarehouseTasklet.buildFile(services, buildId);
        WarehousePublisher publisher = services.publisher();
        if (!Files.exists(built) && publishedBuild(publisher.published()) == buildId) {
            log.info("warehouse of build {} already published", buildId);
            return RepeatStatus.FINISHED;
        }
        try (Connection connection = WarehouseBuilder.open(built)) {
            OperationsTables.markPublished(connection, jobExecution.getId(), java.time.Instant.now());
        }
        // the file being replaced becomes versions/marsad-build-<its build id>.duckdb, named after what it holds
        String replacedBuild = "build-" + publishedBuild(publisher.published());
        publisher.publish(built, replacedBuild, () -> FaultInjection.at("publish"));
        log.info("published {}", publisher.published());
        return RepeatStatus.FINISHED;
    }

    /** The build id recorded in the published warehouse, or -1. */
    static long publishedBuild(Path published) {
        if (!Files.exists(published)) {
            return -1;
        }
        try (Connection connection = WarehouseBuilder.openReadOnly(published);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select max(build_id) from ops_build")) {
            return result.next() ? result.getLong(1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
