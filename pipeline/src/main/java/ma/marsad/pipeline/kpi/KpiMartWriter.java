package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import ma.marsad.pipeline.warehouse.SqlScript;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Recreates the KPI marts and fills them with DuckDB's Appender (bulk, never row-by-row INSERTs). */
final class KpiMartWriter {

    /** One KPI of kpi_catalogue with the basis it was scored against. */
    record CatalogueRow(KpiDefinition kpi, ScoringBasis basis) {}

    /** One row of kpi_value. */
    record ValueRow(String kpiId, KpiObservation observation, boolean latestVintage) {}

    /** One row of reconciliation. */
    record ReconciliationRow(String kpiId, String period, String submitter, double value, Double authoritativeValue) {

        Double difference() {
            return authoritativeValue == null ? null : value - authoritativeValue;
        }
    }

    private final Connection connection;
    private final DuckDBConnection duckDb;

    KpiMartWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.duckDb = connection.unwrap(DuckDBConnection.class);
    }

    /** @param asOf the run's date: a period ending on or after it is still in progress */
    void write(
            List<CatalogueRow> catalogue,
            List<ValueRow> values,
            List<ScoredRow> scores,
            List<ReconciliationRow> reconciliation,
            LocalDate asOf)
            throws SQLException {
        SqlScript.execute(connection, KpiMartWriter.class, "kpi-marts.sql");
        writeCatalogue(catalogue);
        writeValues(values);
        writeScores(scores, asOf);
        writeReconciliation(reconciliation);
        SqlScript.execute(connection, KpiMartWriter.class, "kpi-lists.sql");
        SqlScript.execute(connection, KpiMartWriter.class, "kpi-latest.sql");
    }

    private void writeCatalogue(List<CatalogueRow> rows) throws SQLException {
        try (DuckDBAppender appender = duckDb.createAppender("main", "kpi_catalogue")) {
            for (CatalogueRow row : rows) {
                KpiDefinition kpi = row.kpi();
                ScoringBasis basis = row.basis();
                appender.beginRow();
                text(appender, kpi.id());
                text(appender, kpi.pillar());
                text(appender, kpi.nameFr());
                text(appender, kpi.nameAr());
                text(appender, kpi.nameEn());
                text(appender, kpi.unit());
                text(appender, kpi.direction().code());
                text(appender, kpi.frequency());
                text(appender, kpi.sourceTemplate());
                text(appender, kpi.definition());
                text(appender, kpi.aggregation());
                appender.append(kpi.hasRegions());
                text(appender, basis.baselinePeriod());
                number(appender, basis.baselineValue());
                appender.append(basis.baselineObserved());
                number(appender, kpi.milestone2026());
                number(appender, basis.target2030());
                number(appender, kpi.targetRelative());
                text(appender, kpi.targetBasis());
                text(appender, kpi.targetSource());
                text(appender, kpi.trajectory().code());
                text(appender, kpi.authoritativeSubmitter());
                number(appender, basis.targetForScoring());
                date(appender, basis.canScore() ? basis.targetDate() : null);
                text(appender, basis.targetKind());
                appender.append(basis.holdsTarget(kpi.direction()));
                text(appender, kpi.translations().definitionFr());
                text(appender, kpi.translations().definitionAr());
                text(appender, kpi.translations().targetBasisFr());
                text(appender, kpi.translations().targetBasisAr());
                appender.endRow();
            }
        }
    }

    private void writeValues(List<ValueRow> rows) throws SQLException {
        try (DuckDBAppender appender = duckDb.createAppender("main", "kpi_value")) {
            for (ValueRow row : rows) {
                KpiObservation observation = row.observation();
                appender.beginRow();
                text(appender, row.kpiId());
                text(appender, observation.period());
                date(appender, observation.periodEnd());
                text(appender, observation.regionCode());
                appender.append(observation.value());
                timestamp(appender, observation.knownAt());
                appender.append(row.latestVintage());
                text(appender, observation.submissionIds());
                text(appender, observation.sourceRows());
                appender.endRow();
            }
        }
    }

    private void writeScores(List<ScoredRow> rows, LocalDate asOf) throws SQLException {
        try (DuckDBAppender appender = duckDb.createAppender("main", "kpi_score")) {
            for (ScoredRow row : rows) {
                appender.beginRow();
                text(appender, row.kpiId());
                text(appender, row.period());
                date(appender, row.periodEnd());
                text(appender, row.regionCode());
                number(appender, row.value());
                text(appender, row.unit());
                number(appender, row.progress());
                number(appender, row.progressClipped());
                number(appender, row.trajectoryValue());
                text(appender, row.status().code());
                number(appender, row.requiredGrowth());
                number(appender, row.observedGrowth());
                number(appender, row.forecast2030());
                number(appender, row.progressGap());
                timestamp(appender, row.knownAt());
                text(appender, row.submissionIds());
                if (row.periodEnd() == null) {
                    appender.appendNull();
                } else {
                    appender.append(row.periodEnd().isBefore(asOf));
                }
                appender.endRow();
            }
        }
    }

    private void writeReconciliation(List<ReconciliationRow> rows) throws SQLException {
        try (DuckDBAppender appender = duckDb.createAppender("main", "reconciliation")) {
            for (ReconciliationRow row : rows) {
                appender.beginRow();
                text(appender, row.kpiId());
                text(appender, row.period());
                text(appender, row.submitter());
                appender.append(row.value());
                number(appender, row.authoritativeValue());
                number(appender, row.difference());
                appender.endRow();
            }
        }
    }

    private static void text(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static void number(DuckDBAppender appender, Double value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.doubleValue());
        }
    }

    private static void date(DuckDBAppender appender, LocalDate value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static void timestamp(DuckDBAppender appender, LocalDateTime value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.atOffset(ZoneOffset.UTC)); // known_at is an instant, held as a UTC date-time
        }
    }
}
