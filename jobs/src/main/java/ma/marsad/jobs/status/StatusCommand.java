package ma.marsad.jobs.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import ma.marsad.jobs.JobContexts;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.Definitions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.pipeline.calendar.CalendarEntry;
import ma.marsad.pipeline.calendar.SubmissionCalendar;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code marsad status}: the last runs, and per template and submitter what the submission calendar expected and what
 * arrived. Only reads (the job repository, the registry in the lake), takes no lock, so it works during a run.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the last runs and, per template and submitter, the periods expected by the submission calendar up"
                    + " to the as-of date: received (on time or late), missing, not due yet; and the files rejected.",
            "Reads only: safe while a nightly run is in progress."
        })
public class StatusCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Option(names = "--runs", paramLabel = "N", description = "How many runs to list. Default: 5")
    int runs = 5;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Date the calendar is evaluated at (yyyy-MM-dd). Default: the last run's, else today")
    LocalDate asOf;

    /** What one template and submitter owed and sent. */
    static final class Counts {
        int expected;
        int onTime;
        int late;
        int missing;
        int notDue;
        int rejected;
        int files;
        boolean inCalendar;
    }

    @Override
    public Integer call() throws Exception {
        var properties = work.properties();
        WorkOptions.logWarningsOnly(properties);
        return JobContexts.run(properties, context -> {
            var recent = RecentRuns.of(context.getBean(JobRepository.class), runs);
            System.out.println("Last runs:");
            if (recent.isEmpty()) {
                System.out.println("  none yet");
            }
            for (JobExecution execution : recent) {
                System.out.printf(
                        "  run %d (instance %d, as of %s): %s, started %s, ended %s%n",
                        execution.getId(),
                        execution.getJobInstanceId(),
                        execution.getJobParameters().getLocalDate("asOf"),
                        execution.getStatus(),
                        execution.getStartTime(),
                        execution.getEndTime() == null ? "-" : execution.getEndTime());
            }
            LocalDate date = asOf;
            if (date == null && !recent.isEmpty()) {
                date = recent.get(0).getJobParameters().getLocalDate("asOf");
            }
            if (date == null) {
                date = LocalDate.now();
            }
            Map<String, Counts> table = counts(
                    context.getBean(SubmissionRegistry.class),
                    context.getBean(Definitions.class).calendar(),
                    date);
            System.out.printf("Submissions as of %s (periods owed by the submission calendar):%n", date);
            System.out.printf(
                    "  %-24s %-13s %8s %8s %5s %7s %7s %8s%n",
                    "template", "submitter", "expected", "received", "late", "missing", "not due", "rejected");
            Counts total = new Counts();
            table.forEach((key, counts) -> {
                String[] parts = key.split("\\|");
                System.out.printf(
                        "  %-24s %-13s %8s %8d %5d %7s %7s %8d%n",
                        parts[0],
                        parts[1],
                        counts.inCalendar ? Integer.toString(counts.expected) : "-",
                        counts.inCalendar ? counts.onTime + counts.late : counts.files,
                        counts.late,
                        counts.inCalendar ? Integer.toString(counts.missing) : "-",
                        counts.inCalendar ? Integer.toString(counts.notDue) : "-",
                        counts.rejected);
                total.expected += counts.expected;
                total.onTime += counts.onTime;
                total.late += counts.late;
                total.missing += counts.missing;
                total.rejected += counts.rejected;
            });
            System.out.printf(
                    "  total: %d expected, %d received on time, %d late, %d missing; %d file(s) rejected%n",
                    total.expected, total.onTime, total.late, total.missing, total.rejected);
            System.out.println("  ('-': not in the submission calendar; received counts the files accepted)");
            return ExitCodes.SUCCESS;
        });
    }

    /** Per "template|submitter": calendar periods by status, files accepted and rejected. */
    static Map<String, Counts> counts(SubmissionRegistry registry, SubmissionCalendar calendar, LocalDate asOf)
            throws Exception {
        var snapshot = registry.snapshot();
        Map<String, Counts> table = new TreeMap<>();
        for (CalendarEntry entry : calendar.evaluate(snapshot.records(), asOf)) {
            Counts counts = table.computeIfAbsent(entry.template() + "|" + entry.submitter(), k -> new Counts());
            counts.inCalendar = true;
            switch (entry.status()) {
                case "on_time" -> counts.onTime++;
                case "late" -> counts.late++;
                case "missing" -> counts.missing++;
                default -> counts.notDue++;
            }
            if (!"not_due".equals(entry.status())) {
                counts.expected++;
            }
        }
        for (SubmissionRecord record : snapshot.records()) {
            Counts counts = table.computeIfAbsent(record.template() + "|" + record.submitter(), k -> new Counts());
            if (record.isRejected()) {
                counts.rejected++;
            } else {
                counts.files++;
            }
        }
        return table;
    }
}
