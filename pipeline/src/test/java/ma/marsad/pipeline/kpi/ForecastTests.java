package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTests {

    private static Forecast.Observation at(int year, double value) {
        return new Forecast.Observation(LocalDate.of(year, 12, 31), value);
    }

    @Test
    void extendsAStraightLine() {
        // 10, 14, 18 at four-year steps (1461 days each): +1 a year, so 22 at 2030-12-31 whatever the weights
        assertThat(Forecast.at(List.of(at(2018, 10), at(2022, 14), at(2026, 18)), Trajectory.TARGET_DATE)
                        .getAsDouble())
                .isCloseTo(22, within(1e-9));
    }

    @Test
    void neverForecastsBelowZeroForAQuantityThatCannotBeNegative() {
        // 10 days in 2024, 6 in 2025, 2 in 2026: -4 a year, so the line gives 2 - 4 * 4 = -14 days at 2030-12-31;
        // a processing time cannot be negative, so the forecast is 0
        assertThat(Forecast.at(List.of(at(2024, 10), at(2025, 6), at(2026, 2)), Trajectory.TARGET_DATE)
                        .getAsDouble())
                .isZero();
    }

    @Test
    void weighsRecentObservationsMore() {
        // given t = -8, -4, 0 years (2018, 2022, 2026) with values 10, 10, 16 and weights 1, 2, 3
        // weighted means: t = (-8 - 8 + 0) / 6 = -8/3, y = (10 + 20 + 48) / 6 = 13
        // slope = sum w dt dy / sum w dt^2 = (16 + 8 + 24) / (256/9 + 32/9 + 192/9) = 48 / (480/9) = 0.9 a year
        // at 2030-12-31, t = 4: 13 + 0.9 * (4 + 8/3) = 19 (an unweighted line would give 12 + 0.75 * 8 = 18)
        assertThat(Forecast.at(List.of(at(2018, 10), at(2022, 10), at(2026, 16)), Trajectory.TARGET_DATE)
                        .getAsDouble())
                .isCloseTo(19, within(1e-9));
    }

    @Test
    void usesTheLastFiveObservationsOnly() {
        // an old outlier before the last five changes nothing: the last five lie on +1 a year, 2030 -> 22
        List<Forecast.Observation> withOutlier =
                List.of(at(2010, 1000), at(2014, 6), at(2018, 10), at(2020, 12), at(2022, 14), at(2026, 18));

        assertThat(Forecast.at(withOutlier, Trajectory.TARGET_DATE).getAsDouble())
                .isCloseTo(22, within(0.01));
    }

    @Test
    void needsTwoDatesToDrawALine() {
        assertThat(Forecast.at(List.of(at(2024, 5)), Trajectory.TARGET_DATE)).isEmpty();
        assertThat(Forecast.at(List.of(at(2024, 5), at(2024, 6)), Trajectory.TARGET_DATE))
                .isEmpty();
    }
}
