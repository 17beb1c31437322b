package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where a KPI will land: a weighted least-squares line through the last {@value #POINTS} observations (value against
 * time in years), the oldest weighted 1 and the newest {@value #POINTS} (weights 1, 2, ... n), evaluated at a date.
 * Needs at least two observations at different dates. When every observation is zero or more (counts, amounts,
 * durations, rates), the forecast is not allowed below zero: a falling line must not predict a negative time.
 */
final class Forecast {

    static final int POINTS = 5;

    /** One observed value, dated at the end of its period. */
    record Observation(LocalDate date, double value) {}

    private Forecast() {}

    static OptionalDouble at(List<Observation> observations, LocalDate date) {
        List<Observation> sorted = observations.stream()
                .sorted(Comparator.comparing(Observation::date))
                .toList();
        List<Observation> last = sorted.subList(Math.max(0, sorted.size() - POINTS), sorted.size());
        if (last.size() < 2) {
            return OptionalDouble.empty();
        }
        LocalDate origin = last.get(last.size() - 1).date();
        double weightSum = 0;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < last.size(); i++) {
            double weight = i + 1;
            weightSum += weight;
            meanX += weight * years(origin, last.get(i).date());
            meanY += weight * last.get(i).value();
        }
        meanX /= weightSum;
        meanY /= weightSum;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < last.size(); i++) {
            double weight = i + 1;
            double dx = years(origin, last.get(i).date()) - meanX;
            covariance += weight * dx * (last.get(i).value() - meanY);
            variance += weight * dx * dx;
        }
        if (variance == 0) {
            return OptionalDouble.empty();
        }
        double slope = covariance / variance;
        double forecast = meanY + slope * (years(origin, date) - meanX);
        boolean neverNegative = last.stream().allMatch(observation -> observation.value() >= 0);
        return OptionalDouble.of(neverNegative ? Math.max(0, forecast) : forecast);
    }

    private static double years(LocalDate origin, LocalDate date) {
        return (date.toEpochDay() - origin.toEpochDay()) / GrowthRate.DAYS_PER_YEAR;
    }
}
