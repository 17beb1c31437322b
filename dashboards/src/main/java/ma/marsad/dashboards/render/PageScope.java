package ma.marsad.dashboards.render;

import java.util.List;
import java.util.Locale;
import ma.marsad.dashboards.definition.LocalizedText;
import ma.marsad.dashboards.definition.PageDefinition;
import ma.marsad.dashboards.render.WarehouseSnapshot.Kpi;

/**
 * One concrete page: a definition, and for repeated pages the pillar or KPI it is about.
 *
 * @param kpis the KPIs the page's KPI panels show (all, the pillar's, or the one KPI)
 */
record PageScope(
        PageDefinition definition, String fileName, LocalizedText title, String pillar, Kpi kpi, List<Kpi> kpis) {

    static String kpiFile(String kpiId) {
        return "kpi-" + kpiId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + ".html";
    }
}
