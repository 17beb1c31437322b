package ma.marsad.dashboards.render;

import java.util.ArrayList;
import java.util.List;
import ma.marsad.dashboards.render.WarehouseSnapshot.Kpi;

/** The methodology page's panels drawn from data: the status rules (badges link here) and every KPI's target. */
final class Methodology {

    private Methodology() {}

    /** One entry per status, with the anchor {@code #status-<code>} that every status badge links to. */
    static void statusRules(PageBuilder page) {
        page.append("<dl class=\"status-rules\">");
        for (String status : KpiPanels.STATUSES) {
            page.append("<dt id=\"status-")
                    .append(status)
                    .append("\">")
                    .append(page.statusBadge(status))
                    .append("</dt><dd>")
                    .append(page.text("rule." + status))
                    .append("</dd>");
        }
        page.append("</dl>");
    }

    static void targets(PageBuilder page, List<Kpi> kpis) {
        String unknown = page.message("kpi.unknown");
        List<List<String>> rows = new ArrayList<>();
        for (Kpi kpi : kpis) {
            String target = kpi.hasTarget()
                    ? page.text(KpiTile.targetKey(kpi))
                            + page.colon()
                            + Html.number(kpi.scoringTarget(), KpiTile.format(kpi))
                    : page.text("kpi.progress_none");
            rows.add(List.of(
                    "<a href=\"" + PageScope.kpiFile(kpi.id()) + "\"><bdi>" + Html.escape(kpi.id()) + "</bdi></a> "
                            + Html.escape(kpi.name().in(page.language())),
                    target,
                    Html.escape(
                            kpi.targetBasis() == null
                                    ? unknown
                                    : kpi.targetBasis().in(page.language())),
                    Html.escape(kpi.targetSource() == null ? unknown : kpi.targetSource())));
        }
        page.table(
                page.message("panel.kpi-targets"),
                List.of(
                        page.message("panel.kpi-tiles"),
                        page.message("kpi.target_2030") + " / " + page.message("kpi.milestone_2026"),
                        page.message("kpi.target_basis"),
                        page.message("kpi.target_source")),
                rows,
                List.of(false, false, false, false));
    }
}
