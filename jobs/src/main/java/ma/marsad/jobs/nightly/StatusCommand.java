package ma.marsad.jobs.nightly;

import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.JobContexts;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.pipeline.lake.SubmissionRecord;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marsad status}: the last runs and what each submitter sent; works while a run is in progress. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the last runs and, per template and submitter, the submissions received and rejected.")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Option(names = "--runs", paramLabel = "N", description = "How many runs to list. Default: 5")
    int runs = 5;

    @Override
    public Integer call() throws Exception {
        var properties = work.properties();
        properties.put("logging.level.root", "WARN");
        try (var context = JobContexts.start(properties)) {
            System.out.println("Last runs:");
            for (JobExecution execution : context.getBean(NightlyRunner.class).recentRuns(runs)) {
                System.out.printf(
                        "  run %d (instance %d, as of %s): %s, started %s, ended %s%n",
                        execution.getId(),
                        execution.getJobInstanceId(),
                        execution.getJobParameters().getLocalDate("asOf"),
                        execution.getStatus(),
                        execution.getStartTime(),
                        execution.getEndTime());
            }
            System.out.println("Submissions (template / submitter: received, rejected, current periods):");
            var snapshot = context.getBean(PipelineServices.class).registry().snapshot();
            var byKey = new java.util.TreeMap<String, int[]>();
            for (SubmissionRecord record : snapshot.records()) {
                int[] counts = byKey.computeIfAbsent(record.template() + " / " + record.submitter(), k -> new int[3]);
                counts[0]++;
                counts[1] += record.isRejected() ? 1 : 0;
                counts[2] += snapshot.isCurrent(record) ? 1 : 0;
            }
            byKey.forEach((key, counts) -> System.out.printf(
                    "  %-45s %4d received, %3d rejected, %3d current%n", key, counts[0], counts[1], counts[2]));
            return ExitCodes.SUCCESS;
        }
    }
}
