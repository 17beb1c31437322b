package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GrowthRateTests {

    private static final LocalDate END_2022 = LocalDate.of(2022, 12, 31);
    private static final LocalDate END_2026 = LocalDate.of(2026, 12, 31);

    @Test
    void observedRateFromTheBaseline() {
        // 2022-12-31 -> 2026-12-31 is 1461 days = 4.0 years of 365.25 days; 100 -> 146.41 = 100 * 1.1^4: 10 % a year
        assertThat(GrowthRate.observed(100, END_2022, 146.41, END_2026).getAsDouble())
                .isCloseTo(0.10, within(1e-12));
    }

    @Test
    void requiredRateToTheTarget() {
        // 2026-12-31 -> 2030-12-31 is 1461 days = 4.0 years; 146.41 -> 214.358881 = 146.41 * 1.1^4: 10 % a year
        assertThat(GrowthRate.required(146.41, END_2026, 214.358881, Trajectory.TARGET_DATE)
                        .getAsDouble())
                .isCloseTo(0.10, within(1e-12));
    }

    @Test
    void aDeclineIsANegativeRate() {
        // 200 -> 100 over 4.0 years: 0.5^(1/4) - 1 = -0.159104
        assertThat(GrowthRate.observed(200, END_2022, 100, END_2026).getAsDouble())
                .isCloseTo(-0.159104, within(1e-6));
    }

    @Test
    void undefinedFromZeroOrWithoutTime() {
        // CON-02 starts from 0 % 5G coverage: no compound rate grows 0 into anything
        assertThat(GrowthRate.observed(0, END_2022, 25, END_2026)).isEmpty();
        assertThat(GrowthRate.required(25, Trajectory.TARGET_DATE, 70, Trajectory.TARGET_DATE))
                .isEmpty();
    }
}
