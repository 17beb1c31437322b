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
 * @param sourceRows comma-separated number of source rows used from each submission, in the order of {@code
 *     submissionIds}; an empty item when the source has no rows of its own (the submission calendar)
 */
record KpiObservation(
        String period,
        LocalDate periodEnd,
        String regionCode,
        double value,
        String submissionIds,
        LocalDateTime knownAt,
        String sourceRows) {

    static final String NATIONAL = "00";

    KpiObservation {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(periodEnd, "period_end");
        Objects.requireNonNull(regionCode, "region_code");
        Objects.requireNonNull(submissionIds, "submission_ids");
        Objects.requireNonNull(sourceRows, "source_rows");
    }

    /** A value whose source rows are not counted. */
    KpiObservation(
            String period,
            LocalDate periodEnd,
            String regionCode,
            double value,
            String submissionIds,
            LocalDateTime knownAt) {
        this(period, periodEnd, regionCode, value, submissionIds, knownAt, "");
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
