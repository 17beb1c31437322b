package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProgressTests {

    @Test
    void isTheShareOfTheWayFromBaselineToTarget() {
        // (15 - 10) / (20 - 10) = 0.5
        Progress progress = Progress.of(15, 10, 20, Direction.UP);

        assertThat(progress.raw()).isEqualTo(0.5);
        assertThat(progress.clipped()).isEqualTo(0.5);
    }

    @Test
    void targetAlreadyExceededIsAboveOneRawAndOneClipped() {
        // (25 - 10) / (20 - 10) = 1.5
        Progress progress = Progress.of(25, 10, 20, Direction.UP);

        assertThat(progress.raw()).isEqualTo(1.5);
        assertThat(progress.clipped()).isEqualTo(1.0);
    }

    @Test
    void fallingBelowTheBaselineIsNegativeRawAndZeroClipped() {
        // (5 - 10) / (20 - 10) = -0.5
        Progress progress = Progress.of(5, 10, 20, Direction.UP);

        assertThat(progress.raw()).isEqualTo(-0.5);
        assertThat(progress.clipped()).isEqualTo(0.0);
    }

    @Test
    void directionDownCountsAFallAsProgress() {
        // EGOV-06 OSI rank: 113 in 2022, target 50; rank 100: (100 - 113) / (50 - 113) = -13 / -63 = 0.206349
        Progress progress = Progress.of(100, 113, 50, Direction.DOWN);

        assertThat(progress.raw()).isCloseTo(0.206349, within(1e-6));
        // a worse rank, 120: (120 - 113) / (50 - 113) = -0.111111
        assertThat(Progress.of(120, 113, 50, Direction.DOWN).raw()).isCloseTo(-0.111111, within(1e-6));
    }

    @Test
    void baselineEqualToTargetIsOneWhenTheTargetIsHeldAndZeroOtherwise() {
        // (x - 100) / (100 - 100) is undefined: 1 if x reaches 100 in the KPI's direction, else 0
        assertThat(Progress.of(100, 100, 100, Direction.UP).raw()).isEqualTo(1.0);
        assertThat(Progress.of(101, 100, 100, Direction.UP).raw()).isEqualTo(1.0);
        assertThat(Progress.of(99, 100, 100, Direction.UP).raw()).isEqualTo(0.0);
        assertThat(Progress.of(4, 5, 5, Direction.DOWN).raw()).isEqualTo(1.0);
        assertThat(Progress.of(6, 5, 5, Direction.DOWN).clipped()).isEqualTo(0.0);
        assertThat(Progress.expected(100, 100, 100, Direction.UP)).isEqualTo(1.0);
    }

    @Test
    void aTargetMetAtTheBaselineCountsLikeBaselineEqualToTarget() {
        // CON-05 with an observed baseline of 7000 sites and a 6300 milestone: the milestone was met at the baseline
        assertThat(Progress.of(7500, 7000, 6300, Direction.UP).raw()).isEqualTo(1.0);
        assertThat(Progress.of(6000, 7000, 6300, Direction.UP).raw()).isEqualTo(0.0);
    }

    @Test
    void penetrationRatesAreNeverCapped() {
        // CON-03 style: baseline 100 %, target 110 %, value 115 %: raw (115 - 100) / 10 = 1.5, the value itself
        // untouched
        assertThat(Progress.of(115, 100, 110, Direction.UP).raw()).isEqualTo(1.5);
    }
}
