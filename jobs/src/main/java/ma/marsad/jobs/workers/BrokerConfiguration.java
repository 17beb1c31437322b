package ma.marsad.jobs.workers;

import java.net.URI;
import java.util.List;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;

/**
 * The RabbitMQ side of remote partitioning, for the nightly manager and for workers: one durable queue of partition
 * requests, declared by whichever side connects first. Absent in local mode, so a local night never needs a broker.
 */
@Configuration
@ConditionalOnExpression("'${" + WorkersSettings.ROLE + ":local}' != 'local'")
@EnableIntegration
@EnableBatchIntegration
public class BrokerConfiguration {

    @Bean
    public CachingConnectionFactory brokerConnections(WorkersSettings settings) {
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(settings.broker()));
        connections.setConnectionNameStrategy(factory -> "marsad-" + settings.role());
        return connections;
    }

    @Bean
    public Queue partitionQueue(WorkersSettings settings) {
        return new Queue(settings.queue(), true);
    }

    @Bean
    public RabbitAdmin brokerAdmin(CachingConnectionFactory brokerConnections) {
        return new RabbitAdmin(brokerConnections);
    }

    /** Partition requests travel as serialized {@code StepExecutionRequest}s; nothing else is deserialized. */
    @Bean
    public SimpleMessageConverter partitionRequestConverter() {
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(
                List.of("org.springframework.batch.integration.partition.StepExecutionRequest", "java.lang.*"));
        return converter;
    }
}
