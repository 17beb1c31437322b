package ma.marsad.dashboards.render;

import java.util.List;
import java.util.Optional;
import ma.marsad.dashboards.render.WarehouseSnapshot.Kpi;
import ma.marsad.dashboards.render.WarehouseSnapshot.Provisional;
import ma.marsad.dashboards.render.WarehouseSnapshot.Score;

/**
 * One KPI tile: value of the latest complete period, the target it is scored against (2030 target or 2026 milestone,
 * named), the status and progress, and the value so far of a period still running, marked provisional.
 */
final class KpiTile {

    /** Units that count people or things: never shown with decimals. */
    private static final List<String> WHOLE_UNITS = List.of(
            "people",
            "people per year",
            "jobs",
            "services",
            "startups",
            "subscriptions",
            "sites",
            "localities",
            "projects",
            "workshops",
            "regions of 12");

    private final WarehouseSnapshot data;

    KpiTile(WarehouseSnapshot data) {
        this.data = data;
    }

    /** @param headingLevel 4 under a pillar's h3 on the overview, else 3 under the panel's h2 */
    void write(PageBuilder page, Kpi kpi, int headingLevel) {
        Optional<Score> latest = data.latestNational(kpi.id());
        String status = latest.map(Score::status).orElse("no_data");
        page.append("<article class=\"tile status-")
                .append(Html.escape(status))
                .append("\" data-status=\"")
                .append(Html.escape(status))
                .append("\"><h")
                .append(String.valueOf(headingLevel))
                .append(" class=\"tile-name\"><a href=\"")
                .append(PageScope.kpiFile(kpi.id()))
                .append("\">")
                .append(Html.escape(kpi.name().in(page.language())))
                .append("</a></h")
                .append(String.valueOf(headingLevel))
                .append("><p class=\"kpi-id\"><bdi>")
                .append(Html.escape(kpi.id()))
                .append("</bdi></p><p class=\"value\">");
        Double value = latest.map(Score::value).orElse(null);
        if (value == null) {
            page.append("<span class=\"missing\">–</span>");
        } else {
            page.append(Html.number(value, format(kpi)))
                    .append(" <span class=\"unit\">")
                    .append(Html.escape(KpiPanels.unit(page, kpi.unit())))
                    .append("</span>");
        }
        page.append("</p><p><a class=\"badge-link\" href=\"methodology.html#status-")
                .append(Html.escape(status))
                .append("\">")
                .append(page.statusBadge(status))
                .append("</a></p>");
        page.append("<p class=\"why\">")
                .append(Html.escape(why(page, kpi, status, latest.orElse(null))))
                .append("</p>");
        target(page, kpi);
        progress(page, kpi, latest.orElse(null), status);
        latest.ifPresent(score -> measures(page, kpi, score, status));
        // the line of complete periods: a running period's value so far would read as a fall
        page.append(Sparkline.svg(data.nationalHistory(kpi.id()).stream()
                .filter(score -> !score.inProgress())
                .map(Score::value)
                .toList()));
        if (latest.isPresent() && latest.get().periodEnd() != null) {
            period(page, latest.get());
        }
        if (latest.isPresent() && latest.get().provisional() != null) {
            provisional(page, kpi, latest.get().provisional());
        }
        page.append("</article>");
    }

    /** "Cible 2030 : X" or "Jalon 2026 : X"; "Pas de cible 2030" only for a KPI without any target. */
    private static void target(PageBuilder page, Kpi kpi) {
        if (!kpi.hasTarget()) {
            page.append("<p class=\"small muted target\">")
                    .append(page.text("kpi.progress_none"))
                    .append("</p>");
            return;
        }
        page.append("<p class=\"small target\">")
                .append(page.text(targetKey(kpi)))
                .append(page.colon())
                .append(Html.number(kpi.scoringTarget(), format(kpi)))
                .append("</p>");
    }

    /** The message key naming the target a KPI is scored against. */
    static String targetKey(Kpi kpi) {
        return "milestone_2026".equals(kpi.scoringTargetKind()) ? "kpi.milestone_2026" : "kpi.target_2030";
    }

