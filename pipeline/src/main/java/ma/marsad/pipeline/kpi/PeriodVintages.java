package ma.marsad.pipeline.kpi;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The vintages of a {@code by_period} KPI, computed period by period (ADR 8): a period's figures can change only when a
 * version of a report with rows in it arrives, so each period is computed at those times only, over those reports.
 *
 * <p>A full scoring finds each period's feeders (the submissions with rows in it) in one pass over every version's
 * rows. A night recomputes only the periods its changes touch: those the new submissions' rows fall in, and those whose
 * published figures name a submission that became or stopped being current or that a new one replaces. When every new
 * vintage time comes after the published ones, a touched period keeps its published figures and gains those of the new
 * times; otherwise (a backfill) it is computed again at every time. Untouched periods keep their published rows.
 */
final class PeriodVintages {

    /** Rows one query of the KPI reads at the most when finding which periods submissions feed. */
    static final long ROWS_PER_BATCH = 2_000_000;

    private final KpiQueries queries;
    private final KpiDefinition kpi;
    private final String submitter;
    private final LocalDateTime until;

    private PeriodVintages(KpiQueries queries, KpiDefinition kpi, LocalDate asOf) {
        this.queries = queries;
        this.kpi = kpi;
        this.submitter = kpi.authoritativeSubmitter();
        this.until = KpiQueries.startOfNextDay(asOf);
    }

    /** Every vintage of the KPI, as a full scoring publishes them. */
    static List<KpiMartWriter.ValueRow> all(KpiQueries queries, KpiDefinition kpi, LocalDate asOf) throws SQLException {
        PeriodVintages vintages = new PeriodVintages(queries, kpi, asOf);
        Set<String> accepted = new TreeSet<>();
        for (KpiQueries.Submission submission : queries.submissions().values()) {
            if (vintages.ofKpi(submission) && submission.accepted()) {
                accepted.add(submission.id());
            }
        }
        List<KpiMartWriter.ValueRow> rows = new ArrayList<>();
        for (Map.Entry<String, Set<String>> period :
                vintages.feedersByPeriod(accepted).entrySet()) {
            rows.addAll(vintages.recompute(period.getKey(), period.getValue()).values());
        }
        return rows;
    }

    /** The published vintages of the KPI after a night's changes. */
    static List<KpiMartWriter.ValueRow> update(
            KpiQueries queries,
            KpiDefinition kpi,
            List<KpiMartWriter.ValueRow> published,
            NightChanges night,
            LocalDate asOf)
            throws SQLException {
        PeriodVintages vintages = new PeriodVintages(queries, kpi, asOf);
        String submitter = kpi.authoritativeSubmitter();
        Set<String> arrivals = night.vintageArrivals(kpi, submitter);
        Set<String> newRows = new TreeSet<>(arrivals);
        newRows.addAll(night.becameCurrent(kpi, submitter));
        Map<String, Set<String>> feeders = newRows.isEmpty() ? new TreeMap<>() : vintages.feedersByPeriod(newRows);

        Set<String> named = new TreeSet<>(newRows);
        named.addAll(night.currentChanges(kpi, submitter));
        named.addAll(vintages.versionsOf(arrivals));
        Set<String> periods = new TreeSet<>(feeders.keySet());
        for (KpiMartWriter.ValueRow row : published) {
            if (!java.util.Collections.disjoint(ids(row), named)) {
                periods.add(row.observation().period());
            }
        }
        if (periods.isEmpty()) {
            return published;
        }

        List<KpiMartWriter.ValueRow> kept = new ArrayList<>();
        List<KpiMartWriter.ValueRow> touched = new ArrayList<>();
        for (KpiMartWriter.ValueRow row : published) {
            String period = row.observation().period();
            if (periods.contains(period)) {
                touched.add(row);
                feeders.computeIfAbsent(period, p -> new TreeSet<>()).addAll(ids(row));
            } else {
                kept.add(row);
            }
        }
        LocalDateTime latestPublished = night.latestPublishedVintage(kpi, submitter);
        Set<LocalDateTime> arrivalTimes = queries.vintageTimes(arrivals, vintages.until);
        boolean backfill = latestPublished != null
                && !arrivalTimes.isEmpty()
                && !arrivalTimes.iterator().next().isAfter(latestPublished);
        if (backfill) {
            for (String period : periods) {
                kept.addAll(vintages.recompute(period, feeders.getOrDefault(period, Set.of()))
                        .values());
            }
            return kept;
        }
        Set<String> allFeeders = new TreeSet<>();
        feeders.values().forEach(allFeeders::addAll);
        Map<KpiObservation.Identity, KpiMartWriter.ValueRow> figures = new LinkedHashMap<>();
        for (KpiObservation observation : queries.currentAmong(kpi, submitter, allFeeders)) {
            if (periods.contains(observation.period())) {
                figures.put(observation.identity(), new KpiMartWriter.ValueRow(kpi.id(), observation, true));
            }
        }
        for (KpiMartWriter.ValueRow row : touched) {
            figures.putIfAbsent(
                    row.observation().identity(), new KpiMartWriter.ValueRow(kpi.id(), row.observation(), false));
        }
        for (LocalDateTime time : arrivalTimes) {
            vintages.addKnownAt(figures, time, allFeeders, periods);
        }
        kept.addAll(figures.values());
        return kept;
    }

