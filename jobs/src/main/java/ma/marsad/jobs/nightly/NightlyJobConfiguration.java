package ma.marsad.jobs.nightly;

import ma.marsad.jobs.common.BackfillWindow;
import ma.marsad.jobs.common.Definitions;
import ma.marsad.jobs.common.FeedbackReports;
import ma.marsad.jobs.common.MarsadSettings;
import ma.marsad.jobs.workers.WorkersSettings;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.kpi.KpiEngine;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, one step per stage of the data flow: discover submissions → ingest them (one partition per
 * submission, two at a time) → build a new warehouse → score KPIs into it → publish it → render the dashboards. Each
 * step's tasklet is given the few parts of the pipeline it uses.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightlyJob";
    static final int PARALLEL_SUBMISSIONS = 2;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;

    NightlyJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
    }

    @Bean
    public Job nightlyJob(
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
            LandingScanner scanner, SubmissionRegistry registry, MarsadSettings settings, BackfillWindow window) {
        return taskletStep(
                "discoverSubmissionsStep", new DiscoverSubmissionsTasklet(scanner, registry, settings, window));
    }

    @Bean
    WarehouseBuilds warehouseBuilds(MarsadSettings settings, WarehousePublisher publisher) {
        return new WarehouseBuilds(settings.warehouseDir().resolve("build"), publisher);
    }

    /** Ingests one submission; run here in local mode, by the workers with {@code --workers}. */
    @Bean
    IngestSubmissionTasklet ingestSubmissionTasklet(SubmissionIngester ingester, FeedbackReports feedback) {
        return new IngestSubmissionTasklet(ingester, feedback);
    }

    @Bean
    AfterIngestion afterIngestion(Lake lake, SubmissionRegistry registry, MarsadSettings settings) {
        return new AfterIngestion(lake, registry, settings.landingIndex());
    }

    /** Local mode, the default: the partitions run in this process. With workers, see RemoteIngestionConfiguration. */
    @Bean
    @ConditionalOnExpression("'${" + WorkersSettings.ROLE + ":local}' != '" + WorkersSettings.MANAGER + "'")
    public Step ingestSubmissionsStep(
            IngestSubmissionTasklet ingestSubmissionTasklet,
            AfterIngestion afterIngestion,
            SubmissionRegistry registry) {
        SubmissionPartitioner partitioner = new SubmissionPartitioner();
        IngestProgress progress = new IngestProgress(registry);
        Step ingestSubmissionStep = new StepBuilder("ingestSubmissionStep", jobRepository)
                .tasklet(ingestSubmissionTasklet, transactionManager)
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
                .listener(afterIngestion)
                .build();
    }

    @Bean
    public Step buildWarehouseStep(
            SubmissionRegistry registry,
            WarehouseBuilder builder,
            WarehouseBuilds builds,
            Definitions definitions,
            RunSummaries runs,
            MarsadSettings settings) {
        return taskletStep(
                "buildWarehouseStep",
                new BuildWarehouseTasklet(registry, builder, builds, definitions, runs, settings));
    }

    @Bean
    public Step scoreKpisStep(KpiEngine engine, WarehouseBuilds builds, MarsadSettings settings) {
        return taskletStep("scoreKpisStep", new ScoreKpisTasklet(engine, builds, settings.asOf()));
    }

    @Bean
    public Step publishWarehouseStep(WarehousePublisher publisher, WarehouseBuilds builds) {
        return taskletStep("publishWarehouseStep", new PublishWarehouseTasklet(publisher, builds));
    }

    @Bean
    public Step renderDashboardsStep(PublishedSite site, RunSummaries runs) {
        return taskletStep("renderDashboardsStep", new RenderDashboardsTasklet(site, runs));
    }

    private Step taskletStep(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .build();
    }
}
