package ma.marsad.dashboards.render;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.marsad.dashboards.definition.ChartDefinition;
import ma.marsad.dashboards.definition.ColumnDefinition;
import ma.marsad.dashboards.definition.ColumnDefinition.ColumnFormat;
import ma.marsad.dashboards.definition.PanelDefinition;
import ma.marsad.dashboards.render.WarehouseSnapshot.QueryResult;

/**
 * Query panels: the page's SQL on the marts, run once per page binding (the same result serves the three languages),
 * shown as a table and, when declared, a chart. {kpi} and {pillar} in the SQL become bound parameters.
 */
final class QueryPanels {

    private static final Pattern PARAMETER = Pattern.compile("\\{(kpi|pillar)}");

    private final Connection connection;
    private final FeedbackCopies feedback;
    private final Map<String, QueryResult> cache = new HashMap<>();
    private Set<String> tables;

    QueryPanels(Connection connection, FeedbackCopies feedback) {
        this.connection = connection;
        this.feedback = feedback;
    }

    void query(PageBuilder page, PanelDefinition panel, PageScope scope, String where) throws SQLException {
        if (!tables().containsAll(panel.tablesRead())) {
            // a warehouse published before the table existed (a rollback): the panel says so, the site still renders
            page.append("<p class=\"muted\">")
                    .append(page.text("panel.not_in_warehouse"))
                    .append("</p>");
            return;
        }
        QueryResult result = run(panel.sql(), scope);
        List<Integer> indexes = new ArrayList<>();
        for (ColumnDefinition column : panel.columns()) {
            indexes.add(result.indexOf(column.name(), where));
        }
        ChartDefinition chart = panel.chart();
        Map<String, Object> spec = chart == null || chart.type() == ChartDefinition.ChartType.TILE_GRID
                ? null
                : chartSpec(page, panel, chart, result, where);
        if (spec != null) {
            page.chart(
                    title(page, panel),
                    spec,
                    chart.source() == null
                            ? page.message("export.source_warehouse")
                            : chart.source().in(page.language()));
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
                        .map(column -> column.format() == ColumnFormat.NUMBER
                                || column.format() == ColumnFormat.PRECISE
                                || column.format() == ColumnFormat.INTEGER)
                        .toList());
    }

    /** Whether the panel's query returns no row here (a table the warehouse lacks counts as empty). */
    boolean isEmpty(PanelDefinition panel, PageScope scope) throws SQLException {
        return !tables().containsAll(panel.tablesRead())
                || run(panel.sql(), scope).rows().isEmpty();
    }

    /** The warehouse's tables and views, in lower case. */
    private Set<String> tables() throws SQLException {
        if (tables == null) {
            tables = new HashSet<>();
            for (List<Object> row : WarehouseSnapshot.query(
                            connection, "select table_name from information_schema.tables", List.of())
                    .rows()) {
                tables.add(row.get(0).toString().toLowerCase(Locale.ROOT));
            }
        }
        return tables;
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

    /** The chart of a query's rows, or null when no row has a value to draw. */
    private static Map<String, Object> chartSpec(
            PageBuilder page, PanelDefinition panel, ChartDefinition chart, QueryResult result, String where) {
        if (chart.x() == null || chart.series().isEmpty()) {
            throw new IllegalArgumentException(where + ": a query chart needs x and series (query column names)");
        }
        int xIndex = result.indexOf(chart.x(), where);
        List<Integer> seriesIndexes = new ArrayList<>();
        for (String column : chart.series()) {
            seriesIndexes.add(result.indexOf(column, where));
        }
        // a row with no value in any series is left out of the chart; the table below keeps it, with its dashes
        List<List<Object>> rows = new ArrayList<>(result.rows().stream()
                .filter(row -> seriesIndexes.stream().anyMatch(index -> row.get(index) instanceof Number))
                .toList());
        if (rows.isEmpty()) {
            return null;
        }
        if (chart.type() == ChartDefinition.ChartType.LINE) {
            rows.sort(Comparator.comparing(row -> String.valueOf(row.get(xIndex))));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", chart.type().yamlName());
        spec.put("xType", "category");
        spec.put("format", chart.numberFormat().yamlName());
        spec.put("unit", "");
        if (chart.horizontal()) {
            spec.put("horizontal", true);
        }
        boolean terms = panel.columns().stream()
                .anyMatch(column -> column.name().equals(chart.x()) && column.format() == ColumnFormat.TERM);
        spec.put(
                "categories",
                rows.stream()
                        .map(row -> terms ? term(page, row.get(xIndex)) : plainText(row.get(xIndex)))
                        .toList());
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

    /** A term in the page's words ({@code term.<value>} of messages.yml), or as written. */
    private static String term(PageBuilder page, Object value) {
        String text = plainText(value);
        return page.messages().has("term." + text) ? page.message("term." + text) : text;
    }

    /** The report copied into the site, in the page's language when it exists; its path as text when it does not. */
    private String feedbackLink(PageBuilder page, String path) {
        Optional<String> version = feedback.version(path, page.language());
        if (version.isEmpty()) {
            return "<bdi>" + Html.escape(path) + "</bdi>";
        }
        feedback.linkedTo(version.get());
        String language = FeedbackCopies.languageOf(version.get());
        String name = version.get().substring(version.get().lastIndexOf('/') + 1);
        // pages live in site/<language>/, the copies in site/feedback/
        return "<a href=\"../" + Html.escape(Html.encodePath(version.get())) + "\""
                + (language == null ? "" : " hreflang=\"" + language + "\"") + "><bdi>" + Html.escape(name)
                + "</bdi></a>";
    }

    private String cell(PageBuilder page, ColumnFormat format, Object value) {
        if (value == null) {
            return "<span class=\"missing\">–</span>";
        }
        return switch (format) {
            case NUMBER ->
                value instanceof Number number
                        ? Html.number(number.doubleValue(), "auto")
                        : Html.escape(value.toString());
            case PRECISE ->
                value instanceof Number number
                        ? Html.number(number.doubleValue(), "precise")
                        : Html.escape(value.toString());
            case INTEGER ->
                value instanceof Number number
                        ? Html.number(number.doubleValue(), "integer")
                        : Html.escape(value.toString());
            case DATE -> value instanceof LocalDate date ? Html.date(date) : Html.escape(value.toString());
            case DATETIME ->
                value instanceof LocalDateTime dateTime ? Html.dateTime(dateTime) : Html.escape(value.toString());
            case STATUS -> page.statusBadge(value.toString());
            case PERIOD -> Html.period(value.toString());
            case TERM -> "<bdi>" + Html.escape(term(page, value)) + "</bdi>";
            case FEEDBACK_REPORT -> feedbackLink(page, value.toString());
            // data of any script, isolated so a Latin name in an Arabic page keeps its own order
            case TEXT -> "<bdi>" + Html.escape(value.toString()) + "</bdi>";
        };
    }
}
