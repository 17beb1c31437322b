package ma.marsad.dashboards.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.dashboards.definition.ChartDefinition;
import ma.marsad.dashboards.render.WarehouseSnapshot.Kpi;
import ma.marsad.dashboards.render.WarehouseSnapshot.Region;
import ma.marsad.dashboards.render.WarehouseSnapshot.Score;

/** The 12 regions of a KPI: the tile-grid map, the ranked bars and their data table. */
final class RegionPanels {

    private final WarehouseSnapshot data;

    RegionPanels(WarehouseSnapshot data) {
        this.data = data;
    }

    void regions(PageBuilder page, List<Kpi> kpis, ChartDefinition chart, boolean withHeadings) {
        String format = chart == null ? "auto" : chart.numberFormat().yamlName();
        boolean any = false;
        for (Kpi kpi : kpis) {
            List<Score> regional = data.latestRegional(kpi.id());
            if (!kpi.hasRegions() || regional.isEmpty()) {
                continue;
            }
            any = true;
            Map<String, Double> values = new LinkedHashMap<>();
            regional.forEach(score -> values.put(score.regionCode(), score.value()));
            Score first = regional.get(0);
            if (withHeadings) {
                page.append("<h3><a href=\"")
                        .append(PageScope.kpiFile(kpi.id()))
                        .append("\">")
                        .append(Html.escape(kpi.name().in(page.language())))
                        .append("</a></h3>");
            }
            page.append("<p class=\"small\">")
                    .append(page.text("kpi.period"))
                    .append(" ")
                    .append(Html.period(first.period()))
                    .append(" · ")
                    .append(Html.escape(KpiPanels.unit(page, kpi.unit())))
                    .append("</p><div class=\"region-pair\">");
            String label = kpi.name().in(page.language()) + " — " + page.message("region.map");
            String unit = KpiPanels.unit(page, kpi.unit());
            String source = KpiPanels.source(page, data, kpi);
            TileGridMap.Scale scale = TileGridMap.Scale.of(values.values());
            String legend = page.message(scale.low() == 0 ? "region.legend_from_zero" : "region.legend");
            page.svgChart(
                    TileGridMap.svg(
                            data.regions(),
                            values,
                            scale,
                            format,
                            page.language(),
                            label,
                            legend,
                            page.message("region.no_value")),
                    label,
                    unit,
                    source);

            List<Region> ranked = new ArrayList<>(data.regions().stream()
                    .filter(region -> values.containsKey(region.code()))
                    .toList());
            Comparator<Region> byValue = Comparator.comparing(region -> values.get(region.code()));
            ranked.sort("down".equals(kpi.direction()) ? byValue : byValue.reversed());
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", "bar");
            spec.put("xType", "category");
            spec.put("horizontal", true);
            spec.put("format", format);
            spec.put("unit", KpiPanels.unit(page, kpi.unit()));
            spec.put(
                    "categories",
                    ranked.stream()
                            .map(region -> region.name().in(page.language()))
                            .toList());
            spec.put(
                    "series",
                    List.of(Map.of(
                            "name",
                            kpi.name().in(page.language()),
                            "style",
                            "solid",
                            "data",
                            ranked.stream()
                                    .map(region -> values.get(region.code()))
                                    .toList())));
            spec.put("refLines", List.of());
            page.chart(kpi.name().in(page.language()) + " — " + page.message("region.ranking"), spec, source);
            page.append("</div>");
            page.openDetails();
            List<List<String>> rows = new ArrayList<>();
            for (int index = 0; index < ranked.size(); index++) {
                Region region = ranked.get(index);
                rows.add(List.of(
                        Html.number((double) (index + 1), "integer"),
                        Html.escape(region.name().in(page.language())),
                        Html.number(values.get(region.code()), format)));
            }
            page.table(
                    kpi.name().in(page.language()) + " — " + page.message("region.ranking"),
                    List.of(page.message("region.rank"), page.message("region.region"), page.message("kpi.value")),
                    rows,
                    List.of(true, false, true));
            page.closeDetails();
        }
        if (!any) {
            page.append("<p class=\"muted\">")
                    .append(page.text(kpis.size() == 1 ? "kpi.no_regions" : "kpi.none_regional"))
                    .append("</p>");
        }
    }
}
