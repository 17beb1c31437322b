package ma.marsad.dashboards.render;

import java.util.List;
import java.util.Map;
import ma.marsad.dashboards.definition.Messages;
import ma.marsad.pipeline.quality.Language;

/** Builds the HTML of one page in one language; ids are numbered in page order so output is reproducible. */
final class PageBuilder {

    private final StringBuilder html = new StringBuilder(32 * 1024);
    private final Language language;
    private final Messages messages;
    private final String pageFile;
    private int nextId = 1;
    private boolean hasCharts;

    PageBuilder(Language language, Messages messages, String pageFile) {
        this.language = language;
        this.messages = messages;
        this.pageFile = pageFile;
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

    /** A chart container drawn by the site script from inline JSON, with its PNG export button. */
    void chart(String label, Map<String, Object> spec) {
        hasCharts = true;
        String id = newId("c");
        html.append("<figure class=\"chart-figure\"><div class=\"chart\" id=\"")
                .append(id)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(label))
                .append("\"></div><script type=\"application/json\" class=\"chart-spec\" data-chart=\"")
                .append(id)
                .append("\">")
                .append(Html.json(spec))
                .append("</script><div class=\"actions\"><button type=\"button\" class=\"export-png\" data-chart=\"")
                .append(id)
                .append("\" data-file=\"")
                .append(Html.escape(pageFile.replace(".html", "") + "-" + id + ".png"))
                .append("\">")
                .append(text("export.png"))
                .append("</button></div></figure>");
    }

    /** An SVG chart drawn here (the tile-grid map), with its PNG export button. */
    void svgChart(String svg) {
        String id = newId("c");
        html.append("<figure class=\"chart-figure\"><div class=\"svg-chart\" id=\"")
                .append(id)
                .append("\">")
                .append(svg)
                .append("</div><div class=\"actions\"><button type=\"button\" class=\"export-png\" data-svg=\"")
                .append(id)
                .append("\" data-file=\"")
                .append(Html.escape(pageFile.replace(".html", "") + "-" + id + ".png"))
                .append("\">")
                .append(text("export.png"))
                .append("</button></div></figure>");
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
