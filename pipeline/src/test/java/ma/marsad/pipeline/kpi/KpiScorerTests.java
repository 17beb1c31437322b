package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiScorerTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 4);

    private final KpiScorer scorer = new KpiScorer(StatusThresholds.DEFAULT);

    private static KpiObservation national(String period, double value) {
        return new KpiObservation(period, PeriodKeys.endOf(period), "00", value, "sha", null);
    }

    /** A national KPI scored from its baseline towards its 2030 target, through the 2026 milestone if it has one. */
    private static KpiDefinition fromBaseline(
            String id,
            Direction direction,
            String unit,
            String baselinePeriod,
            double baseline,
            Double milestone,
            double target) {
        return TestKpis.withTargets(
                TestKpis.kpi(id, direction, unit),
                new KpiDefinition.Baseline(baselinePeriod, baseline),
                milestone,
                target,
                null);
    }

    private List<ScoredRow> score(KpiDefinition kpi, List<KpiObservation> observations) {
        return scorer.score(kpi, ScoringBasis.resolve(kpi, observations), observations, AS_OF);
    }

    @Test
    void aKpiWithoutDataHasExactlyOneNoDataRow() {
        KpiDefinition kpi = TestKpis.kpi("CON-07", Direction.UP, "% of population");

        List<ScoredRow> rows = score(kpi, List.of());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(KpiStatus.NO_DATA);
            assertThat(row.regionCode()).isEqualTo("00");
            assertThat(row.value()).isNull();
            assertThat(row.period()).isNull();
        });
    }

    @Test
    void directionDownRankBehindItsTrajectoryIsOffTrack() {
        // given EGOV-06: OSI rank 113 in 2022, target 50 in 2030, rank 100 in 2024
        KpiDefinition kpi = fromBaseline("EGOV-06", Direction.DOWN, "rank of 193", "2022", 113, null, 50.0);

        // when
        ScoredRow row = score(kpi, List.of(national("2022", 113), national("2024", 100)))
                .get(1);

        // then trajectory at 2024-12-31 (731 of 2922 days): 113 - 63 * 731 / 2922 = 97.239220
        assertThat(row.trajectoryValue()).isCloseTo(97.239220, within(1e-6));
        // P = (100 - 113) / (50 - 113) = 0.206349; E = 15.760780 / 63 = 0.250171; 0.9 E = 0.225154 > P: off track
        assertThat(row.progress()).isCloseTo(0.206349, within(1e-6));
        assertThat(row.status()).isEqualTo(KpiStatus.OFF_TRACK);
        // two points, weights 1 and 2, the line through them: -13 ranks per 731 days; 2191 days later 61.035568
        assertThat(row.forecast2030()).isCloseTo(61.035568, within(1e-6));
        // gap (50 - 61.035568) / (50 - 113) = 0.175168: the share of the way still missing in 2030
        assertThat(row.progressGap()).isCloseTo(0.175168, within(1e-6));
        // no growth rates for ranks
        assertThat(row.requiredGrowth()).isNull();
        assertThat(row.observedGrowth()).isNull();
    }

    @Test
    void theMilestoneBetweenBaselineAndTargetShapesTheTrajectory() {
        // given CON-01: 1.5 M in 2022, 4.4 M at the end of 2026, 5.6 M at the end of 2030
        KpiDefinition kpi = fromBaseline("CON-01", Direction.UP, "million households", "2022", 1.5, 4.4, 5.6);

        // trajectory at 2024-12-31: 1.5 + 2.9 * 731 / 1461 = 2.950992; E = 1.450992 / 4.1 = 0.353901; 0.9 E = 0.318511
        ScoredRow onTrack = score(kpi, List.of(national("2024-Q4", 3.0))).get(0);
        ScoredRow atRisk = score(kpi, List.of(national("2024-Q4", 2.85))).get(0);
        ScoredRow offTrack = score(kpi, List.of(national("2024-Q4", 2.8))).get(0);

        // then 3.0 is above the trajectory; P = 1.5 / 4.1 = 0.365854
        assertThat(onTrack.trajectoryValue()).isCloseTo(2.950992, within(1e-6));
        assertThat(onTrack.progress()).isCloseTo(0.365854, within(1e-6));
        assertThat(onTrack.status()).isEqualTo(KpiStatus.ON_TRACK);
        // P = 1.35 / 4.1 = 0.329268 >= 0.318511
        assertThat(atRisk.status()).isEqualTo(KpiStatus.AT_RISK);
        // P = 1.3 / 4.1 = 0.317073 < 0.318511
        assertThat(offTrack.status()).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void targetAlreadyExceededIsOnTrackWithProgressClippedToOne() {
        // given baseline 10 in 2022, target 20; 25 in 2024: raw (25 - 10) / 10 = 1.5
        KpiDefinition kpi = fromBaseline("ECO-09", Direction.UP, "jobs", "2022", 10, null, 20.0);

        ScoredRow row = score(kpi, List.of(national("2024", 25))).get(0);

        assertThat(row.progress()).isEqualTo(1.5);
        assertThat(row.progressClipped()).isEqualTo(1.0);
        assertThat(row.status()).isEqualTo(KpiStatus.ON_TRACK);
        // required growth from above the target is negative: (20 / 25)^(1 / (2191 / 365.25)) - 1 = -0.036516
        assertThat(row.requiredGrowth()).isCloseTo(-0.036516, within(1e-6));
    }

    @Test
    void baselineEqualToTargetScoresWhetherTheTargetIsHeld() {
        // given GOV-03 style: 100 % already at the baseline and as target
        KpiDefinition kpi = fromBaseline("GOV-09", Direction.UP, "%", "2024", 100, null, 100.0);

        ScoredRow held = score(kpi, List.of(national("2025", 100))).get(0);
        ScoredRow lost = score(kpi, List.of(national("2025", 90))).get(0);

        // then progress 1 and on track when 100 is held; 0 and off track when it is not; no gap (undefined)
        assertThat(held.progress()).isEqualTo(1.0);
        assertThat(held.status()).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(held.trajectoryValue()).isEqualTo(100.0);
        assertThat(lost.progress()).isEqualTo(0.0);
        assertThat(lost.status()).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void onlyAMilestoneIsScoredAgainstTheMilestoneFromTheFirstObservedValue() {
        // given CON-05: no baseline, 6300 sites expected at 2026-12-31; 5000 at 2025-Q4, 5500 at 2026-Q2
        KpiDefinition kpi =
                TestKpis.withTargets(TestKpis.kpi("CON-05", Direction.UP, "sites"), null, 6300.0, null, null);
        List<KpiObservation> observations = List.of(national("2025-Q4", 5000), national("2026-Q2", 5500));
        ScoringBasis basis = ScoringBasis.resolve(kpi, observations);

        ScoredRow row = scorer.score(kpi, basis, observations, AS_OF).get(1);

        // then the baseline is the first observed value, flagged as observed
        assertThat(basis.baselineObserved()).isTrue();
        assertThat(basis.baselinePeriod()).isEqualTo("2025-Q4");
        assertThat(basis.target2030()).isNull();
        // trajectory 2025-12-31 -> 2026-12-31 (365 days), at 2026-06-30 (181 days): 5000 + 1300 * 181 / 365 = 5644.658
        assertThat(row.trajectoryValue()).isCloseTo(5644.658, within(1e-3));
        // P = 500 / 1300 = 0.384615 < 0.9 * 0.495890 = 0.446301: off track
        assertThat(row.progress()).isCloseTo(0.384615, within(1e-6));
        assertThat(row.status()).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void aRelativeTargetIsResolvedAgainstTheBaseline() {
        // given EGOV-04: median days, down, target "halved" (-0.5), no baseline: first observed 10 days in 2026-01
        KpiDefinition kpi =
                TestKpis.withTargets(TestKpis.kpi("EGOV-04", Direction.DOWN, "days"), null, null, null, -0.5);

        ScoringBasis basis = ScoringBasis.resolve(kpi, List.of(national("2026-01", 10), national("2026-06", 8)));

        // then T = 10 * (1 - 0.5) = 5 at 2030-12-31
        assertThat(basis.target2030()).isEqualTo(5.0);
        assertThat(basis.baselineValue()).isEqualTo(10.0);
        assertThat(basis.targetDate()).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @Test
    void aHistoryHoldingOnlyItsBaselineIsBaselineOnlyNotOnTrack() {
        // given TAL-04: no catalogue baseline, 200 000 by 2030, one observation 8 255 in 2026-S1 (its own baseline)
        KpiDefinition kpi =
                TestKpis.withTargets(TestKpis.kpi("TAL-04", Direction.UP, "people"), null, null, 200000.0, null);

        ScoredRow row = score(kpi, List.of(national("2026-S1", 8255))).get(0);

        // then progress 0 on a trajectory that starts at the same point would read "on track"; it is baseline_only
        assertThat(row.progress()).isEqualTo(0.0);
        assertThat(row.status()).isEqualTo(KpiStatus.BASELINE_ONLY);
    }

    @Test
    void theCatalogueBaselinePeriodIsBaselineOnlyAndTheNextPeriodIsScored() {
        // given ECO-09: baseline 10 in 2022, target 20 in 2030
        KpiDefinition kpi = fromBaseline("ECO-09", Direction.UP, "jobs", "2022", 10, null, 20.0);

        List<ScoredRow> rows = score(kpi, List.of(national("2022", 10), national("2024", 13)));

        // then 2022 restates the baseline; 2024: P = 0.3 >= E = 731 / 2922 = 0.250171, on track
        assertThat(rows).extracting(ScoredRow::status).containsExactly(KpiStatus.BASELINE_ONLY, KpiStatus.ON_TRACK);
    }

    @Test
    void aPeriodStillRunningAtTheAsOfDateIsProvisionalWhateverItsValue() {
        // given GOV-03 style: 100 % expected and held; December 2026 is 4 days old on 2026-12-04 at 25 %
        KpiDefinition kpi = fromBaseline("GOV-09", Direction.UP, "%", "2024", 100, null, 100.0);

        List<ScoredRow> rows = score(kpi, List.of(national("2026-11", 100), national("2026-12", 25)));

        // then November (complete) is scored, December is provisional and never off track
        assertThat(rows).extracting(ScoredRow::status).containsExactly(KpiStatus.ON_TRACK, KpiStatus.PROVISIONAL);
        assertThat(rows.get(1).value()).isEqualTo(25.0);
    }

    @Test
    void aPeriodEndingOnTheAsOfDateIsStillRunning() {
        KpiDefinition kpi = fromBaseline("ECO-09", Direction.UP, "jobs", "2022", 10, null, 20.0);
        KpiObservation endsToday = new KpiObservation("2026-W49", AS_OF, "00", 19, "sha", null);

        assertThat(score(kpi, List.of(endsToday)).get(0).status()).isEqualTo(KpiStatus.PROVISIONAL);
    }

    @Test
    void aTargetHeldSinceTheBaselineIsFlaggedAndTheMilestoneIsNamed() {
        KpiDefinition held = fromBaseline("GOV-09", Direction.UP, "%", "2024", 100, null, 100.0);
        KpiDefinition milestoneOnly =
                TestKpis.withTargets(TestKpis.kpi("CON-05", Direction.UP, "sites"), null, 6300.0, null, null);
        KpiDefinition none = TestKpis.kpi("EGOV-03", Direction.UP, "%");
        List<KpiObservation> observed = List.of(national("2025-Q4", 5000));

        ScoringBasis heldBasis = ScoringBasis.resolve(held, observed);
        ScoringBasis milestoneBasis = ScoringBasis.resolve(milestoneOnly, observed);
        ScoringBasis noneBasis = ScoringBasis.resolve(none, observed);

        assertThat(heldBasis.holdsTarget(Direction.UP)).isTrue();
        assertThat(heldBasis.targetKind()).isEqualTo("target_2030");
        assertThat(milestoneBasis.holdsTarget(Direction.UP)).isFalse();
        assertThat(milestoneBasis.targetKind()).isEqualTo("milestone_2026");
        assertThat(milestoneBasis.targetDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(noneBasis.targetKind()).isNull();
        assertThat(noneBasis.holdsTarget(Direction.UP)).isFalse();
    }

    @Test
    void withoutATargetAndForRegionsTheStatusIsNoTarget() {
        KpiDefinition kpi = TestKpis.kpi("EGOV-03", Direction.UP, "%");
        KpiObservation regional = new KpiObservation("2026-11", LocalDate.of(2026, 11, 30), "06", 80, "sha", null);

        List<ScoredRow> rows = score(kpi, List.of(national("2026-11", 75), regional));

        assertThat(rows).extracting(ScoredRow::status).containsOnly(KpiStatus.NO_TARGET);
        assertThat(rows).extracting(ScoredRow::progress).containsOnlyNulls();
    }
}
