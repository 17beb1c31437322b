package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import ma.marsad.pipeline.warehouse.BuildState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every KPI of the catalogue on an open warehouse connection and writes the KPI marts into it: {@code
 * kpi_catalogue}, {@code kpi_value} (every vintage), {@code kpi_score} (latest vintage), {@code kpi_latest}, {@code
 * reconciliation} and {@code un_egov_scores}. Each table is recreated, so scoring again gives the same tables.
 *
 * <p>The connection must be a DuckDB connection holding the warehouse contract's tables; a KPI whose source table is
 * missing or empty is scored no_data.
 */
public final class KpiEngine {

    private static final Logger log = LoggerFactory.getLogger(KpiEngine.class);

    private final KpiCatalog catalog;
    private final KpiScorer scorer = new KpiScorer(StatusThresholds.DEFAULT);

    public KpiEngine(KpiCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Scores in one transaction, so that a crash leaves the marts as they were. When the warehouse records an
     * incremental build ({@link BuildState}), its KPI marts are the published warehouse's and only the figures the
     * night's changes touch are recomputed; the result equals a full scoring.
     *
     * @param asOf the run's date: submissions received after it are left out of the vintages
     */
    public KpiRunSummary score(Connection warehouse, LocalDate asOf) throws SQLException {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(asOf, "asOf");
        boolean autoCommit = warehouse.getAutoCommit();
        warehouse.setAutoCommit(false);
        try {
            KpiRunSummary summary = scoreAll(warehouse, asOf);
            warehouse.commit();
            return summary;
        } catch (SQLException | RuntimeException e) {
            warehouse.rollback();
            throw e;
        } finally {
            warehouse.setAutoCommit(autoCommit);
        }
    }

    private KpiRunSummary scoreAll(Connection warehouse, LocalDate asOf) throws SQLException {
        Optional<BuildState> build = BuildState.read(warehouse).filter(BuildState::incremental);
        Map<String, List<KpiMartWriter.ValueRow>> published =
                build.isPresent() ? PublishedValues.read(warehouse) : Map.of();
        // the models created them; again here, so that any warehouse holding the contract's tables can be scored
        catalog.macros().create(warehouse);
        UnEgovScores.build(warehouse);
        List<KpiMartWriter.CatalogueRow> catalogue = new ArrayList<>();
        List<KpiMartWriter.ValueRow> values = new ArrayList<>();
        List<ScoredRow> scores = new ArrayList<>();
        List<KpiMartWriter.ReconciliationRow> reconciliation = new ArrayList<>();
        int withoutData = 0;
        int recomputed = 0;
        try (KpiQueries queries = KpiQueries.open(warehouse)) {
            NightChanges night = build.map(state ->
                            new NightChanges(state.changes(), asOf, state.previousAsOf(), queries.submissions()))
                    .orElse(null);
            for (KpiDefinition kpi : catalog.kpis()) {
                boolean hasData = queries.hasSourceRows(kpi);
                List<KpiMartWriter.ValueRow> kpiValues;
                List<KpiObservation> current;
                List<KpiMartWriter.ValueRow> before = published.getOrDefault(kpi.id(), List.of());
                if (!hasData) {
                    kpiValues = List.of();
                    current = List.of();
                } else if (night != null && queries.hasHistory(kpi) && !before.isEmpty() && !night.touches(kpi)) {
                    kpiValues = before;
                    current = latest(kpiValues);
                } else if (night != null
                        && queries.hasHistory(kpi)
                        && !before.isEmpty()
                        && kpi.vintages() == KpiDefinition.Vintages.BY_PERIOD) {
                    kpiValues = PeriodVintages.update(queries, kpi, before, night, asOf);
                    current = latest(kpiValues);
                    recomputed++;
                } else if (queries.hasHistory(kpi) && kpi.vintages() == KpiDefinition.Vintages.BY_PERIOD) {
                    kpiValues = PeriodVintages.all(queries, kpi, asOf);
                    current = latest(kpiValues);
                    recomputed++;
                } else {
                    current = queries.current(kpi, kpi.authoritativeSubmitter());
                    kpiValues = current.isEmpty() ? List.of() : vintages(queries, kpi, current, asOf);
                    recomputed++;
                }
                ScoringBasis basis = ScoringBasis.resolve(kpi, current);
                catalogue.add(new KpiMartWriter.CatalogueRow(kpi, basis));
                List<ScoredRow> kpiScores = scorer.score(kpi, basis, current, asOf);
                scores.addAll(kpiScores);
                if (current.isEmpty()) {
                    withoutData++;
                    continue;
                }
                values.addAll(kpiValues);
                if (kpi.authoritativeSubmitter() != null) {
                    reconciliation.addAll(reconcile(queries, kpi, current));
                }
                log.debug("KPI {}: {} rows scored", kpi.id(), kpiScores.size());
            }
        }
        if (build.isPresent()) {
            log.info(
                    "scored incrementally: {} of {} KPIs recomputed, the others kept",
                    recomputed,
                    catalog.kpis().size());
        }
        scores.sort(Comparator.comparing(ScoredRow::kpiId)
                .thenComparing(ScoredRow::regionCode)
                .thenComparing(ScoredRow::periodEnd, Comparator.nullsFirst(Comparator.naturalOrder())));
        new KpiMartWriter(warehouse).write(catalogue, values, scores, reconciliation, asOf);
        KpiSourceRows.create(warehouse, catalog);
        KpiRunSummary summary = new KpiRunSummary(
                asOf,
                catalog.kpis().size(),
                withoutData,
                scores.size(),
                values.size(),
                reconciliation.size(),
                latestNationalStatus(scores));
        log.info(
                "scored {} KPIs as of {} ({} without data): {} score rows, {} value rows, {} reconciliation rows,"
                        + " latest national status {}",
                summary.kpis(),
                asOf,
                withoutData,
                summary.scoreRows(),
                summary.valueRows(),
                summary.reconciliationRows(),
                summary.latestNationalStatus());
        return summary;
    }

    /**
     * Every distinct published figure: the current rows (latest vintage) and the rows as known at each received time
     * of the template's submissions; two vintages giving the same value from the same submissions are one figure.
     */
    private static List<KpiMartWriter.ValueRow> vintages(
            KpiQueries queries, KpiDefinition kpi, List<KpiObservation> current, LocalDate asOf) throws SQLException {
        Map<KpiObservation.Identity, KpiMartWriter.ValueRow> figures = new LinkedHashMap<>();
        for (KpiObservation observation : current) {
            figures.put(observation.identity(), new KpiMartWriter.ValueRow(kpi.id(), observation, true));
        }
        if (queries.hasHistory(kpi)) {
            String submitter = kpi.authoritativeSubmitter();
            for (LocalDateTime knownAt : queries.vintageTimes(kpi, submitter, KpiQueries.startOfNextDay(asOf))) {
                for (KpiObservation observation : queries.asKnownAt(kpi, knownAt, submitter)) {
                    figures.putIfAbsent(
                            observation.identity(), new KpiMartWriter.ValueRow(kpi.id(), observation, false));
                }
            }
        }
        return new ArrayList<>(figures.values());
    }

    /** The figures of the latest vintage, as a full scoring computes them from the current rows. */
    private static List<KpiObservation> latest(List<KpiMartWriter.ValueRow> values) {
        List<KpiObservation> latest = new ArrayList<>();
        for (KpiMartWriter.ValueRow row : values) {
            if (row.latestVintage()) {
                latest.add(row.observation());
            }
        }
        return latest;
    }

    /** National figures of the other submitters, next to the authoritative submitter's figure of the same period. */
    private static List<KpiMartWriter.ReconciliationRow> reconcile(
            KpiQueries queries, KpiDefinition kpi, List<KpiObservation> current) throws SQLException {
        Map<String, Double> authoritative = new HashMap<>();
        for (KpiObservation observation : current) {
            if (observation.isNational()) {
                authoritative.put(observation.period(), observation.value());
            }
        }
        List<KpiMartWriter.ReconciliationRow> rows = new ArrayList<>();
        for (String submitter : queries.otherSubmitters(kpi)) {
            for (KpiObservation observation : queries.current(kpi, submitter)) {
                if (observation.isNational()) {
                    rows.add(new KpiMartWriter.ReconciliationRow(
                            kpi.id(),
                            observation.period(),
                            submitter,
                            observation.value(),
                            authoritative.get(observation.period())));
                }
            }
        }
        return rows;
    }

    private static Map<String, Integer> latestNationalStatus(List<ScoredRow> scores) {
        Map<String, ScoredRow> latest = new HashMap<>();
        for (ScoredRow row : scores) {
            if (KpiObservation.NATIONAL.equals(row.regionCode())) {
                latest.merge(row.kpiId(), row, (a, b) -> later(a, b));
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (ScoredRow row : latest.values()) {
            counts.merge(row.status().code(), 1, Integer::sum);
        }
        return counts;
    }

    /** The later row, except that a provisional period never replaces a settled one (as in kpi_latest). */
    private static ScoredRow later(ScoredRow a, ScoredRow b) {
        boolean aProvisional = a.status() == KpiStatus.PROVISIONAL;
        if (aProvisional != (b.status() == KpiStatus.PROVISIONAL)) {
            return aProvisional ? b : a;
        }
        if (a.periodEnd() == null) {
            return b;
        }
        if (b.periodEnd() == null) {
            return a;
        }
        return b.periodEnd().isAfter(a.periodEnd()) ? b : a;
    }
}
