package ma.marsad.dashboards.render;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.marsad.dashboards.definition.ChartDefinition;
import ma.marsad.dashboards.definition.ColumnDefinition;
import ma.marsad.dashboards.definition.PanelDefinition;
import ma.marsad.dashboards.render.WarehouseSnapshot.QueryResult;

/**
 * Query panels: the page's SQL on the marts, run once per page binding (the same result serves the three languages),
 * shown as a table and, when declared, a chart. {kpi} and {pillar} in the SQL become bound parameters.
 */
final class QueryPanels {

    private static final Pattern PARAMETER = Pattern.compile("\\{(kpi|pillar)}");

    private final Connection connection;
    private final Map<String, QueryResult> cache = new HashMap<>();

    QueryPanels(Connection connection) {
        this.connection = connection;
    }

    void query(PageBuilder page, PanelDefinition panel, PageScope scope, String where) throws SQLException {
        QueryResult result = run(panel.sql(), scope);
        List<Integer> indexes = new ArrayList<>();
        for (ColumnDefinition column : panel.columns()) {
            indexes.add(result.indexOf(column.name(), where));
        }
        ChartDefinition chart = panel.chart();
        if (chart != null
                && chart.type() != ChartDefinition.ChartType.TILE_GRID
                && !result.rows().isEmpty()) {
            page.chart(title(page, panel), chartSpec(page, panel, chart, result, where));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (int index = 0; index < indexes.size(); index++) {
                cells.add(cell(page, panel.columns().get(index).format(), row.get(indexes.get(index))));
            }
            rows.add(cells);
        }
        page.table(
                title(page, panel),
                panel.columns().stream()
                        .map(column -> column.label().in(page.language()))
                        .toList(),
                rows,
                panel.columns().stream()
                        .map(column -> column.format() == ColumnDefinition.ColumnFormat.NUMBER
                                || column.format() == ColumnDefinition.ColumnFormat.INTEGER)
                        .toList());
    }

    private static String title(PageBuilder page, PanelDefinition panel) {
        return panel.title() == null
                ? page.message("panel.query")
                : panel.title().in(page.language());
    }

    private QueryResult run(String sql, PageScope scope) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder bound = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            parameters.add(
                    "kpi".equals(matcher.group(1))
                            ? scope.kpi() == null ? null : scope.kpi().id()
                            : scope.pillar());
            matcher.appendReplacement(bound, "?");
        }
        matcher.appendTail(bound);
        String key = bound + "\u0000" + parameters;
        QueryResult cached = cache.get(key);
        if (cached == null) {
            cached = WarehouseSnapshot.query(connection, bound.toString(), parameters);
            cache.put(key, cached);
        }
        return cached;
    }

    private static Map<String, Object> chartSpec(
            PageBuilder page, PanelDefinition panel, ChartDefinition chart, QueryResult result, String where) {
        if (chart.x() == null || chart.series().isEmpty()) {
            throw new IllegalArgumentException(where + ": a query chart needs x and series (query column names)");
        }
        int xIndex = result.indexOf(chart.x(), where);
        List<List<Object>> rows = new ArrayList<>(result.rows());
        if (chart.type() == ChartDefinition.ChartType.LINE) {
            rows.sort(Comparator.comparing(row -> String.valueOf(row.get(xIndex))));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", chart.type().yamlName());
        spec.put("xType", "category");
        spec.put("format", chart.numberFormat().yamlName());
        spec.put("unit", "");
        spec.put(
                "categories",
                rows.stream().map(row -> plainText(row.get(xIndex))).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (String column : chart.series()) {
            int index = result.indexOf(column, where);
            String name = panel.columns().stream()
                    .filter(definition -> definition.name().equals(column))
                    .map(definition -> definition.label().in(page.language()))
                    .findFirst()
                    .orElse(column);
            List<Object> values = rows.stream()
                    .map(row -> row.get(index) instanceof Number number ? (Object) number.doubleValue() : null)
                    .toList();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", name);
            one.put("style", "solid");
            one.put("data", values);
            series.add(one);
        }
        spec.put("series", series);
        spec.put("refLines", List.of());
        return spec;
    }

    private static String plainText(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return Html.isoDateTime(dateTime);
        }
        return value == null ? "" : value.toString();
    }

    /** The site is published at work/site, so a page in site/fr/ reaches the work folder at ../../ */
    private static String workLink(String path) {
        String href = Html.encodePath(path);
        if (href == null) {
            return Html.escape(path);
        }
        return "<a href=\"../../" + Html.escape(href) + "\">" + Html.escape(path) + "</a>";
    }

    private static String cell(PageBuilder page, ColumnDefinition.ColumnFormat format, Object value) {
        if (value == null) {
            return "<span class=\"missing\">–</span>";
        }
        return switch (format) {
            case NUMBER ->
                value instanceof Number number
                        ? Html.number(number.doubleValue(), "auto")
                        : Html.escape(value.toString());
            case INTEGER ->
                value instanceof Number number
                        ? Html.number(number.doubleValue(), "integer")
                        : Html.escape(value.toString());
            case DATE -> value instanceof LocalDate date ? Html.date(date) : Html.escape(value.toString());
            case DATETIME ->
                value instanceof LocalDateTime dateTime ? Html.dateTime(dateTime) : Html.escape(value.toString());
            case STATUS -> page.statusBadge(value.toString());
            case WORK_LINK -> workLink(value.toString());
            case TEXT -> Html.escape(value.toString());
        };
    }
}
