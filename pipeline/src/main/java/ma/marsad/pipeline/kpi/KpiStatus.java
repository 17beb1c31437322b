package ma.marsad.pipeline.kpi;

import java.util.Locale;

/** Where a KPI value stands against its trajectory. */
enum KpiStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NO_TARGET,
    NO_DATA,
    /** The value is the baseline itself: nothing has been measured against the target yet. */
    BASELINE_ONLY,
    /** The period had not ended at the as-of date: the value is shown but sets no status. */
    PROVISIONAL;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Classifies a progress against the progress the trajectory expects at the same date.
     *
     * @param progress raw progress P = (x - b) / (T - b), unclipped
     * @param expectedProgress E = (trajectory - b) / (T - b), between 0 and 1
     */
    static KpiStatus classify(double progress, double expectedProgress, StatusThresholds thresholds) {
        if (progress >= expectedProgress - thresholds.tolerance()) {
            return ON_TRACK;
        }
        if (progress >= thresholds.atRiskShare() * expectedProgress) {
            return AT_RISK;
        }
        return OFF_TRACK;
    }
}
