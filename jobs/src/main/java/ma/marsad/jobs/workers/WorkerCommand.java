package ma.marsad.jobs.workers;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import ma.marsad.jobs.JobContexts;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marsad worker}: ingests the partitions a {@code nightly --workers} run sends, until stopped. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Runs an ingestion worker: takes partitions (one submission each) from the broker's queue, ingests them"
                    + " into the lake and records them in the job repository, until stopped (SIGTERM lets the"
                    + " partition under way end).",
            "Run it anywhere that sees the landing zone, the lake and the job repository (PostgreSQL) at the same"
                    + " locations as the nightly process. Exit: 143 stopped by SIGTERM, 1 failure, 2 usage."
        })
public class WorkerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Mixin
    WorkOptions work;

    @Option(
            names = "--broker",
            required = true,
            paramLabel = "URI",
            description = "RabbitMQ, e.g. amqp://user:password@host:5672")
    String broker;

    @Option(
            names = "--queue",
            paramLabel = "NAME",
            description = "Queue of partitions, as given to nightly --queue. Default: marsad.ingest")
    String queue;

    @Option(names = "--parallel", paramLabel = "N", description = "Partitions this worker runs at a time. Default: 1")
    Integer parallel;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> properties = work.properties();
        WorkersProperties.put(properties, WorkersSettings.WORKER, broker, queue, "worker");
        if (parallel != null) {
            if (parallel < 1) {
                throw new UsageException("--parallel is at least 1, not " + parallel);
            }
            properties.put("marsad.workers.parallel", parallel);
        }
        // on SIGTERM the broker's listener waits for the partition under way; Spring would stop waiting after 30 s
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "${marsad.workers.timeout:6h}");
        CountDownLatch closed = new CountDownLatch(1);
        try (var context = JobContexts.start(properties)) {
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    closed.countDown();
                }
            });
            WorkersSettings settings = context.getBean(WorkersSettings.class);
            log.info("worker ready: {} partition(s) at a time from queue {}", settings.parallel(), settings.queue());
            closed.await();
        }
        return ExitCodes.SUCCESS;
    }
}
