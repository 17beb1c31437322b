package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What a KPI is scored against once the catalogue's gaps are filled: no baseline → the first observed national value
 * and its period (baselineObserved); a relative target → baseline × (1 + relative); only a 2026 milestone → scored
 * against the milestone at 2026-12-31.
 *
 * @param targetForScoring the 2030 target, else the 2026 milestone, else null (no target)
 * @param targetDate 2030-12-31, or 2026-12-31 when scored against the milestone
 */
record ScoringBasis(
        String baselinePeriod,
        LocalDate baselineDate,
        Double baselineValue,
        boolean baselineObserved,
        Double milestone2026,
        Double target2030,
        Double targetForScoring,
        LocalDate targetDate) {

    static ScoringBasis resolve(KpiDefinition kpi, List<KpiObservation> observations) {
        String baselinePeriod = null;
        LocalDate baselineDate = null;
        Double baselineValue = null;
        boolean observed = false;
        if (kpi.baseline() != null) {
            baselinePeriod = kpi.baseline().period();
            baselineDate = PeriodKeys.endOf(baselinePeriod);
            baselineValue = kpi.baseline().value();
        } else {
            KpiObservation first = observations.stream()
                    .filter(KpiObservation::isNational)
                    .min(Comparator.comparing(KpiObservation::periodEnd))
                    .orElse(null);
            if (first != null) {
                baselinePeriod = first.period();
                baselineDate = first.periodEnd();
                baselineValue = first.value();
                observed = true;
            }
        }
        Double target2030 = kpi.target2030();
        if (target2030 == null && kpi.targetRelative() != null && baselineValue != null) {
            target2030 = baselineValue * (1 + kpi.targetRelative());
        }
        Double targetForScoring = target2030 != null ? target2030 : kpi.milestone2026();
        LocalDate targetDate = target2030 != null ? Trajectory.TARGET_DATE : Trajectory.MILESTONE_DATE;
        return new ScoringBasis(
                baselinePeriod,
                baselineDate,
                baselineValue,
                observed,
                kpi.milestone2026(),
                target2030,
                targetForScoring,
                targetDate);
    }

    /** Which target the status is measured against: {@code target_2030}, {@code milestone_2026}, or null. */
    String targetKind() {
        if (targetForScoring == null) {
            return null;
        }
        return target2030 != null ? "target_2030" : "milestone_2026";
    }

    /**
     * True when the target is not beyond the baseline in the KPI's direction (e.g. 100 % at the baseline and as
     * target): the status then says whether the target is held, not how far along a trajectory the KPI is.
     */
    boolean holdsTarget(Direction direction) {
        return canScore() && Progress.isDegenerate(baselineValue, targetForScoring, direction);
    }

    boolean canScore() {
        return baselineValue != null && targetForScoring != null;
    }
}
