package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What one scoring run wrote.
 *
 * @param kpis KPIs in the catalogue
 * @param kpisWithoutData KPIs scored as no_data (no source template, or a source table missing or empty)
 * @param scoreRows rows of kpi_score
 * @param valueRows rows of kpi_value (every vintage)
 * @param reconciliationRows rows of reconciliation
 * @param latestNationalStatus how many KPIs are in each status at their latest national period (status code → count)
 */
public record KpiRunSummary(
        LocalDate asOf,
        int kpis,
        int kpisWithoutData,
        int scoreRows,
        int valueRows,
        int reconciliationRows,
        Map<String, Integer> latestNationalStatus) {

    public KpiRunSummary {
        Objects.requireNonNull(asOf, "asOf");
        latestNationalStatus = Map.copyOf(latestNationalStatus);
    }
}
