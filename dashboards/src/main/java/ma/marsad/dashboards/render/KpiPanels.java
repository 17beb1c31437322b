package ma.marsad.dashboards.render;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.marsad.dashboards.definition.ChartDefinition;
import ma.marsad.dashboards.definition.ChartDefinition.ReferenceLine;
import ma.marsad.dashboards.definition.LocalizedText;
import ma.marsad.dashboards.render.WarehouseSnapshot.Kpi;
import ma.marsad.dashboards.render.WarehouseSnapshot.Score;
import ma.marsad.dashboards.render.WarehouseSnapshot.Submission;
import ma.marsad.dashboards.render.WarehouseSnapshot.Value;
import ma.marsad.pipeline.kpi.PeriodKeys;

/** The KPI panels: status summary, tiles, trajectory, definition, vintages, submissions. */
final class KpiPanels {

    static final List<String> STATUSES =
            List.of("on_track", "at_risk", "off_track", "baseline_only", "provisional", "no_target", "no_data");
    private static final LocalDate END_2026 = LocalDate.of(2026, 12, 31);
    private static final LocalDate END_2030 = LocalDate.of(2030, 12, 31);

    private final WarehouseSnapshot data;
    private final List<String> pillarOrder;

    KpiPanels(WarehouseSnapshot data, List<String> pillarOrder) {
        this.data = data;
        this.pillarOrder = pillarOrder;
    }

    void statusSummary(PageBuilder page, List<Kpi> kpis) {
        page.append("<ul class=\"status-summary\">");
        for (String status : STATUSES) {
            long count = kpis.stream()
                    .filter(kpi -> data.status(kpi.id()).equals(status))
                    .count();
            page.append("<li class=\"status-count status-")
                    .append(status)
                    .append("\"><span class=\"count\">")
                    .append(Html.number((double) count, "integer"))
                    .append("</span> <a class=\"badge-link\" href=\"methodology.html#status-")
                    .append(status)
                    .append("\">")
                    .append(page.statusBadge(status))
                    .append("</a></li>");
        }
        page.append("</ul>");
    }

    void tiles(PageBuilder page, List<Kpi> kpis, boolean groupByPillar) {
        if (kpis.isEmpty()) {
            page.append("<p>").append(page.text("kpi.none")).append("</p>");
            return;
        }
        if (!groupByPillar) {
            tileGrid(page, kpis, 3);
            return;
        }
        page.append("<button type=\"button\" class=\"only-off-track\" aria-pressed=\"false\">")
                .append(page.text("kpi.only_off_track"))
                .append("</button>");
        for (String pillar : pillars(kpis)) {
            List<Kpi> inPillar =
                    kpis.stream().filter(kpi -> kpi.pillar().equals(pillar)).toList();
            page.append("<section class=\"pillar\"><h3><a href=\"pillar-")
                    .append(Html.escape(pillar))
                    .append(".html\">")
                    .append(Html.escape(pillarName(page, pillar)))
                    .append("</a> <span class=\"muted\">(")
                    .append(Html.number((double) inPillar.size(), "integer"))
                    .append(" ")
                    .append(page.text("count.kpis"))
                    .append(")</span></h3>");
            tileGrid(page, inPillar, 4);
            page.append("</section>");
        }
    }

    List<String> pillars(List<Kpi> kpis) {
        List<String> present = kpis.stream().map(Kpi::pillar).distinct().toList();
        List<String> ordered = new ArrayList<>();
        pillarOrder.stream().filter(present::contains).forEach(ordered::add);
        present.stream().filter(pillar -> !ordered.contains(pillar)).sorted().forEach(ordered::add);
        return ordered;
    }

    static String pillarName(PageBuilder page, String pillar) {
        String key = "pillar." + pillar;
        return page.messages().has(key) ? page.message(key) : pillar;
    }

    private void tileGrid(PageBuilder page, List<Kpi> kpis, int headingLevel) {
        page.append("<div class=\"tiles\">");
        KpiTile tile = new KpiTile(data);
        for (Kpi kpi : kpis) {
            tile.write(page, kpi, headingLevel);
        }
        page.append("</div>");
    }