    private static void progress(PageBuilder page, Kpi kpi, Score latest, String status) {
        if (!kpi.hasTarget() || latest == null || latest.progressClipped() == null) {
            return;
        }
        if (List.of("baseline_only", "provisional").contains(status)) {
            return;
        }
        if (kpi.targetHeldSinceBaseline()) {
            // the baseline already meets the target: a fraction of the way means nothing, held or not does
            boolean held = latest.progressClipped() >= 1;
            page.append("<p class=\"small held\">")
                    .append(page.text(held ? "kpi.target_met" : "kpi.target_not_met"))
                    .append("</p>");
            return;
        }
        String label =
                page.text("milestone_2026".equals(kpi.scoringTargetKind()) ? "kpi.progress_milestone" : "kpi.progress");
        double progress = Math.max(0, Math.min(1, latest.progressClipped()));
        long percent = Math.round(progress * 100);
        page.append("<div class=\"progress\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\""
                        + " aria-valuenow=\"")
                .append(String.valueOf(percent))
                .append("\" aria-label=\"")
                .append(label)
                .append("\"><span style=\"inline-size:")
                .append(String.valueOf(percent))
                .append("%\"></span></div><p class=\"small\">")
                .append(label)
                .append(page.colon())
                .append(Html.number(progress, "percent"))
                .append("</p>");
    }

    /** One line saying why the KPI has its status. */
    private static String why(PageBuilder page, Kpi kpi, String status, Score latest) {
        if (kpi.targetHeldSinceBaseline()
                && latest != null
                && latest.progressClipped() != null
                && List.of("on_track", "at_risk", "off_track").contains(status)) {
            return page.message(latest.progressClipped() >= 1 ? "why.target_held" : "why.target_lost");
        }
        String key = "why." + status;
        return page.messages().has(key) ? page.message(key) : "";
    }

    /**
     * Expected value by now on the trajectory and the gap to it (in the unit and in %), then the change since the
     * previous period, each with its sign.
     */
    private void measures(PageBuilder page, Kpi kpi, Score latest, String status) {
        StringBuilder facts = new StringBuilder();
        Double value = latest.value();
        Double expected = latest.trajectoryValue();
        boolean scored = List.of("on_track", "at_risk", "off_track").contains(status);
        if (scored && value != null && expected != null && !kpi.targetHeldSinceBaseline()) {
            fact(facts, page, "kpi.expected_now", Html.number(expected, format(kpi)));
            String gap = Html.number(value - expected, signed(kpi));
            if (expected != 0) {
                gap += " (" + Html.number((value - expected) / Math.abs(expected), "signed-percent") + ")";
            }
            fact(facts, page, "kpi.gap", gap);
        }
        Score previous = previous(kpi, latest);
        if (value != null && previous != null && previous.value() != null) {
            fact(
                    facts,
                    page,
                    "kpi.change",
                    Html.number(value - previous.value(), signed(kpi)) + " <span class=\"muted\">("
                            + page.text("kpi.since") + " " + Html.period(previous.period()) + ")</span>");
        }
        if (!facts.isEmpty()) {
            page.append("<dl class=\"facts-inline\">").append(facts.toString()).append("</dl>");
        }
    }

    private static void fact(StringBuilder facts, PageBuilder page, String key, String valueHtml) {
        facts.append("<dt>")
                .append(page.text(key))
                .append("</dt><dd>")
                .append(valueHtml)
                .append("</dd>");
    }

    /** The national value of the period before the latest one shown. */
    private Score previous(Kpi kpi, Score latest) {
        Score previous = null;
        for (Score score : data.nationalHistory(kpi.id())) {
            if (score.periodEnd().isBefore(latest.periodEnd())) {
                previous = score;
            }
        }
        return previous;
    }

    /** Ranks and counts are whole; other values keep at most 3 significant decimals. */
    static String format(Kpi kpi) {
        return isWhole(kpi) ? "integer" : "auto";
    }

    private static String signed(Kpi kpi) {
        return isWhole(kpi) ? "signed-integer" : "signed";
    }

    private static boolean isWhole(Kpi kpi) {
        String unit = kpi.unit() == null ? "" : kpi.unit();
        return unit.startsWith("rank")
                || List.of("count", "cumulative_count", "rank").contains(kpi.aggregation())
                || WHOLE_UNITS.contains(unit);
    }

    private static void period(PageBuilder page, Score latest) {
        page.append("<p class=\"small date\">")
                .append(page.text("kpi.period"))
                .append(" ")
                .append(Html.period(latest.period()))
                .append(" · ")
                .append(Html.date(latest.periodEnd()));
        if (latest.inProgress()) {
            page.append(" · <span class=\"in-progress\">")
                    .append(page.text("kpi.period_in_progress"))
                    .append("</span>");
        }
        page.append("</p>");
    }

    private static void provisional(PageBuilder page, Kpi kpi, Provisional running) {
        page.append("<p class=\"small provisional\">")
                .append(page.text("kpi.provisional_value"))
                .append(" ")
                .append(Html.period(running.period()))
                .append(page.colon())
                .append(Html.number(running.value(), format(kpi)))
                .append(" ")
                .append(Html.escape(KpiPanels.unit(page, kpi.unit())))
                .append("</p>");
    }
}
