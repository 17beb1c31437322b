package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiEngineTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    @TempDir
    Path folder;

    private Connection warehouse;
    private final KpiEngine engine = new KpiEngine(KpiCatalog.load(ConfigFolder.shipped()));

    @BeforeEach
    void createWarehouse() throws SQLException {
        warehouse = WarehouseBuilder.open(folder.resolve("marsad.duckdb")); // a UTC session, as the pipeline's
        Warehouses.run(warehouse, "/kpi/contract-tables.sql");
        Warehouses.run(warehouse, "/kpi/engine-fixture.sql");
    }

    @AfterEach
    void closeWarehouse() throws SQLException {
        warehouse.close();
    }

    @Test
    void scoresAgainstTheTrajectoryWithTheLatestVintage() throws SQLException {
        // given ECO-02: baseline 130 000 (2023), milestone 190 000 (2026-12-31), target 270 000 (2030-12-31);
        // 2024 was first sent as 140 000 and revised to 150 000

        // when
        engine.score(warehouse, AS_OF);

        // then 2023 is the baseline itself: progress 0, and it says nothing of the way to the target
        Map<String, Object> year2023 =
                Warehouses.single(warehouse, "select * from kpi_score where kpi_id = 'ECO-02' and period = '2023'");
        assertThat(year2023.get("value")).isEqualTo(130000.0);
        assertThat(year2023.get("progress")).isEqualTo(0.0);
        assertThat(year2023.get("status")).isEqualTo("baseline_only");
        // 2024 uses the revision, 150 000. Trajectory at 2024-12-31 (366 of the 1096 days to the milestone):
        // 130 000 + 60 000 * 366 / 1096 = 150 036.496; P = 20 000 / 140 000 = 0.142857; E = 20 036.496 / 140 000 =
        // 0.143118; P < E but P >= 0.9 E = 0.128806: at risk
        Map<String, Object> year2024 =
                Warehouses.single(warehouse, "select * from kpi_score where kpi_id = 'ECO-02' and period = '2024'");
        assertThat(year2024.get("value")).isEqualTo(150000.0);
        assertThat((double) year2024.get("trajectory_value")).isCloseTo(150036.496, within(1e-3));
        assertThat((double) year2024.get("progress")).isCloseTo(0.142857, within(1e-6));
        assertThat(year2024.get("status")).isEqualTo("at_risk");
        // observed growth (150 000 / 130 000)^(365.25 / 366) - 1 = 0.153508;
        // required (270 000 / 150 000)^(365.25 / 2191) - 1 = 0.102948
        assertThat((double) year2024.get("observed_growth")).isCloseTo(0.153508, within(1e-6));
        assertThat((double) year2024.get("required_growth")).isCloseTo(0.102948, within(1e-6));
        // forecast: the line through 2023 and 2024, +20 000 per 366 days, 2191 days on: 150 000 + 119 726.776 =
        // 269 726.776; gap (270 000 - 269 726.776) / 140 000 = 0.001952
        assertThat((double) year2024.get("forecast_2030")).isCloseTo(269726.776, within(1e-3));
        assertThat((double) year2024.get("progress_gap")).isCloseTo(0.001952, within(1e-6));
        // known_at is an instant (TIMESTAMP WITH TIME ZONE): the received_at of MEF's revision, in UTC
        assertThat(((java.time.OffsetDateTime) year2024.get("known_at")).toInstant())
                .isEqualTo(java.time.Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(Warehouses.single(
                                warehouse,
                                "select submission_ids::varchar as ids from kpi_score"
                                        + " where kpi_id = 'ECO-02' and period = '2024'")
                        .get("ids"))
                .isEqualTo("[sha-eco-2024-mef-v2]");
        // the value used one row of the revision: its lineage says so, and the macro returns that row
        assertThat(Warehouses.rows(
                        warehouse,
                        "select submission_id, source_rows from kpi_lineage"
                                + " where kpi_id = 'ECO-02' and period = '2024' and is_latest_vintage"))
                .containsExactly(Map.of("submission_id", "sha-eco-2024-mef-v2", "source_rows", 1L));
        assertThat(Warehouses.rows(
                        warehouse,
                        "select indicateur, valeur, submission_id from kpi_source_rows('ECO-02', '2024', '00', null)"))
                .containsExactly(Map.of(
                        "indicateur",
                        "emplois_offshoring",
                        "valeur",
                        150000.0,
                        "submission_id",
                        "sha-eco-2024-mef-v2"));
    }

    @Test
    void keepsEveryVintageSoThatPastPublicationsAreReproducible() throws SQLException {
        engine.score(warehouse, AS_OF);

        // then 2024 has the first figure (known 2025-03-01) and the revision (known 2025-06-01, the latest)
        List<Map<String, Object>> vintages = Warehouses.rows(
                warehouse,
                "select value, known_at, is_latest_vintage, submission_ids from kpi_value"
                        + " where kpi_id = 'ECO-02' and period = '2024' order by known_at");
        assertThat(vintages).extracting(row -> row.get("value")).containsExactly(140000.0, 150000.0);
        assertThat(vintages).extracting(row -> row.get("is_latest_vintage")).containsExactly(false, true);
        assertThat(vintages)
                .extracting(row -> ((java.time.OffsetDateTime) row.get("known_at")).toInstant())
                .containsExactly(
                        java.time.Instant.parse("2025-03-01T10:00:00Z"),
                        java.time.Instant.parse("2025-06-01T10:00:00Z"));
        // "as published on 2025-05-01": the latest vintage known by then is 140 000
        Map<String, Object> asPublished = Warehouses.single(
                warehouse,
                "select value from kpi_value where kpi_id = 'ECO-02' and period = '2024'"
                        + " and known_at <= timestamp '2025-05-01 00:00:00' order by known_at desc limit 1");
        assertThat(asPublished.get("value")).isEqualTo(140000.0);
        // 2023 never changed: one figure
        assertThat(Warehouses.rows(warehouse, "select * from kpi_value where kpi_id = 'ECO-02' and period = '2023'"))
                .hasSize(1);
    }

    @Test
    void anotherSubmittersFigureGoesToReconciliation() throws SQLException {
        engine.score(warehouse, AS_OF);

        // MTNRA reports 155 000 offshoring jobs for 2024 where MEF (authoritative) reports 150 000
        assertThat(Warehouses.rows(warehouse, "select * from reconciliation"))
                .containsExactly(Map.of(
                        "kpi_id",
                        "ECO-02",
                        "period",
                        "2024",
                        "submitter",
                        "MTNRA",
                        "value",
                        155000.0,
                        "authoritative_value",
                        150000.0,
                        "difference",
                        5000.0));
    }

    @Test
    void aFailingKpiSqlNamesItsFileAndLine() throws Exception {
        java.nio.file.Path kpis = java.nio.file.Files.createDirectories(folder.resolve("config/kpis/sql"));
        java.nio.file.Files.writeString(kpis.resolveSibling("egov.yml"), TestKpis.EGOV_03_FILE);
        java.nio.file.Files.writeString(kpis.resolve("EGOV-03.sql"), """

                -- share of requests filed online
                select period, cast(null as date) as period_end, region_code,
                       count(*) filter (where chanel = 'web') as value, string_agg(submission_id) as submission_ids
                from fct_egov_requests
                group by all
                """);
        KpiEngine broken = new KpiEngine(KpiCatalog.load(ConfigFolder.overriddenBy(folder.resolve("config"))));

        assertThatThrownBy(() -> broken.score(warehouse, AS_OF))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("KPI EGOV-03 (kpis/sql/EGOV-03.sql:4): its SQL failed")
                .hasMessageContaining("chanel");
    }

    @Test
    void aKpiWithoutDataHasExactlyOneNoDataRow() throws SQLException {
        KpiRunSummary summary = engine.score(warehouse, AS_OF);

        // ECO-01: no emplois_numeriques_directs row; CON-07: no source template; GOV-03: no submission calendar here;
        // CON-01: no such indicator
        for (String kpiId : List.of("ECO-01", "CON-07", "GOV-03", "CON-01")) {
            Map<String, Object> row =
                    Warehouses.single(warehouse, "select * from kpi_score where kpi_id = '" + kpiId + "'");
            assertThat(row.get("status")).isEqualTo("no_data");
            assertThat(row.get("region_code")).isEqualTo("00");
            assertThat(row.get("value")).isNull();
        }
        // no_data: ECO-01, ECO-03, ECO-04, AI-01, AI-02, CON-01, CON-02, CON-04, CON-05, CON-06, CON-07, GOV-03
        assertThat(summary.kpisWithoutData()).isEqualTo(12);
        assertThat(Warehouses.rows(
                        warehouse,
                        "select kpi_id from kpi_score group by kpi_id"
                                + " having count(*) filter (where status = 'no_data') > 0 and count(*) > 1"))
                .isEmpty();
    }

    @Test
    void everyKpiWithSourceRowsIsComputedFromTheContractTables() throws SQLException {
        engine.score(warehouse, AS_OF);

        // hand-computed national values of the fixture rows
        Map<String, Double> expected = Map.ofEntries(
                Map.entry("EGOV-01|2026-Q3", 2.0), // levels 4 and 3 of 4, 3, 1
                Map.entry("EGOV-02|2026-Q3", 33.3), // one level 4 of three services, published to 1 decimal
                Map.entry("EGOV-03|2026-11", 75.0), // web, mobile, web of four requests
                Map.entry("EGOV-04|2026-11", 3.0), // median of 2 and 4 days
                Map.entry("EGOV-05|2026-11", 4.0), // mean of 5 and 3
                Map.entry("EGOV-06|2022", 2.0), // Morocco's OSI 0.4721 ties Zed's: both rank 2
                Map.entry("EGOV-07|2022", 0.5915),
                Map.entry("EGOV-08|2022", 2.0),
                Map.entry("ECO-05|2024-Q1", 1.0),
                Map.entry("ECO-05|2024-Q2", 2.0), // cumulative: A then B
                Map.entry("ECO-06|2024-Q2", 0.01), // 5 M + 2 M MAD in bn, published to 2 decimals
                Map.entry("ECO-07|2024", 1.0), // B valued 12 bn MAD
                Map.entry("TAL-01|2026", 180.0), // 100 + 50 in S1, 30 in S2: both semesters reported
                Map.entry("TAL-02|2026", 50.0), // reconversion graduates only
                Map.entry("TAL-03|2026-S1", 43.3), // 65 of 150
                Map.entry("TAL-04|2026-S1", 50.0),
                Map.entry("CON-03|2024-Q2", 105.2), // above 100, never capped
                Map.entry("AI-03|2026-Q1", 1.0),
                Map.entry("AI-04|2026-Q1", 120.0),
                Map.entry("AI-05|2026-Q1", 3.0),
                Map.entry("AI-06|2026-Q1", 5.0),
                Map.entry("AI-07|2026-Q1", 3.0),
                Map.entry("GOV-01|2025", 3.0), // 3 bn MAD
                Map.entry("GOV-02|2026-Q1", 75.0)); // 1.5 M executed of 2 M committed
        List<Map<String, Object>> national = Warehouses.rows(
                warehouse, "select kpi_id || '|' || period as k, value from kpi_score where region_code = '00'");
        for (Map.Entry<String, Double> entry : expected.entrySet()) {
            assertThat(national).as(entry.getKey()).anySatisfy(row -> {
                assertThat(row.get("k")).isEqualTo(entry.getKey());
                assertThat(row.get("value")).isEqualTo(entry.getValue()); // exactly the published figure
            });
        }
    }

    @Test
    void regionalRowsAreKeptBesideTheNationalOne() throws SQLException {
        engine.score(warehouse, AS_OF);

        // EGOV-03: region 01 has web and counter (50 %), region 06 mobile and web (100 %)
        assertThat(
                        Warehouses.rows(
                                warehouse,
                                "select region_code, value, status from kpi_score where kpi_id = 'EGOV-03' order by region_code"))
                .containsExactly(
                        Map.of("region_code", "00", "value", 75.0, "status", "no_target"),
                        Map.of("region_code", "01", "value", 50.0, "status", "no_target"),
                        Map.of("region_code", "06", "value", 100.0, "status", "no_target"));
        // the requests macro counts the rows each value used while scoring (a month of national requests has too
        // many to list), and kpi_source_rows lists them afterwards
        assertThat(Warehouses.rows(
                        warehouse,
                        "select region_code, submission_id, source_rows from kpi_lineage"
                                + " where kpi_id = 'EGOV-03' and is_latest_vintage order by region_code"))
                .containsExactly(
                        Map.of("region_code", "00", "submission_id", "sha-req", "source_rows", 4L),
                        Map.of("region_code", "01", "submission_id", "sha-req", "source_rows", 2L),
                        Map.of("region_code", "06", "submission_id", "sha-req", "source_rows", 2L));
        assertThat(Warehouses.rows(
                        warehouse,
                        "select request_id from kpi_source_rows('EGOV-03', '2026-11', '06', null) order by request_id"))
                .containsExactly(Map.of("request_id", "R3"), Map.of("request_id", "R4"));
    }

    @Test
    void theCatalogueMartShowsTheResolvedBasis() throws SQLException {
        engine.score(warehouse, AS_OF);

        assertThat(Warehouses.rows(warehouse, "select * from kpi_catalogue")).hasSize(36);
        // EGOV-04: no baseline, first observed median 3 days (2026-11); relative target -0.5 -> 1.5 days
        Map<String, Object> egov04 = Warehouses.single(
                warehouse,
                "select baseline_period, baseline_value, baseline_observed, target_2030, target_relative"
                        + " from kpi_catalogue where kpi_id = 'EGOV-04'");
        assertThat(egov04)
                .containsEntry("baseline_period", "2026-11")
                .containsEntry("baseline_value", 3.0)
                .containsEntry("baseline_observed", true)
                .containsEntry("target_2030", 1.5)
                .containsEntry("target_relative", -0.5);
    }

    @Test
    void kpiLatestHasOneRowPerKpiAndRegion() throws SQLException {
        engine.score(warehouse, AS_OF);

        assertThat(Warehouses.rows(
                        warehouse, "select kpi_id, region_code from kpi_latest group by all having count(*) > 1"))
                .isEmpty();
        assertThat(Warehouses.single(
                                warehouse,
                                "select period, value from kpi_latest where kpi_id = 'CON-03' and region_code = '00'")
                        .get("period"))
                .isEqualTo("2024-Q2");
        assertThat(Warehouses.rows(warehouse, "select distinct kpi_id from kpi_latest"))
                .hasSize(36);
    }

    @Test
    void aPeriodNotEndedAtTheAsOfDateIsMarkedInProgress() throws SQLException {
        // as of 2026-11-28, November 2026 (ends on the 30th) is still running; 2024 and 2026-11-27 are over
        engine.score(warehouse, AS_OF);

        assertThat(Warehouses.single(
                                warehouse,
                                "select period_complete from kpi_score"
                                        + " where kpi_id = 'EGOV-03' and period = '2026-11' and region_code = '00'")
                        .get("period_complete"))
                .isEqualTo(false);
        assertThat(Warehouses.single(
                                warehouse,
                                "select period_complete from kpi_latest where kpi_id = 'CON-03' and region_code = '00'")
                        .get("period_complete"))
                .isEqualTo(true);
        assertThat(Warehouses.rows(
                        warehouse,
                        "select kpi_id, period from kpi_score where period_end is not null"
                                + " and period_complete <> (period_end < date '2026-11-28')"))
                .isEmpty();
        assertThat(Warehouses.rows(
                        warehouse,
                        "select kpi_id from kpi_score where period_end is null and period_complete is not null"))
                .isEmpty();
    }

    @Test
    void kpiLatestTakesItsStatusFromTheLatestCompletePeriodAndShowsTheRunningOneBeside() throws SQLException {
        // given EGOV-03 has 2026-11-03 requests only: November 2026 is still running on 2026-11-28
        engine.score(warehouse, AS_OF.plusMonths(1));
        Map<String, Object> settled = Warehouses.single(
                warehouse,
                "select period, status, provisional_period from kpi_latest where kpi_id = 'EGOV-03'"
                        + " and region_code = '00'");

        // when the as-of date is in November, the only period is running: provisional, no status of its own
        engine.score(warehouse, AS_OF);
        Map<String, Object> running = Warehouses.single(
                warehouse,
                "select period, status, period_complete, provisional_period from kpi_latest where kpi_id = 'EGOV-03'"
                        + " and region_code = '00'");

        // then
        assertThat(settled).containsEntry("period", "2026-11").containsEntry("status", "no_target");
        assertThat(settled.get("provisional_period")).isNull();
        assertThat(running)
                .containsEntry("period", "2026-11")
                .containsEntry("period_complete", false)
                .containsEntry("status", "no_target");
        // EGOV-04 (target: half its first observed median) has only November: provisional
        assertThat(Warehouses.single(
                                warehouse,
                                "select status from kpi_latest where kpi_id = 'EGOV-04' and region_code = '00'")
                        .get("status"))
                .isEqualTo("provisional");
        // every national row of a running period with a target is provisional, never on/off track
        assertThat(Warehouses.rows(
                        warehouse,
                        "select kpi_id, period, status from kpi_score s join kpi_catalogue c using (kpi_id)"
                                + " where region_code = '00' and period_complete = false"
                                + " and c.scoring_target is not null and status <> 'provisional'"))
                .isEmpty();
    }

    @Test
    void scoringTwiceGivesTheSameTables() throws SQLException {
        KpiRunSummary first = engine.score(warehouse, AS_OF);
        KpiRunSummary second = engine.score(warehouse, AS_OF);

        assertThat(second).isEqualTo(first);
        assertThat(Warehouses.rows(warehouse, "select count(*) as n from kpi_value")
                        .get(0)
                        .get("n"))
                .isEqualTo((long) first.valueRows());
    }

    @Test
    void unEgovScoresAreBuiltFromTheSurvey() throws SQLException {
        engine.score(warehouse, AS_OF);

        // Morocco: (0.4721 + 0.635 + 0.6676) / 3 = 0.591567, within 1e-4 of the published 0.5915; OSI rank 2 (tie)
        Map<String, Object> morocco =
                Warehouses.single(warehouse, "select * from un_egov_scores where country = 'Morocco'");
        assertThat((double) morocco.get("egdi_computed")).isCloseTo(0.591567, within(1e-6));
        assertThat(morocco)
                .containsEntry("osi_rank_computed", 2)
                .containsEntry("egdi_rank_computed", 2)
                .containsEntry("differs", false);
    }
}
