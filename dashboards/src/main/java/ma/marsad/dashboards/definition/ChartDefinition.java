package ma.marsad.dashboards.definition;

import java.util.List;

/**
 * A declared chart.
 *
 * @param type line, bar or tile-grid
 * @param x the query column on the category axis (query panels)
 * @param series query columns (query panels) or named series of KPI panels: history, trajectory, forecast
 * @param referenceLines horizontal lines: milestone_2026, target_2030
 * @param numberFormat how values are written on axes, tooltips and tables
 * @param source where a query chart's figures come from, written under it and into its PNG export; null: the
 *     published warehouse
 * @param horizontal bars along the horizontal axis, the categories one under the other (long names stay readable)
 */
public record ChartDefinition(
        ChartType type,
        String x,
        List<String> series,
        List<ReferenceLine> referenceLines,
        NumberFormat numberFormat,
        LocalizedText source,
        boolean horizontal) {

    public ChartDefinition {
        if (type == null) {
            throw new IllegalArgumentException("chart type missing: use line, bar or tile-grid");
        }
        series = List.copyOf(series);
        referenceLines = List.copyOf(referenceLines);
        if (numberFormat == null) {
            numberFormat = NumberFormat.AUTO;
        }
        if (horizontal && type != ChartType.BAR) {
            throw new IllegalArgumentException("horizontal goes with a bar chart, not " + type.yamlName());
        }
    }

    public enum ChartType {
        LINE("line"),
        BAR("bar"),
        TILE_GRID("tile-grid");

        private final String yamlName;

        ChartType(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    public enum ReferenceLine {
        MILESTONE_2026("milestone_2026"),
        TARGET_2030("target_2030");

        private final String yamlName;

        ReferenceLine(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** Number formats understood by the site's script (Intl.NumberFormat options). */
    public enum NumberFormat {
        AUTO("auto"),
        INTEGER("integer"),
        DECIMAL("decimal"),
        PRECISE("precise"),
        PERCENT("percent");

        private final String yamlName;

        NumberFormat(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
