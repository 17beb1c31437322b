package ma.marsad.jobs.workers;

import java.util.Map;
import ma.marsad.jobs.cli.UsageException;

/** The Spring properties {@code nightly --workers} and {@code worker} add to a job context. */
public final class WorkersProperties {

    private WorkersProperties() {}

    /**
     * Sets the role, broker and queue; refuses a job repository only this machine sees (the H2 file), since the manager
     * and its workers meet in the job repository. The lake's catalog is checked once the settings are bound
     * ({@link SharedCatalogCheck}).
     */
    public static void put(Map<String, Object> properties, String role, String broker, String queue, String option) {
        String repository = String.valueOf(properties.get("spring.datasource.url"));
        if (repository.startsWith("jdbc:h2:")) {
            throw new UsageException(option + " needs a job repository the manager and the workers share:"
                    + " --job-repository jdbc:postgresql://host/db?user=… or MARSAD_JOB_REPOSITORY_URL"
                    + " (the default H2 file is seen by this machine only)");
        }
        if (!broker.startsWith("amqp://") && !broker.startsWith("amqps://")) {
            throw new UsageException(option + " is a RabbitMQ URI, amqp://user:password@host:5672, not " + broker);
        }
        properties.put(WorkersSettings.ROLE, role);
        properties.put("marsad.workers.broker", broker);
        if (queue != null) {
            properties.put("marsad.workers.queue", queue);
        }
    }
}
