package ma.marsad.dashboards.render;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.dashboards.definition.DashboardDefinitions;
import ma.marsad.dashboards.definition.LocalizedText;
import ma.marsad.dashboards.definition.Messages;
import ma.marsad.dashboards.definition.PageDefinition;
import ma.marsad.dashboards.definition.PanelDefinition;
import ma.marsad.dashboards.render.WarehouseSnapshot.Kpi;
import ma.marsad.pipeline.quality.Language;

/** Expands the page definitions over pillars and KPIs and writes each page's HTML in each language. */
final class SitePages {

    private final DashboardDefinitions definitions;
    private final WarehouseSnapshot data;
    private final Messages messages;
    private final KpiPanels kpiPanels;
    private final RegionPanels regionPanels;
    private final QueryPanels queryPanels;

    SitePages(
            DashboardDefinitions definitions, WarehouseSnapshot data, Connection connection, FeedbackCopies feedback) {
        this.definitions = definitions;
        this.data = data;
        this.messages = definitions.messages();
        this.kpiPanels = new KpiPanels(data, messages.pillarOrder());
        this.regionPanels = new RegionPanels(data);
        this.queryPanels = new QueryPanels(connection, feedback);
    }

    List<PageScope> scopes() {
        List<PageScope> scopes = new ArrayList<>();
        List<String> pillars = kpiPanels.pillars(data.kpis());
        List<Kpi> ordered = new ArrayList<>();
        pillars.forEach(pillar ->
                data.kpis().stream().filter(kpi -> kpi.pillar().equals(pillar)).forEach(ordered::add));
        for (PageDefinition page : definitions.pages()) {
            switch (page.repeat()) {
                case ONCE -> scopes.add(new PageScope(page, page.slug() + ".html", page.title(), null, null, ordered));
                case PILLAR -> {
                    for (String pillar : pillars) {
                        LocalizedText pillarName = messages.has("pillar." + pillar)
                                ? messages.text("pillar." + pillar)
                                : new LocalizedText(pillar, pillar, pillar);
                        scopes.add(new PageScope(
                                page,
                                page.slug().replace("{pillar}", pillar) + ".html",
                                page.title().with("pillar_name", pillarName),
                                pillar,
                                null,
                                ordered.stream()
                                        .filter(kpi -> kpi.pillar().equals(pillar))
                                        .toList()));
                    }
                }
                case KPI -> {
                    for (Kpi kpi : ordered) {
                        String file = PageScope.kpiFile(kpi.id());
                        scopes.add(new PageScope(
                                page,
                                page.slug().replace("{kpi}", file.substring(4, file.length() - 5)) + ".html",
                                page.title().with("kpi_name", kpi.name()),
                                kpi.pillar(),
                                kpi,
                                List.of(kpi)));
                    }
                }
            }
        }
        return scopes;
    }

    /** Menu entries: pages with menu: true, each repeated page once per pillar. */
    private Map<String, LocalizedText> menu(List<PageScope> scopes) {
        Map<String, LocalizedText> menu = new LinkedHashMap<>();
        for (PageScope scope : scopes) {
            if (scope.definition().menu()) {
                menu.put(scope.fileName(), scope.title());
            }
        }
        return menu;
    }

    String render(PageScope scope, Language language, List<PageScope> scopes) throws SQLException {
        PageBuilder body = new PageBuilder(language, messages, scope.fileName(), data.dataDate());
        int panelNumber = 0;
        for (PanelDefinition panel : scope.definition().panels()) {
            panelNumber++;
            String where = scope.definition().fileName() + " panel " + panelNumber;
            if (panel.hideWhenEmpty() && queryPanels.isEmpty(panel, scope)) {
                continue;
            }
            String heading = panel.title() != null
                    ? panel.title().in(language)
                    : messages.get("panel." + panel.type().yamlName(), language);
            body.append("<section class=\"panel panel-")
                    .append(panel.type().yamlName())
                    .append("\"><h2>")
                    .append(Html.escape(heading))
                    .append("</h2>");
            if (panel.description() != null) {
                body.append("<p>")
                        .append(Html.escape(panel.description().in(language)))
                        .append("</p>");
            }
            switch (panel.type()) {
                case STATUS_SUMMARY -> kpiPanels.statusSummary(body, scope.kpis());
                case KPI_TILES -> kpiPanels.tiles(body, scope.kpis(), scope.pillar() == null);
                case KPI_TRAJECTORY -> {
                    for (Kpi kpi : scope.kpis()) {
                        kpiPanels.trajectory(body, kpi, chartOrDefault(panel), scope.kpi() == null);
                    }
                }
                case KPI_REGIONS -> regionPanels.regions(body, scope.kpis(), panel.chart(), scope.kpi() == null);
                case KPI_VINTAGES -> requireKpi(scope, where, () -> kpiPanels.vintages(body, scope.kpi()));
                case KPI_DEFINITION ->
                    requireKpi(scope, where, () -> kpiPanels.definition(body, scope.kpi(), data.dataDate()));
                case KPI_SUBMISSIONS -> requireKpi(scope, where, () -> kpiPanels.submissions(body, scope.kpi()));
                case QUERY -> queryPanels.query(body, panel, scope, where);
                case TEXT -> {}
                case STATUS_RULES -> Methodology.statusRules(body);
                case KPI_TARGETS -> Methodology.targets(body, data.kpis());
            }
            body.append("</section>");
        }
        return layout(scope, language, body, scopes);
    }

