package ma.marsad.jobs.nightly;

import ma.marsad.jobs.workers.WorkersSettings;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest step spread over machines ({@code nightly --workers}, {@code worker}): the nightly process is the manager,
 * it sends one request per partition (one submission) to the broker's queue and waits for the partitions through the
 * job repository; each worker takes one request at a time, runs the same {@link IngestSubmissionTasklet} as a local
 * night, and acknowledges the request when the partition has ended. See ADR 10.
 */
@Configuration
class RemoteIngestionConfiguration {

    static final String WORKER_STEP = "ingestSubmissionStep";

    @Configuration
    @ConditionalOnProperty(name = WorkersSettings.ROLE, havingValue = WorkersSettings.MANAGER)
    static class Manager {

        @Bean
        DirectChannel partitionRequests() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow partitionRequestsToBroker(
                DirectChannel partitionRequests,
                CachingConnectionFactory brokerConnections,
                SimpleMessageConverter partitionRequestConverter,
                WorkersSettings settings) {
            RabbitTemplate template = new RabbitTemplate(brokerConnections);
            template.setMessageConverter(partitionRequestConverter);
            return IntegrationFlow.from(partitionRequests)
                    .handle(Amqp.outboundAdapter(template).routingKey(settings.queue()))
                    .get();
        }

        @Bean
        Step ingestSubmissionsStep(
                RemotePartitioningManagerStepBuilderFactory managerSteps,
                DirectChannel partitionRequests,
                JobRepository jobRepository,
                AfterIngestion afterIngestion,
                WorkersSettings settings) {
            SubmissionPartitioner partitioner = new SubmissionPartitioner();
            return managerSteps
                    .get("ingestSubmissionsStep")
                    .partitioner(WORKER_STEP, partitioner)
                    .outputChannel(partitionRequests)
                    .pollInterval(settings.pollInterval().toMillis())
                    .timeout(settings.timeout().toMillis())
                    .listener(partitioner)
                    .listener(new WorkerPartitions(jobRepository, WORKER_STEP))
                    .listener(afterIngestion)
                    .build();
        }
    }

    @Configuration
    @ConditionalOnProperty(name = WorkersSettings.ROLE, havingValue = WorkersSettings.WORKER)
    static class Worker {

        @Bean
        DirectChannel workerRequests() {
            return new DirectChannel();
        }

        /**
         * One request at a time per consumer, acknowledged only once its partition has ended: a worker that dies
         * leaves its request to the broker, which hands it to another worker, and {@link PartitionRequestCheck}
         * fails it there.
         */
        @Bean
        IntegrationFlow partitionRequestsFromBroker(
                CachingConnectionFactory brokerConnections,
                SimpleMessageConverter partitionRequestConverter,
                DirectChannel workerRequests,
                JobRepository jobRepository,
                WorkersSettings settings) {
            PartitionRequestCheck check = new PartitionRequestCheck(jobRepository);
            return IntegrationFlow.from(Amqp.inboundAdapter(brokerConnections, settings.queue())
                            .messageConverter(partitionRequestConverter)
                            .configureContainer(container -> container
                                    .prefetchCount(1)
                                    .concurrentConsumers(settings.parallel())
                                    .defaultRequeueRejected(false)
                                    // on SIGTERM a partition under way is given time to end
                                    .shutdownTimeout(settings.timeout().toMillis())))
                    .filter(StepExecutionRequest.class, check::shouldRun)
                    .channel(workerRequests)
                    .get();
        }

        @Bean(name = WORKER_STEP)
        Step ingestSubmissionStep(
                RemotePartitioningWorkerStepBuilderFactory workerSteps,
                DirectChannel workerRequests,
                IngestSubmissionTasklet ingestSubmissionTasklet,
                PlatformTransactionManager transactionManager) {
            return workerSteps
                    .get(WORKER_STEP)
                    .inputChannel(workerRequests)
                    .tasklet(ingestSubmissionTasklet, transactionManager)
                    .build();
        }
    }
}
