package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One value of a KPI as a KPI query returns it, with the time its contributing submissions were known.
 *
 * @param submissionIds comma-separated SHA-256 of the contributing submissions, sorted and distinct
 * @param knownAt the latest received_at of the contributing submissions, or null when the warehouse has no
 *     submission registry
 */
record KpiObservation(
        String period,
        LocalDate periodEnd,
        String regionCode,
        double value,
        String submissionIds,
        LocalDateTime knownAt) {

    static final String NATIONAL = "00";

    KpiObservation {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(periodEnd, "period_end");
        Objects.requireNonNull(regionCode, "region_code");
        Objects.requireNonNull(submissionIds, "submission_ids");
    }

    boolean isNational() {
        return NATIONAL.equals(regionCode);
    }

    /** What makes two vintages the same published figure. */
    record Identity(String period, String regionCode, double value, String submissionIds) {}

    Identity identity() {
        return new Identity(period, regionCode, value, submissionIds);
    }
}