    private static ma.marsad.dashboards.definition.ChartDefinition chartOrDefault(PanelDefinition panel) {
        if (panel.chart() != null) {
            return panel.chart();
        }
        return new ma.marsad.dashboards.definition.ChartDefinition(
                ma.marsad.dashboards.definition.ChartDefinition.ChartType.LINE,
                null,
                List.of(),
                List.of(
                        ma.marsad.dashboards.definition.ChartDefinition.ReferenceLine.MILESTONE_2026,
                        ma.marsad.dashboards.definition.ChartDefinition.ReferenceLine.TARGET_2030),
                null,
                null,
                false);
    }

    private static void requireKpi(PageScope scope, String where, Runnable panel) {
        if (scope.kpi() == null) {
            throw new IllegalArgumentException(
                    where + ": this panel shows one KPI; use it on a page with for_each: kpi");
        }
        panel.run();
    }

    private String layout(PageScope scope, Language language, PageBuilder body, List<PageScope> scopes) {
        StringBuilder html = new StringBuilder(body.build().length() + 4096);
        String title = scope.title().in(language);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(language.tag())
                .append("\" dir=\"")
                .append(language.direction())
                .append("\" data-locale=\"")
                .append(language.displayLocale())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title))
                .append(" · ")
                .append(Html.escape(messages.get("site.name", language)))
                .append("</title>\n<link rel=\"stylesheet\" href=\"../assets/marsad.css\">\n");
        if (body.hasCharts()) {
            html.append("<script src=\"../assets/echarts.min.js\" defer></script>\n");
        }
        html.append(
                        "<script src=\"../assets/marsad.js\" defer></script>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
                .append(body.text("site.skip"))
                .append("</a>\n<header class=\"site-header\"><div class=\"brand\"><a href=\"index.html\">")
                .append(body.text("site.name"))
                .append("</a> <span>")
                .append(body.text("site.tagline"))
                .append("</span></div><nav class=\"langs\" aria-label=\"")
                .append(body.text("site.languages"))
                .append("\"><ul>");
        for (Language other : Language.values()) {
            html.append("<li><a href=\"../")
                    .append(other.tag())
                    .append('/')
                    .append(scope.fileName())
                    .append("\" hreflang=\"")
                    .append(other.tag())
                    .append("\" lang=\"")
                    .append(other.tag())
                    .append("\" data-lang=\"")
                    .append(other.tag())
                    .append('"')
                    .append(other == language ? " aria-current=\"true\"" : "")
                    .append('>')
                    .append(Html.escape(messages.get("lang." + other.tag(), language)))
                    .append("</a></li>");
        }
        html.append("</ul>");
        if (language.rightToLeft()) {
            html.append("<button type=\"button\" class=\"digits\" aria-pressed=\"false\" title=\"")
                    .append(body.text("digits.label"))
                    .append("\"><span class=\"digits-latn\">")
                    .append(body.text("digits.arabic"))
                    .append("</span><span class=\"digits-arab\">")
                    .append(body.text("digits.latin"))
                    .append("</span></button>");
        }
        html.append("</nav></header>\n<nav class=\"menu\" aria-label=\"")
                .append(body.text("site.menu"))
                .append("\"><ul>");
        for (Map.Entry<String, LocalizedText> entry : menu(scopes).entrySet()) {
            boolean current = entry.getKey().equals(scope.fileName())
                    || (scope.kpi() != null && entry.getKey().equals("pillar-" + scope.pillar() + ".html"));
            html.append("<li><a href=\"")
                    .append(entry.getKey())
                    .append('"')
                    .append(current ? " aria-current=\"page\"" : "")
                    .append('>')
                    .append(Html.escape(entry.getValue().in(language)))
                    .append("</a></li>");
        }
        html.append("</ul></nav>\n<main id=\"main\"><h1>")
                .append(Html.escape(title))
                .append("</h1><p class=\"data-date\">");
        if (data.dataDate().isPresent()) {
            html.append(body.text("site.data_date"))
                    .append(' ')
                    .append(Html.date(data.dataDate().get()));
        } else {
            html.append(body.text("site.no_data_date"));
        }
        if (scope.definition().repeat() == PageDefinition.Repeat.ONCE
                && scope.fileName().equals("index.html")) {
            html.append(" · <a href=\"../data/kpi-values.csv\" download>")
                    .append(body.text("site.download_values"))
                    .append("</a>");
        }
        html.append("</p>\n")
                .append(body.build())
                .append("\n</main>\n<footer class=\"site-footer\"><p>")
                .append(body.text("site.footer"))
                .append(" <a href=\"data-dictionary.html\">")
                .append(body.text("site.data_dictionary"))
                .append("</a></p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Every KPI value of every vintage, for download; the CSV rule is the one of the pages' export buttons. */
    String kpiValuesCsv() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(CsvCells.row(List.of(
                "kpi_id",
                "name_fr",
                "name_ar",
                "name_en",
                "unit",
                "period",
                "period_end",
                "region_code",
                "value",
                "known_at",
                "is_latest_vintage")));
        for (Kpi kpi : data.kpis()) {
            for (WarehouseSnapshot.Value value : data.valuesByKpi().getOrDefault(kpi.id(), List.of())) {
                List<Object> cells = new ArrayList<>();
                cells.add(kpi.id());
                cells.add(kpi.name().fr());
                cells.add(kpi.name().ar());
                cells.add(kpi.name().en());
                cells.add(kpi.unit());
                cells.add(value.period());
                cells.add(value.periodEnd() == null ? null : value.periodEnd().toString());
                cells.add(value.regionCode());
                cells.add(value.value());
                cells.add(value.knownAt() == null ? null : Html.isoDateTime(value.knownAt()));
                cells.add(value.latestVintage() ? "true" : "false");
                csv.append(CsvCells.row(cells));
            }
        }
        return csv.toString();
    }
}
