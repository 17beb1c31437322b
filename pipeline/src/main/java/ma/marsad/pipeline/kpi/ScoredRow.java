package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of the kpi_score mart; nulls where a measure does not apply. */
record ScoredRow(
        String kpiId,
        String period,
        LocalDate periodEnd,
        String regionCode,
        Double value,
        String unit,
        Double progress,
        Double progressClipped,
        Double trajectoryValue,
        KpiStatus status,
        Double requiredGrowth,
        Double observedGrowth,
        Double forecast2030,
        Double progressGap,
        LocalDateTime knownAt,
        String submissionIds) {

    static ScoredRow noData(KpiDefinition kpi) {
        return new ScoredRow(
                kpi.id(),
                null,
                null,
                KpiObservation.NATIONAL,
                null,
                kpi.unit(),
                null,
                null,
                null,
                KpiStatus.NO_DATA,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
