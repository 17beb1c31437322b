package ma.marsad.jobs.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.marsad.jobs.JobContexts;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.metrics.RunMetrics;
import ma.marsad.jobs.workers.WorkersProperties;
import ma.marsad.jobs.workers.WorkersSettings;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marsad nightly}: ingest the landing zone, rebuild and publish the warehouse, render the dashboards. */
@Command(
        name = "nightly",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the nightly job on a landing zone: discover complete files, ingest them into the lake,"
                    + " build and publish a new warehouse, score KPIs, render the dashboards.",
            "Restarts an unfinished run where it stopped. Exit: 0 ok, 3 ok with quarantined rows, rejected or"
                    + " deferred files, or a new file that is not current, 1 failure, 2 usage.",
            "Landing files whose size and modification time are unchanged since they were read are not read again"
                    + " (--rehash reads them all)."
        })
public class NightlyCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Mixin
    LandingOptions landing;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Date the run reports as of (yyyy-MM-dd). Default: today")
    LocalDate asOf;

    @Option(
            names = "--rehash",
            description = "Read and hash every landing file again, even those whose size and modification time are"
                    + " unchanged since they were read (for a file rewritten with the same size and time)")
    boolean rehash;

    @Option(
            names = "--full-rebuild",
            description = "Rebuild the warehouse and every KPI vintage from the whole lake instead of starting from"
                    + " the published warehouse (a night does so by itself when templates, models or KPIs changed)")
    boolean fullRebuild;

    @Option(
            names = "--workers",
            paramLabel = "URI",
            description = "Send the ingestion of each submission to the workers listening on this RabbitMQ broker"
                    + " (amqp://user:password@host:5672; see marsad worker) and wait for them through the job"
                    + " repository, which must be shared (PostgreSQL)")
    String workers;

    @Option(
            names = "--queue",
            paramLabel = "NAME",
            description = "With --workers, the queue the workers listen on. Default: marsad.ingest")
    String queue;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> properties = work.properties();
        if (workers != null) {
            WorkersProperties.put(properties, WorkersSettings.MANAGER, workers, queue, "--workers");
        } else if (queue != null) {
            throw new UsageException("--queue goes with --workers");
        }
        landing.put(properties);
        if (asOf != null) {
            properties.put("marsad.as-of", asOf.toString());
        }
        if (rehash) {
            properties.put("marsad.rehash", "true");
        }
        if (fullRebuild) {
            properties.put("marsad.full-rebuild", "true");
        }
        return runLocked(work.work(), properties);
    }

    /** Runs the nightly job under the work-folder lock and prints its summary; returns the exit code. */
    public static int runLocked(Path workFolder, Map<String, Object> properties) throws Exception {
        return JobContexts.runLocked(workFolder, "nightly", "try again when it has finished", properties, context -> {
            RunSummary summary;
            try {
                summary = context.getBean(NightlyRunner.class).run();
            } catch (Exception | Error e) {
                RunMetrics.write(workFolder, RunMetricsFacts.failedToRun());
                throw e;
            }
            context.getBean(RunSummaries.class).write(summary);
            RunMetrics.write(workFolder, RunMetricsFacts.of(summary, context.getBean(JobRepository.class)));
            System.out.print(summary.toText());
            System.out.flush();
            return summary.exitCode();
        });
    }
}
