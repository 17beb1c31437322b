package ma.marsad.jobs.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.dashboards.render.RunRecord;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.common.FeedbackReports;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.warehouse.BuildState;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** What a run did, for the console, the exit code and {@code work/runs/}. */
public record RunSummary(
        long runId,
        long instanceId,
        String status,
        String asOf,
        long seconds,
        int filesAccepted,
        int filesWithQuarantine,
        int filesRejected,
        int filesDeferred,
        int entriesSkipped,
        long rowsLoaded,
        long rowsQuarantined,
        Map<String, Long> kpiStatuses,
        String warehouseBuild,
        List<String> feedbackReports,
        List<String> notices,
        String siteIndex,
        String failure,
        Map<String, Double> stepSeconds,
        Instant startedAt,
        Instant finishedAt) {

    /**
     * @param publishedWarehouse the published warehouse, whose KPI statuses and build a completed run reports
     * @param index the site's index page, reported when it exists
     */
    static RunSummary of(
            JobExecution execution, SubmissionRegistry registry, Path publishedWarehouse, Path index, Duration took)
            throws Exception {
        var context = execution.getExecutionContext();
        List<PendingSubmissions.Pending> pending =
                PendingSubmissions.decode(context.getString(PendingSubmissions.CONTEXT_KEY, ""));
        int accepted = 0;
        int withQuarantine = 0;
        int rejected = 0;
        long loaded = 0;
        long quarantined = 0;
        List<String> feedback = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        List<DeferredSubmissions.Deferred> deferred = DeferredSubmissions.of(execution);
        deferred.forEach(entry -> notices.add("deferred to the next run: " + entry.line()));
        for (String stale : context.getString(RunContext.STALE_MARKERS, "").split("\n")) {
            if (!stale.isEmpty()) {
                notices.add("rewritten after its .done marker, read as a new version: landing/" + stale);
            }
        }
        notices.addAll(NotCurrent.of(pending, registry));
        for (PendingSubmissions.Pending entry : pending) {
            var found = registry.find(entry.submissionId());
            if (found.isEmpty()) {
                continue;
            }
            SubmissionRecord record = found.get();
            switch (record.status()) {
                case "accepted" -> accepted++;
                case "accepted_with_quarantine" -> withQuarantine++;
                default -> rejected++;
            }
            loaded += record.rowsAccepted();
            quarantined += record.rowsQuarantined();
            String report = FeedbackReports.pathOf(record);
            if (report != null) {
                feedback.add(report);
            }
        }
        PublishedFacts published = execution.getStatus() == BatchStatus.COMPLETED
                ? PublishedFacts.read(publishedWarehouse)
                : PublishedFacts.NONE;
        String failure = execution.getAllFailureExceptions().stream()
                .map(RunSummary::rootMessage)
                .findFirst()
                .orElse(null);
        return new RunSummary(
                execution.getId(),
                execution.getJobInstanceId(),
                execution.getStatus().toString(),
                String.valueOf(execution.getJobParameters().getLocalDate("asOf")),
                took.toSeconds(),
                accepted,
                withQuarantine,
                rejected,
                deferred.size(),
                context.getInt(RunContext.SKIPPED, 0),
                loaded,
                quarantined,
                published.kpiStatuses(),
                published.warehouseBuild(),
                feedback,
                notices,
                Files.exists(index) ? index.toString() : null,
                failure,
                stepSeconds(execution),
                instant(execution.getStartTime()),
                instant(execution.getEndTime()));
    }

    /** Seconds each step of this execution took, in the order they ran; partitions are inside their step. */
    private static Map<String, Double> stepSeconds(JobExecution execution) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        execution.getStepExecutions().stream()
                .filter(step ->
                        !step.getStepName().contains(":") && step.getStartTime() != null && step.getEndTime() != null)
                .sorted(Comparator.comparing(StepExecution::getStartTime))
                .forEach(step -> seconds.put(
                        step.getStepName(),
                        Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0));
        return seconds;
    }

    /** The job repository keeps times in the machine's zone. */
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** This run as the data-supply page shows it. */
    public RunRecord record() {
        return new RunRecord(
                runId,
                asOf == null || "null".equals(asOf) ? null : LocalDate.parse(asOf),
                startedAt,
                finishedAt,
                status,
                (long) filesAccepted,
                (long) filesWithQuarantine,
                (long) filesRejected,
                rowsLoaded,
                rowsQuarantined);
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    public int exitCode() {
        if (!completed()) {
            return ExitCodes.FAILURE;
        }
        boolean findings = filesWithQuarantine + filesRejected + filesDeferred > 0
                || notices.stream().anyMatch(NotCurrent::isNotice);
        return findings ? ExitCodes.SUCCESS_WITH_FINDINGS : ExitCodes.SUCCESS;
    }

    /** The few lines a data engineer reads in the morning. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Marsad nightly run %d (as of %s): %s in %d s%n", runId, asOf, status, seconds));
        text.append(String.format(
                "  files: %d accepted, %d with quarantined rows, %d rejected, %d deferred to the next run;"
                        + " %d landing entries skipped%n",
                filesAccepted, filesWithQuarantine, filesRejected, filesDeferred, entriesSkipped));
        for (String notice : notices) {
            text.append("  ").append(notice).append(System.lineSeparator());
        }
        text.append(String.format("  rows: %,d loaded, %,d quarantined%n", rowsLoaded, rowsQuarantined));
        if (!kpiStatuses.isEmpty()) {
            long total =
                    kpiStatuses.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder statuses = new StringBuilder();
            kpiStatuses.forEach((name, count) -> statuses.append(statuses.isEmpty() ? "" : ", ")
                    .append(name.replace('_', ' '))
                    .append(' ')
                    .append(count));
            text.append(String.format("  KPIs scored: %d (%s)%n", total, statuses));
        }
        if (warehouseBuild != null) {
            text.append("  warehouse: ").append(warehouseBuild).append(System.lineSeparator());
        }
        if (!feedbackReports.isEmpty()) {
            text.append(String.format(
                    "  feedback to submitters: %d report(s), e.g. %s%n",
                    feedbackReports.size(), feedbackReports.get(0)));
        }
        if (siteIndex != null) {
            text.append("  dashboards: ").append(siteIndex).append(System.lineSeparator());
        }
        if ("STOPPED".equals(status)) {
            text.append("  stopped on request; the published warehouse and site are unchanged;")
                    .append(" run the same command again to resume")
                    .append(System.lineSeparator());
        }
        if (failure != null) {
            text.append("  failure: ").append(failure).append(System.lineSeparator());
            text.append("  the last published warehouse and site are unchanged; run the same command again to resume")
                    .append(System.lineSeparator());
        }
        return text.toString();
    }

    /** What the summary says of the published warehouse, read in one connection. */
    private record PublishedFacts(Map<String, Long> kpiStatuses, String warehouseBuild) {

        static final PublishedFacts NONE = new PublishedFacts(Map.of(), null);

        static PublishedFacts read(Path published) {
            if (!Files.exists(published)) {
                return NONE;
            }
            try (Connection connection = WarehouseBuilder.openReadOnly(published)) {
                return new PublishedFacts(kpiStatuses(connection), warehouseBuild(connection));
            } catch (Exception e) {
                return NONE;
            }
        }

        private static Map<String, Long> kpiStatuses(Connection connection) {
            Map<String, Long> statuses = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(
                            "select status, count(*) from kpi_latest where region_code = '00' group by status"
                                    + " order by case status when 'on_track' then 1 when 'at_risk' then 2"
                                    + " when 'off_track' then 3 when 'baseline_only' then 4 when 'provisional' then 5"
                                    + " when 'no_target' then 6 else 7 end")) {
                while (result.next()) {
                    statuses.put(result.getString(1), result.getLong(2));
                }
            } catch (Exception e) {
                statuses.clear();
            }
            return statuses;
        }

        /** How it was built: "incremental, 2 submission(s) changed", or "full: why". */
        private static String warehouseBuild(Connection connection) {
            try {
                return BuildState.read(connection)
                        .map(state -> state.incremental()
                                ? "incremental, " + state.changes().touched().size() + " submission(s) changed"
                                : "full: " + state.reason())
                        .orElse(null);
            } catch (Exception e) {
                return null;
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
