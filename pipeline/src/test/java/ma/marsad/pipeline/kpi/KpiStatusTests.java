package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiStatusTests {

    private final StatusThresholds thresholds = StatusThresholds.DEFAULT;

    @Test
    void atOrBeyondTheExpectedProgressIsOnTrack() {
        assertThat(KpiStatus.classify(0.5, 0.5, thresholds)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiStatus.classify(1.5, 0.5, thresholds)).isEqualTo(KpiStatus.ON_TRACK);
    }

    @Test
    void atLeastNinetyPercentOfTheExpectedProgressIsAtRisk() {
        // expected 0.5, so at risk from 0.9 * 0.5 = 0.45
        assertThat(KpiStatus.classify(0.46, 0.5, thresholds)).isEqualTo(KpiStatus.AT_RISK);
        assertThat(KpiStatus.classify(0.44, 0.5, thresholds)).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void atTheBaselineDateNothingIsExpectedYet() {
        // expected 0: the baseline value itself is on track, a fall below it is off track
        assertThat(KpiStatus.classify(0, 0, thresholds)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiStatus.classify(-0.1, 0, thresholds)).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void codesAreTheMartValues() {
        assertThat(KpiStatus.ON_TRACK.code()).isEqualTo("on_track");
        assertThat(KpiStatus.NO_DATA.code()).isEqualTo("no_data");
    }
}
