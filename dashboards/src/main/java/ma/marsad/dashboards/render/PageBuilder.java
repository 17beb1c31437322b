package ma.marsad.dashboards.render;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.marsad.dashboards.definition.Messages;
import ma.marsad.pipeline.quality.Language;

/** Builds the HTML of one page in one language; ids are numbered in page order so output is reproducible. */
final class PageBuilder {

    private final StringBuilder html = new StringBuilder(32 * 1024);
    private final Language language;
    private final Messages messages;
    private final String pageFile;
    private final Optional<LocalDate> dataDate;
    private int nextId = 1;
    private boolean hasCharts;

    /** @param dataDate the date the data are as of, written under every chart and into its PNG export */
    PageBuilder(Language language, Messages messages, String pageFile, Optional<LocalDate> dataDate) {
        this.language = language;
        this.messages = messages;
        this.pageFile = pageFile;
        this.dataDate = dataDate;
    }

    Language language() {
        return language;
    }

    String message(String key) {
        return messages.get(key, language);
    }

    /** A message escaped for HTML. */
    String text(String key) {
        return Html.escape(message(key));
    }

    /** The colon between a label and its value as the page's language writes it ("Cible 2030 : X", "2030 target: X"). */
    String colon() {
        return text("punct.colon");
    }

    Messages messages() {
        return messages;
    }

    String pageFile() {
        return pageFile;
    }

    boolean hasCharts() {
        return hasCharts;
    }

    PageBuilder append(String text) {
        html.append(text);
        return this;
    }

    String newId(String prefix) {
        return prefix + (nextId++);
    }

    /** A status in words, icon and colour; codes are matched in lower case (the job repository writes COMPLETED). */
    String statusBadge(String code) {
        String status = code.toLowerCase(java.util.Locale.ROOT);
        String icon =
                switch (status) {
                    case "on_track", "accepted", "completed" -> "✓";
                    case "at_risk", "accepted_with_quarantine" -> "!";
                    case "off_track", "rejected", "failed", "abandoned" -> "✕";
                    case "started", "starting", "stopping" -> "…";
                    case "no_target" -> "○";
                    case "baseline_only" -> "◆";
                    case "provisional" -> "…";
                    default -> "–";
                };
        String key = "status." + status;
        String label = messages.has(key) ? message(key) : status;
        return "<span class=\"badge status-" + Html.escape(status) + "\"><span class=\"icon\" aria-hidden=\"true\">"
                + icon + "</span> " + Html.escape(label) + "</span>";
    }

    /** A table with an "export CSV" button; the cells are already HTML. */
    void table(String caption, List<String> headers, List<List<String>> rows, List<Boolean> numeric) {
        String id = newId("t");
        // a table wider than a phone scrolls sideways: its frame takes keyboard focus so it can be scrolled
        html.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(Html.escape(caption))
                .append("\"><table id=\"")
                .append(id)
                .append("\"><caption>")
                .append(Html.escape(caption))
                .append("</caption><thead><tr>");
        for (int column = 0; column < headers.size(); column++) {
            html.append("<th scope=\"col\"")
                    .append(numeric.get(column) ? " class=\"n\"" : "")
                    .append('>')
                    .append(Html.escape(headers.get(column)))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"")
                    .append(headers.size())
                    .append("\">")
                    .append(text("table.empty"))
                    .append("</td></tr>");
        }
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int column = 0; column < row.size(); column++) {
                html.append(numeric.get(column) ? "<td class=\"n\">" : "<td>")
                        .append(row.get(column))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append(
                        "</tbody></table></div><div class=\"actions\"><button type=\"button\" class=\"export-csv\" data-table=\"")
                .append(id)
                .append("\" data-file=\"")
                .append(Html.escape(pageFile.replace(".html", "") + "-" + id + ".csv"))
                .append("\">")
                .append(text("export.csv"))
                .append("</button></div>");
    }

    /**
     * A chart container drawn by the site script from inline JSON, with its caption (unit, source, data date) and its
     * PNG export button; the export draws the caption into the image.
     *
     * @param label the chart's title
     * @param source where the figures come from, in the page's language
     */
    void chart(String label, Map<String, Object> spec, String source) {
        hasCharts = true;
        String id = newId("c");
        Map<String, Object> withColon = new LinkedHashMap<>(spec);
        withColon.put("colon", message("punct.colon"));
        html.append("<figure class=\"chart-figure\"><div class=\"chart\" id=\"")
                .append(id)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(label))
                .append("\"></div><script type=\"application/json\" class=\"chart-spec\" data-chart=\"")
                .append(id)
                .append("\">")
                .append(Html.json(withColon))
                .append("</script>");
        caption(label, String.valueOf(spec.getOrDefault("unit", "")), source);
        exportButton("data-chart", id);
    }

    /** An SVG chart drawn here (the tile-grid map), with its caption and PNG export button as {@link #chart}. */
    void svgChart(String svg, String label, String unit, String source) {
        String id = newId("c");
        html.append("<figure class=\"chart-figure\"><div class=\"svg-chart\" id=\"")
                .append(id)
                .append("\">")
                .append(svg)
                .append("</div>");
        caption(label, unit, source);
        exportButton("data-svg", id);
    }

    /** The PNG export button of the chart {@code id} ({@code data-chart} or {@code data-svg}); closes the figure. */
    private void exportButton(String chartAttribute, String id) {
        html.append("<div class=\"actions\"><button type=\"button\" class=\"export-png\" ")
                .append(chartAttribute)
                .append("=\"")
                .append(id)
                .append("\" data-file=\"")
                .append(Html.escape(pageFile.replace(".html", "") + "-" + id + ".png"))
                .append("\">")
                .append(text("export.png"))
                .append("</button></div></figure>");
    }

    /** Title (read by screen readers, drawn in exports), unit, source and data date, one span each. */
    private void caption(String label, String unit, String source) {
        html.append("<figcaption class=\"chart-caption\"><span class=\"caption-title\">")
                .append(Html.escape(label))
                .append("</span>");
        if (!unit.isBlank()) {
            html.append("<span class=\"caption-unit\">")
                    .append(text("kpi.unit"))
                    .append(colon())
                    .append(Html.escape(unit))
                    .append("</span>");
        }
        html.append("<span class=\"caption-source\">")
                .append(text("export.source"))
                .append(colon())
                .append(Html.escape(source))
                .append("</span>");
        if (dataDate.isPresent()) {
            html.append("<span class=\"caption-date\">")
                    .append(text("site.data_date"))
                    .append(' ')
                    .append(Html.date(dataDate.get()))
                    .append("</span>");
        }
        html.append("</figcaption>");
    }

    void openDetails() {
        html.append("<details class=\"data-table\"><summary>")
                .append(text("table.show"))
                .append("</summary>");
    }

    void closeDetails() {
        html.append("</details>");
    }

    String build() {
        return html.toString();
    }
}