    /** The figures of one period: current, then as known at each time a version of one of its reports arrived. */
    private Map<KpiObservation.Identity, KpiMartWriter.ValueRow> recompute(String period, Set<String> feeders)
            throws SQLException {
        Set<String> versions = versionsOf(feeders);
        versions.addAll(feeders);
        Map<KpiObservation.Identity, KpiMartWriter.ValueRow> figures = new LinkedHashMap<>();
        for (KpiObservation observation : queries.currentAmong(kpi, submitter, versions)) {
            if (period.equals(observation.period())) {
                figures.put(observation.identity(), new KpiMartWriter.ValueRow(kpi.id(), observation, true));
            }
        }
        Set<LocalDateTime> times = queries.vintageTimes(versions, until);
        for (LocalDateTime time : times) {
            addKnownAt(figures, time, versions, Set.of(period));
        }
        return figures;
    }

    private void addKnownAt(
            Map<KpiObservation.Identity, KpiMartWriter.ValueRow> figures,
            LocalDateTime time,
            Set<String> among,
            Set<String> periods)
            throws SQLException {
        for (KpiObservation observation : queries.asKnownAtAmong(kpi, time, submitter, among)) {
            if (periods.contains(observation.period())) {
                figures.putIfAbsent(observation.identity(), new KpiMartWriter.ValueRow(kpi.id(), observation, false));
            }
        }
    }

    /**
     * For each period, the submissions among {@code ids} whose rows the KPI counts in it: the KPI over batches of
     * whole submissions (at most {@link #ROWS_PER_BATCH} rows, so that a median over a year of requests never has to
     * hold every value at once), each output naming its submissions.
     */
    private Map<String, Set<String>> feedersByPeriod(Set<String> ids) throws SQLException {
        Map<String, Set<String>> feeders = new TreeMap<>();
        Set<String> batch = new TreeSet<>();
        long batchRows = 0;
        for (String id : ids) {
            long rows = queries.submissions().get(id).rows();
            if (!batch.isEmpty() && batchRows + rows > ROWS_PER_BATCH) {
                addFeeders(batch, feeders);
                batch = new TreeSet<>();
                batchRows = 0;
            }
            batch.add(id);
            batchRows += rows;
        }
        if (!batch.isEmpty()) {
            addFeeders(batch, feeders);
        }
        return feeders;
    }

    private void addFeeders(Set<String> batch, Map<String, Set<String>> feeders) throws SQLException {
        for (KpiObservation observation : queries.over(kpi, batch)) {
            Set<String> period = feeders.computeIfAbsent(observation.period(), key -> new TreeSet<>());
            for (String id : observation.submissionIds().split(",")) {
                if (!id.isEmpty()) {
                    period.add(id);
                }
            }
        }
    }

    /** Every accepted version of the reports (template, submitter, period) of the given submissions. */
    private Set<String> versionsOf(Set<String> ids) {
        Set<String> versions = new TreeSet<>();
        for (String id : ids) {
            KpiQueries.Submission report = queries.submissions().get(id);
            if (report == null) {
                continue;
            }
            for (KpiQueries.Submission submission : queries.submissions().values()) {
                if (submission.accepted() && ofKpi(submission) && submission.sameReportAs(report)) {
                    versions.add(submission.id());
                }
            }
        }
        return versions;
    }

    private boolean ofKpi(KpiQueries.Submission submission) {
        return kpi.sourceTemplate().equals(submission.template())
                && (submitter == null || submitter.equals(submission.submitter()));
    }

    private static List<String> ids(KpiMartWriter.ValueRow row) {
        String text = row.observation().submissionIds();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