    static String unit(PageBuilder page, String unit) {
        if (unit == null) {
            return "";
        }
        String key = "unit." + unit;
        return page.messages().has(key) ? page.message(key) : unit;
    }

    /**
     * History of complete periods, target trajectory from the baseline to 2030, the forecast from the latest complete
     * period, the declared reference lines, and the value so far of a period still running as a point of its own,
     * marked provisional: a running period is never drawn, nor projected, as if it were complete.
     */
    void trajectory(PageBuilder page, Kpi kpi, ChartDefinition chart, boolean withHeading) {
        if (withHeading) {
            page.append("<h3><a href=\"")
                    .append(PageScope.kpiFile(kpi.id()))
                    .append("\">")
                    .append(Html.escape(kpi.name().in(page.language())))
                    .append("</a></h3>");
        }
        List<Score> history = data.nationalHistory(kpi.id());
        List<Score> complete =
                history.stream().filter(score -> !score.inProgress()).toList();
        List<Score> running = history.stream().filter(Score::inProgress).toList();
        Map<String, List<List<Object>>> series = new LinkedHashMap<>();
        List<String> wanted = chart.series().isEmpty() ? List.of("history", "trajectory", "forecast") : chart.series();
        if (wanted.contains("history")) {
            series.put("history", points(complete));
            series.put("provisional", points(running));
        }
        if (wanted.contains("trajectory")) {
            series.put("trajectory", trajectoryPoints(kpi, complete));
        }
        Optional<Score> latest = data.latestNational(kpi.id()).filter(score -> !score.inProgress());
        if (wanted.contains("forecast")
                && latest.isPresent()
                && latest.get().forecast2030() != null
                && latest.get().value() != null
                && latest.get().periodEnd() != null) {
            series.put(
                    "forecast",
                    List.of(
                            List.of(
                                    latest.get().periodEnd().toString(),
                                    latest.get().value()),
                            List.of(END_2030.toString(), latest.get().forecast2030())));
        }
        series.values().removeIf(List::isEmpty);
        if (series.isEmpty()) {
            page.append("<p class=\"muted\">")
                    .append(page.text("kpi.no_history"))
                    .append("</p>");
            return;
        }
        List<Map<String, Object>> seriesJson = new ArrayList<>();
        List<List<String>> tableRows = new ArrayList<>();
        for (Map.Entry<String, List<List<Object>>> entry : series.entrySet()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", page.message("kpi." + entry.getKey()));
            one.put(
                    "style",
                    switch (entry.getKey()) {
                        case "trajectory" -> "dashed";
                        case "forecast" -> "dotted";
                        case "provisional" -> "provisional";
                        default -> "solid";
                    });
            one.put("data", entry.getValue());
            seriesJson.add(one);
            for (List<Object> point : entry.getValue()) {
                tableRows.add(List.of(
                        Html.escape(page.message("kpi." + entry.getKey())),
                        Html.date(LocalDate.parse(point.get(0).toString())),
                        Html.number((Double) point.get(1), chart.numberFormat().yamlName())));
            }
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ReferenceLine line : chart.referenceLines()) {
            Double value = line == ReferenceLine.MILESTONE_2026 ? kpi.milestone2026() : kpi.target2030();
            if (value != null) {
                String name = page.message("kpi." + line.yamlName());
                lines.add(Map.of("name", name, "value", value));
                tableRows.add(List.of(
                        Html.escape(name),
                        Html.date(line == ReferenceLine.MILESTONE_2026 ? LocalDate.of(2026, 12, 31) : END_2030),
                        Html.number(value, chart.numberFormat().yamlName())));
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "line");
        spec.put("xType", "time");
        spec.put("format", chart.numberFormat().yamlName());
        spec.put("unit", unit(page, kpi.unit()));
        spec.put("series", seriesJson);
        spec.put("refLines", lines);
        String label = kpi.name().in(page.language()) + " — " + page.message("panel.kpi-trajectory");
        page.chart(label, spec, source(page, data, kpi));
        page.openDetails();
        page.table(
                label,
                List.of(
                        page.message("kpi.history") + " / " + page.message("kpi.trajectory"),
                        page.message("kpi.period_end"),
                        page.message("kpi.value")),
                tableRows,
                List.of(false, false, true));
        page.closeDetails();
    }

    private static List<List<Object>> points(List<Score> scores) {
        return scores.stream()
                .map(score -> List.<Object>of(score.periodEnd().toString(), score.value()))
                .toList();
    }

    /** Where a KPI's figures come from: Marsad, from the reports of its template, and the source of its target. */
    static String source(PageBuilder page, WarehouseSnapshot data, Kpi kpi) {
        String template = kpi.sourceTemplate();
        if (template == null || template.isBlank()) {
            return page.message("export.source_marsad");
        }
        String source =
                page.message("export.source_reports").replace("{template}", templateTitle(page, data, template));
        if (kpi.targetSource() != null && !kpi.targetSource().isBlank()) {
            source += page.message("punct.semicolon")
                    + page.message("kpi.target_source")
                    + page.message("punct.colon")
                    + kpi.targetSource();
        }
        return source;
    }

    /** A reporting template by its title in the page's language; a source that is not a template by its words. */
    static String templateTitle(PageBuilder page, WarehouseSnapshot data, String template) {
        if (data.templateTitles().containsKey(template)) {
            return data.templateTitles().get(template).in(page.language());
        }
        return page.messages().has("template." + template) ? page.message("template." + template) : template;
    }

    /**
     * The target path the scores are measured against: baseline (or first observation) → 2026 milestone → 2030 target,
     * each leg straight, or geometric by year where the KPI says so.
     */
    private static List<List<Object>> trajectoryPoints(Kpi kpi, List<Score> history) {
        if (kpi.target2030() == null && kpi.milestone2026() == null) {
            return List.of();
        }
        LocalDate startDate;
        Double startValue;
        Optional<LocalDate> baselineEnd = PeriodKeys.end(kpi.baselinePeriod());
        if (kpi.baselineValue() != null && baselineEnd.isPresent()) {
            startDate = baselineEnd.get();
            startValue = kpi.baselineValue();
        } else if (!history.isEmpty()) {
            startDate = history.get(0).periodEnd();
            startValue = history.get(0).value();
        } else {
            return List.of();
        }
        List<LocalDate> anchorDates = new ArrayList<>(List.of(startDate));
        List<Double> anchorValues = new ArrayList<>(List.of(startValue));
        if (kpi.milestone2026() != null && startDate.isBefore(END_2026)) {
            anchorDates.add(END_2026);
            anchorValues.add(kpi.milestone2026());
        }
        if (kpi.target2030() != null && startDate.isBefore(END_2030)) {
            anchorDates.add(END_2030);
            anchorValues.add(kpi.target2030());
        }
        if (anchorDates.size() < 2) {
            return List.of();
        }
        boolean geometric = "geometric".equals(kpi.trajectory());
        List<List<Object>> points = new ArrayList<>();
        points.add(List.of(startDate.toString(), startValue));
        for (int leg = 1; leg < anchorDates.size(); leg++) {
            LocalDate from = anchorDates.get(leg - 1);
            LocalDate to = anchorDates.get(leg);
            double fromValue = anchorValues.get(leg - 1);
            double toValue = anchorValues.get(leg);
            if (geometric && fromValue > 0 && toValue > 0) {
                double totalDays = ChronoUnit.DAYS.between(from, to);
                for (int year = from.getYear() + 1; year < to.getYear(); year++) {
                    LocalDate date = LocalDate.of(year, 12, 31);
                    double share = ChronoUnit.DAYS.between(from, date) / totalDays;
                    points.add(List.of(date.toString(), fromValue * Math.pow(toValue / fromValue, share)));
                }
            }
            points.add(List.of(to.toString(), toValue));
        }
        return points;
    }

    void definition(PageBuilder page, Kpi kpi, Optional<LocalDate> dataDate) {
        String unknown = page.message("kpi.unknown");
        page.append("<dl class=\"facts\">");
        fact(page, "kpi.definition", Html.escape(inLanguage(page, kpi.definition(), unknown)));
        fact(page, "kpi.unit", Html.escape(orElse(unit(page, kpi.unit()), unknown)));
        fact(
                page,
                "kpi.direction",
                page.text("down".equals(kpi.direction()) ? "kpi.direction_down" : "kpi.direction_up"));
        fact(page, "kpi.frequency", word(page, "frequency.", kpi.frequency(), unknown));
        fact(page, "kpi.aggregation", word(page, "aggregation.", kpi.aggregation(), unknown));
        fact(
                page,
                "kpi.source_template",
                kpi.sourceTemplate() == null || kpi.sourceTemplate().isBlank()
                        ? Html.escape(unknown)
                        : Html.escape(templateTitle(page, data, kpi.sourceTemplate())) + " (<bdi><code>"
                                + Html.escape(kpi.sourceTemplate()) + "</code></bdi>)");
        fact(
                page,
                "kpi.baseline",
                kpi.baselineValue() == null
                        ? Html.escape(unknown)
                        : Html.number(kpi.baselineValue(), "auto") + " (" + Html.period(kpi.baselinePeriod()) + ")");
        fact(
                page,
                "kpi.milestone_2026",
                kpi.milestone2026() == null ? Html.escape(unknown) : Html.number(kpi.milestone2026(), "auto"));
        fact(
                page,
                "kpi.target_2030",
                kpi.target2030() == null ? Html.escape(unknown) : Html.number(kpi.target2030(), "auto"));
        fact(page, "kpi.target_basis", Html.escape(inLanguage(page, kpi.targetBasis(), unknown)));
        fact(page, "kpi.target_source", sourceLinks(orElse(kpi.targetSource(), unknown)));
        fact(page, "kpi.trajectory_shape", word(page, "trajectory.", kpi.trajectory(), unknown));
        fact(page, "kpi.freshness", freshness(page, kpi, dataDate));
        page.append("</dl>");
    }

    /** Sources are written as "site; site (note)": each site name becomes a link to it, outside the site. */
    private static String sourceLinks(String sources) {
        StringBuilder out = new StringBuilder();
        String[] parts = sources.split(";");
        for (int index = 0; index < parts.length; index++) {
            String part = parts[index].trim();
            if (index > 0) {
                out.append("; ");
            }
            String host = part.split("[\\s(]")[0];
            if (host.matches("[a-z0-9.-]+\\.[a-z]{2,}(/\\S*)?")) {
                out.append("<a rel=\"noopener\" href=\"https://")
                        .append(Html.escape(host))
                        .append("\">")
                        .append(Html.escape(host))
                        .append("</a>")
                        .append(Html.escape(part.substring(host.length())));
            } else {
                out.append(Html.escape(part));
            }
        }
        return out.toString();
    }

    private String freshness(PageBuilder page, Kpi kpi, Optional<LocalDate> dataDate) {
        Optional<Score> latest = data.latestNational(kpi.id());
        if (latest.isEmpty() || latest.get().periodEnd() == null || dataDate.isEmpty()) {
            return page.statusBadge("no_data");
        }
        long days = ChronoUnit.DAYS.between(latest.get().periodEnd(), dataDate.get());
        long allowed =
                switch (orElse(kpi.frequency(), "")) {
                    case "daily" -> 7;
                    case "monthly" -> 62;
                    case "quarterly" -> 183;
                    case "semiannual" -> 366;
                    case "biennial" -> 1461;
                    default -> 731;
                };
        boolean fresh = days <= allowed;
        return "<span class=\"badge " + (fresh ? "status-on_track" : "status-at_risk")
                + "\"><span class=\"icon\" aria-hidden=\"true\">" + (fresh ? "✓" : "!") + "</span> "
                + page.text(fresh ? "kpi.fresh" : "kpi.stale") + "</span> "
                + Html.number((double) Math.max(0, days), "integer")
                + " " + page.text("kpi.days_old") + " (" + page.text("kpi.known_at") + " "
                + Html.dateTime(latest.get().knownAt()) + ")";
    }

    private static void fact(PageBuilder page, String key, String valueHtml) {
        page.append("<dt>")
                .append(page.text(key))
                .append("</dt><dd>")
                .append(valueHtml)
                .append("</dd>");
    }

    void vintages(PageBuilder page, Kpi kpi) {
        List<Value> values = new ArrayList<>(data.valuesByKpi().getOrDefault(kpi.id(), List.of()).stream()
                .filter(value -> WarehouseSnapshot.NATIONAL.equals(value.regionCode()))
                .toList());
        values.sort(Comparator.comparing(Value::periodEnd, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Value::knownAt, Comparator.nullsLast(Comparator.reverseOrder())));
        // a period still running is marked so, its value being provisional
        List<String> running = data.nationalHistory(kpi.id()).stream()
                .filter(Score::inProgress)
                .map(Score::period)
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (Value value : values) {
            rows.add(List.of(
                    Html.period(value.period())
                            + (running.contains(value.period())
                                    ? " <span class=\"in-progress\">" + page.text("kpi.period_in_progress") + "</span>"
                                    : ""),
                    Html.date(value.periodEnd()),
                    Html.number(value.value(), "auto"),
                    Html.dateTime(value.knownAt()),
                    page.text(value.latestVintage() ? "kpi.vintage_latest" : "kpi.vintage_old")));
        }
        page.table(
                kpi.name().in(page.language()) + " — " + page.message("panel.kpi-vintages"),
                List.of(
                        page.message("kpi.period"),
                        page.message("kpi.period_end"),
                        page.message("kpi.value"),
                        page.message("kpi.known_at"),
                        page.message("kpi.vintage")),
                rows,
                List.of(false, false, true, false, false));
    }

    void submissions(PageBuilder page, Kpi kpi) {
        Optional<Score> latest = data.latestNational(kpi.id());
        List<Submission> behind = new ArrayList<>();
        if (latest.isPresent() && latest.get().submissionIds() != null) {
            for (String id : latest.get().submissionIds().split(",")) {
                Submission submission = data.submissions().get(id.trim());
                if (submission != null) {
                    behind.add(submission);
                }
            }
        }
        if (behind.isEmpty()) {
            page.append("<p class=\"muted\">")
                    .append(page.text("kpi.no_submissions"))
                    .append("</p>");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Submission submission : behind) {
            // names from the submitters, isolated so an Arabic page keeps their own order
            rows.add(List.of(
                    "<bdi>" + Html.escape(submission.fileName()) + "</bdi>",
                    "<bdi>" + Html.escape(submission.submitter()) + "</bdi>",
                    "<bdi>" + Html.escape(submission.templateId()) + "</bdi>",
                    Html.period(submission.period()),
                    Html.dateTime(submission.receivedAt()),
                    page.statusBadge(orElse(submission.status(), "no_data")),
                    "<code title=\"" + Html.escape(submission.id()) + "\">"
                            + Html.escape(submission
                                    .id()
                                    .substring(0, Math.min(12, submission.id().length())))
                            + "</code>"));
        }
        page.table(
                kpi.name().in(page.language()) + " — " + page.message("panel.kpi-submissions"),
                List.of(
                        page.message("submission.file"),
                        page.message("submission.submitter"),
                        page.message("submission.template"),
                        page.message("kpi.period"),
                        page.message("submission.received_at"),
                        page.message("submission.status"),
                        page.message("submission.id")),
                rows,
                List.of(false, false, false, false, false, false, false));
    }

    private static String inLanguage(PageBuilder page, LocalizedText text, String fallback) {
        return text == null ? fallback : text.in(page.language());
    }

    /** A catalogue code (frequency, aggregation, trajectory) in the page's words; an unknown code as written. */
    private static String word(PageBuilder page, String prefix, String code, String fallback) {
        if (code == null || code.isBlank()) {
            return Html.escape(fallback);
        }
        return page.messages().has(prefix + code) ? page.text(prefix + code) : Html.escape(code);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
