package ma.marsad.jobs.nightly;

import ma.marsad.jobs.common.BackfillWindow;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.jobs.workers.WorkersSettings;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, one step per stage of the data flow: discover submissions → ingest them (one partition per
 * submission, two at a time) → build a new warehouse → score KPIs into it → publish it → render the dashboards.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightlyJob";
    static final int PARALLEL_SUBMISSIONS = 2;

    @Bean
    public Job nightlyJob(
            JobRepository jobRepository,
            Step discoverSubmissionsStep,
            Step ingestSubmissionsStep,
            Step buildWarehouseStep,
            Step scoreKpisStep,
            Step publishWarehouseStep,
            Step renderDashboardsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(discoverSubmissionsStep)
                .next(ingestSubmissionsStep)
                .next(buildWarehouseStep)
                .next(scoreKpisStep)
                .next(publishWarehouseStep)
                .next(renderDashboardsStep)
                .build();
    }

    @Bean
    public Step discoverSubmissionsStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            PipelineServices services,
            BackfillWindow backfillWindow) {
        return new StepBuilder("discoverSubmissionsStep", jobRepository)
                .tasklet(new DiscoverSubmissionsTasklet(services, backfillWindow), transactionManager)
                .build();
    }

    /** Local mode, the default: the partitions run in this process. With workers, see RemoteIngestionConfiguration. */
    @Bean
    @ConditionalOnExpression("'${" + WorkersSettings.ROLE + ":local}' != '" + WorkersSettings.MANAGER + "'")
    public Step ingestSubmissionsStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineServices services) {
        SubmissionPartitioner partitioner = new SubmissionPartitioner();
        IngestProgress progress = new IngestProgress(services);
        Step ingestSubmissionStep = new StepBuilder("ingestSubmissionStep", jobRepository)
                .tasklet(new IngestSubmissionTasklet(services), transactionManager)
                .listener(progress)
                .build();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-");
        executor.setConcurrencyLimit(PARALLEL_SUBMISSIONS);
        return new StepBuilder("ingestSubmissionsStep", jobRepository)
                .partitioner("ingestSubmissionStep", partitioner)
                .step(ingestSubmissionStep)
                .taskExecutor(executor)
                .gridSize(PARALLEL_SUBMISSIONS)
                .listener(partitioner)
                .listener(progress)
                .listener(new FileSubmissionsListener(services))
                .listener(new RememberIngestedFiles(services))
                .build();
    }

    @Bean
    public Step buildWarehouseStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineServices services) {
        return new StepBuilder("buildWarehouseStep", jobRepository)
                .tasklet(new BuildWarehouseTasklet(services), transactionManager)
                .build();
    }

    @Bean
    public Step scoreKpisStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineServices services) {
        return new StepBuilder("scoreKpisStep", jobRepository)
                .tasklet(new ScoreKpisTasklet(services), transactionManager)
                .build();
    }

    @Bean
    public Step publishWarehouseStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineServices services) {
        return new StepBuilder("publishWarehouseStep", jobRepository)
                .tasklet(new PublishWarehouseTasklet(services), transactionManager)
                .build();
    }

    @Bean
    public Step renderDashboardsStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineServices services) {
        return new StepBuilder("renderDashboardsStep", jobRepository)
                .tasklet(new RenderDashboardsTasklet(services), transactionManager)
                .build();
    }
}
