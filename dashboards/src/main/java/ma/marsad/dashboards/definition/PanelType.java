package ma.marsad.dashboards.definition;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a panel shows; the renderer has one way to draw each. */
public enum PanelType {
    /** Counts of KPIs per status. */
    STATUS_SUMMARY("status-summary"),
    /** Every KPI of the page (all, or the page's pillar) as a tile. */
    KPI_TILES("kpi-tiles"),
    /** The page's KPIs, one trajectory chart each (pillar pages) or the page's KPI (KPI pages). */
    KPI_TRAJECTORY("kpi-trajectory"),
    /** The 12 regions of the page's KPI (or of every KPI with regions): tile-grid map and ranked bars. */
    KPI_REGIONS("kpi-regions"),
    /** Every vintage of the page's KPI values. */
    KPI_VINTAGES("kpi-vintages"),
    /** Definition, target basis and source, freshness of the page's KPI. */
    KPI_DEFINITION("kpi-definition"),
    /** The submissions behind the latest value of the page's KPI. */
    KPI_SUBMISSIONS("kpi-submissions"),
    /** A query on the marts shown as a table, optionally with a chart. */
    QUERY("query"),
    /** A heading and its description only: prose written in the page file. */
    TEXT("text"),
    /** How each KPI status is decided, one entry per status, each an anchor the status badges link to. */
    STATUS_RULES("status-rules"),
    /** Every KPI's target (2030 or 2026 milestone), its basis and its source. */
    KPI_TARGETS("kpi-targets");

    private final String yamlName;

    PanelType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    static PanelType parse(String value, String where) {
        return Arrays.stream(values())
                .filter(type -> type.yamlName.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown panel type '" + value
                        + "', use one of "
                        + Arrays.stream(values()).map(PanelType::yamlName).collect(Collectors.joining(", "))));
    }
}
