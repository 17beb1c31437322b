package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrajectoryTests {

    private static final LocalDate END_2022 = LocalDate.of(2022, 12, 31);

    // CON-01: 1.5 M households in 2022, milestone 4.4 M at the end of 2026, target 5.6 M at the end of 2030
    private final Trajectory fibre =
            Trajectory.through(END_2022, 1.5, 4.4, Trajectory.TARGET_DATE, 5.6, TrajectoryShape.LINEAR);

    @Test
    void runsStraightFromTheBaselineToTheMilestone() {
        // 2022-12-31 -> 2024-12-31 is 731 days of the 1461 to 2026-12-31: 1.5 + (4.4 - 1.5) * 731 / 1461 = 2.950992
        assertThat(fibre.valueAt(LocalDate.of(2024, 12, 31))).isCloseTo(2.950992, within(1e-6));
        assertThat(fibre.valueAt(Trajectory.MILESTONE_DATE)).isCloseTo(4.4, within(1e-12));
    }

    @Test
    void runsStraightFromTheMilestoneToTheTarget() {
        // 2026-12-31 -> 2028-12-31 is 731 of 1461 days: 4.4 + (5.6 - 4.4) * 731 / 1461 = 5.000411
        assertThat(fibre.valueAt(LocalDate.of(2028, 12, 31))).isCloseTo(5.000411, within(1e-6));
        assertThat(fibre.valueAt(Trajectory.TARGET_DATE)).isCloseTo(5.6, within(1e-12));
    }

    @Test
    void isFlatBeforeTheBaselineAndAfterTheTarget() {
        assertThat(fibre.valueAt(LocalDate.of(2021, 12, 31))).isEqualTo(1.5);
        assertThat(fibre.valueAt(LocalDate.of(2031, 6, 30))).isEqualTo(5.6);
    }

    @Test
    void geometricKeepsAConstantGrowthRate() {
        // given 100 at 2022-12-31 and 400 at 2030-12-31 (2922 days); 2026-12-31 is exactly half way (1461 days)
        Trajectory geometric =
                Trajectory.through(END_2022, 100, null, Trajectory.TARGET_DATE, 400, TrajectoryShape.GEOMETRIC);
        Trajectory linear =
                Trajectory.through(END_2022, 100, null, Trajectory.TARGET_DATE, 400, TrajectoryShape.LINEAR);

        // then geometric: 100 * (400 / 100)^0.5 = 200; linear: 100 + 300 * 0.5 = 250
        assertThat(geometric.valueAt(Trajectory.MILESTONE_DATE)).isCloseTo(200, within(1e-9));
        assertThat(linear.valueAt(Trajectory.MILESTONE_DATE)).isCloseTo(250, within(1e-9));
    }

    @Test
    void geometricFallsBackToLinearFromAZeroBaseline() {
        // CON-02: 5G coverage 0 % in 2024 (2024-12-31) to 70 % at 2030-12-31 (2191 days); 2027-12-31 is 1095 days in:
        // a growth rate from 0 is undefined, so 0 + 70 * 1095 / 2191 = 34.984
        Trajectory fiveG = Trajectory.through(
                LocalDate.of(2024, 12, 31), 0, null, Trajectory.TARGET_DATE, 70, TrajectoryShape.GEOMETRIC);

        assertThat(fiveG.valueAt(LocalDate.of(2027, 12, 31))).isCloseTo(34.984, within(1e-3));
    }
}
