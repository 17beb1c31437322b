package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import ma.marsad.pipeline.warehouse.ChangeSet;

/**
 * What changed for the KPIs since the published warehouse: the submissions the build replaced, and the submissions
 * that enter the vintages tonight. A vintage is the KPI as known at the received time of an accepted submission of its
 * template, up to the end of the as-of date; a submission enters them when it is new, or when the as-of date moved
 * past its received time.
 */
final class NightChanges {

    private final ChangeSet changes;
    private final LocalDateTime until;
    private final LocalDateTime previousUntil;
    private final Map<String, KpiQueries.Submission> submissions;

    NightChanges(ChangeSet changes, LocalDate asOf, LocalDate previousAsOf, Map<String, KpiQueries.Submission> all) {
        this.changes = changes;
        this.until = KpiQueries.startOfNextDay(asOf);
        this.previousUntil = KpiQueries.startOfNextDay(previousAsOf);
        this.submissions = all;
    }

    /** Whether anything of the KPI's figures may have changed: its template had a submission replaced or arrive. */
    boolean touches(KpiDefinition kpi) {
        return !select(kpi, null, id -> changes.touched().contains(id)).isEmpty()
                || !vintageArrivals(kpi, null).isEmpty();
    }

    /** Submissions of the KPI's template (and submitter, when not null) that enter the vintages tonight. */
    Set<String> vintageArrivals(KpiDefinition kpi, String submitter) {
        return select(kpi, submitter, id -> {
            KpiQueries.Submission submission = submissions.get(id);
            return submission.accepted()
                    && submission.receivedAt().isBefore(until)
                    && (changes.newlyAccepted().contains(id)
                            || !submission.receivedAt().isBefore(previousUntil));
        });
    }

    /** Submissions of the KPI's template (and submitter) that became current or stopped being current. */
    Set<String> currentChanges(KpiDefinition kpi, String submitter) {
        return select(
                kpi,
                submitter,
                id -> changes.becameCurrent().contains(id)
                        || changes.leftCurrent().contains(id));
    }

    Set<String> becameCurrent(KpiDefinition kpi, String submitter) {
        return select(kpi, submitter, changes.becameCurrent()::contains);
    }

    /** The latest vintage time the published warehouse already had for the KPI's template (and submitter), or null. */
    LocalDateTime latestPublishedVintage(KpiDefinition kpi, String submitter) {
        Set<String> arrivals = vintageArrivals(kpi, submitter);
        LocalDateTime latest = null;
        for (String id : select(kpi, submitter, id -> !arrivals.contains(id))) {
            KpiQueries.Submission submission = submissions.get(id);
            if (submission.accepted() && submission.receivedAt().isBefore(until)) {
                if (latest == null || submission.receivedAt().isAfter(latest)) {
                    latest = submission.receivedAt();
                }
            }
        }
        return latest;
    }

    private Set<String> select(KpiDefinition kpi, String submitter, Predicate<String> condition) {
        Set<String> ids = new TreeSet<>();
        for (KpiQueries.Submission submission : submissions.values()) {
            if (kpi.sourceTemplate().equals(submission.template())
                    && (submitter == null || submitter.equals(submission.submitter()))
                    && condition.test(submission.id())) {
                ids.add(submission.id());
            }
        }
        return ids;
    }
}
