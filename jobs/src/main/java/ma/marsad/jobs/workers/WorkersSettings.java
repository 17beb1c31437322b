package ma.marsad.jobs.workers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ingest step is spread over machines. Set by {@code nightly --workers} and {@code worker --broker}, or as
 * {@code marsad.workers.*} properties ({@code MARSAD_WORKERS_TIMEOUT=2h} in the environment).
 *
 * @param role {@code local} (default: partitions run in the nightly process), {@code manager} (the nightly process
 *     sends them to the broker) or {@code worker}
 * @param broker the RabbitMQ URI, {@code amqp://user:password@host:5672/vhost}
 * @param queue the queue partitions travel on: one per installation sharing a broker
 * @param pollInterval how often the manager reads the job repository for finished partitions
 * @param timeout how long the manager waits for the partitions before failing the step, naming those left
 * @param parallel how many partitions a worker runs at a time
 */
@ConfigurationProperties("marsad.workers")
public record WorkersSettings(
        String role, String broker, String queue, Duration pollInterval, Duration timeout, Integer parallel) {

    public static final String ROLE = "marsad.workers.role";
    public static final String MANAGER = "manager";
    public static final String WORKER = "worker";

    public WorkersSettings {
        role = role == null || role.isBlank() ? "local" : role;
        queue = queue == null || queue.isBlank() ? "marsad.ingest" : queue;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofHours(6) : timeout;
        parallel = parallel == null ? 1 : parallel;
    }
}
