package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Scores the latest vintage of one KPI. Targets are national: national rows ('00') get progress, trajectory, status,
 * growth rates and a forecast; regional rows carry their value with status no_target. A national period that had not
 * ended at the as-of date is provisional, and the baseline observation itself is baseline_only: neither says whether
 * the KPI is on track.
 */
final class KpiScorer {

    private final StatusThresholds thresholds;

    KpiScorer(StatusThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** @param asOf the run's date: a period ending on or after it is still running */
    List<ScoredRow> score(KpiDefinition kpi, ScoringBasis basis, List<KpiObservation> observations, LocalDate asOf) {
        if (observations.isEmpty()) {
            return List.of(ScoredRow.noData(kpi));
        }
        List<KpiObservation> sorted = observations.stream()
                .sorted(Comparator.comparing(KpiObservation::periodEnd)
                        .thenComparing(KpiObservation::regionCode)
                        .thenComparing(KpiObservation::period))
                .toList();
        List<Forecast.Observation> nationalHistory = new ArrayList<>();
        List<ScoredRow> rows = new ArrayList<>();
        for (KpiObservation observation : sorted) {
            if (observation.isNational()) {
                nationalHistory.add(new Forecast.Observation(observation.periodEnd(), observation.value()));
                rows.add(scoreNational(kpi, basis, observation, List.copyOf(nationalHistory), asOf));
            } else {
                rows.add(regional(kpi, observation));
            }
        }
        return rows;
    }

    private ScoredRow scoreNational(
            KpiDefinition kpi,
            ScoringBasis basis,
            KpiObservation observation,
            List<Forecast.Observation> history,
            LocalDate asOf) {
        double value = observation.value();
        LocalDate date = observation.periodEnd();
        Double forecast = boxed(Forecast.at(history, Trajectory.TARGET_DATE));
        Double observedGrowth = null;
        if (basis.baselineValue() != null && kpi.hasGrowthRates()) {
            observedGrowth = boxed(GrowthRate.observed(basis.baselineValue(), basis.baselineDate(), value, date));
        }
        if (!basis.canScore()) {
            return row(kpi, observation, null, null, KpiStatus.NO_TARGET, null, observedGrowth, forecast, null);
        }
        double baseline = basis.baselineValue();
        double target = basis.targetForScoring();
        Direction direction = kpi.direction();
        boolean degenerate = Progress.isDegenerate(baseline, target, direction);
        double trajectoryValue = degenerate
                ? target
                : Trajectory.through(
                                basis.baselineDate(),
                                baseline,
                                basis.target2030() != null ? basis.milestone2026() : null,
                                basis.targetDate(),
                                target,
                                kpi.trajectory())
                        .valueAt(date);
        Progress progress = Progress.of(value, baseline, target, direction);
        double expected = Progress.expected(trajectoryValue, baseline, target, direction);
        KpiStatus status;
        if (!date.isBefore(asOf)) {
            status = KpiStatus.PROVISIONAL;
        } else if (date.equals(basis.baselineDate())) {
            status = KpiStatus.BASELINE_ONLY;
        } else {
            status = KpiStatus.classify(progress.raw(), expected, thresholds);
        }
        Double requiredGrowth = null;
        if (kpi.hasGrowthRates() && date.isBefore(basis.targetDate())) {
            requiredGrowth = boxed(GrowthRate.required(value, date, target, basis.targetDate()));
        }
        Double progressGap = null;
        if (forecast != null && basis.target2030() != null && !degenerate) {
            progressGap = (target - forecast) / (target - baseline);
        }
        return row(
                kpi,
                observation,
                progress,
                trajectoryValue,
                status,
                requiredGrowth,
                observedGrowth,
                forecast,
                progressGap);
    }

    private static ScoredRow regional(KpiDefinition kpi, KpiObservation observation) {
        return row(kpi, observation, null, null, KpiStatus.NO_TARGET, null, null, null, null);
    }

    private static ScoredRow row(
            KpiDefinition kpi,
            KpiObservation observation,
            Progress progress,
            Double trajectoryValue,
            KpiStatus status,
            Double requiredGrowth,
            Double observedGrowth,
            Double forecast,
            Double progressGap) {
        return new ScoredRow(
                kpi.id(),
                observation.period(),
                observation.periodEnd(),
                observation.regionCode(),
                observation.value(),
                kpi.unit(),
                progress == null ? null : progress.raw(),
                progress == null ? null : progress.clipped(),
                trajectoryValue,
                status,
                requiredGrowth,
                observedGrowth,
                forecast,
                progressGap,
                observation.knownAt(),
                observation.submissionIds());
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
