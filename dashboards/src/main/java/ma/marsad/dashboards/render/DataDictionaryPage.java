package ma.marsad.dashboards.render;

import java.util.List;
import java.util.stream.Collectors;
import ma.marsad.dashboards.definition.Messages;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.warehouse.DocumentedTable;
import ma.marsad.pipeline.warehouse.ModelCatalog;
import ma.marsad.pipeline.warehouse.SqlModel;

/**
 * The warehouse data dictionary as a static page of the site, in each language, from the same SQL model files as
 * {@code docs/data-dictionary.md}: every published table, its grain, meaning, columns and data tests. Table
 * descriptions come from {@code messages.yml} ({@code dictionary.table.<name>}, or the fact, history and superseded patterns);
 * grains and column descriptions are the models' English, marked as such for screen readers.
 */
final class DataDictionaryPage {

    private final Messages messages;
    private final Language language;

    private DataDictionaryPage(Messages messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    /** @param inFolder true for {@code <lang>/data-dictionary.html}, false for the English page at the site root */
    static String render(ModelCatalog catalog, Messages messages, Language language, boolean inFolder) {
        return new DataDictionaryPage(messages, language).page(catalog, inFolder);
    }

    private String text(String key) {
        return Html.escape(messages.get(key, language));
    }

    private String page(ModelCatalog catalog, boolean inFolder) {
        String up = inFolder ? "../" : "";
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"")
                .append(language.tag())
                .append("\" dir=\"")
                .append(language.direction())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(text("dictionary.title"))
                .append(" · ")
                .append(text("site.name"))
                .append("</title>\n<link rel=\"stylesheet\" href=\"")
                .append(up)
                .append("assets/marsad.css\">\n</head>\n<body>\n<main id=\"main\" class=\"page\">\n<p><a href=\"")
                .append(up)
                .append(language.tag())
                .append("/index.html\">")
                .append(text("site.name"))
                .append("</a></p>\n<h1>")
                .append(text("dictionary.title"))
                .append("</h1>\n<p>")
                .append(text("dictionary.intro"))
                .append("</p>\n<ul>\n");
        List<SqlModel> published =
                catalog.ordered().stream().filter(SqlModel::isPublished).toList();
        for (SqlModel model : published) {
            contentsLine(page, model.name());
        }
        for (DocumentedTable table : catalog.documentedTables()) {
            contentsLine(page, table.name());
        }
        page.append("</ul>\n");
        for (SqlModel model : published) {
            section(page, model.name(), model.materialized(), model.grain());
            page.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
                    .append(Html.escape(model.name()))
                    .append("\"><table>\n<thead><tr><th scope=\"col\">")
                    .append(text("dictionary.column"))
                    .append("</th><th scope=\"col\">")
                    .append(text("dictionary.description"))
                    .append("</th><th scope=\"col\">")
                    .append(text("dictionary.tests"))
                    .append("</th></tr></thead>\n<tbody>\n");
            for (SqlModel.ColumnDoc column : model.columns()) {
                String tests = model.tests().stream()
                        .filter(test -> column.name().equals(test.column()))
                        .map(SqlModel.DataTest::kind)
                        .collect(Collectors.joining(", "));
                row(page, column, "<td><code>" + Html.escape(tests) + "</code></td>");
            }
            page.append("</tbody>\n</table></div>\n</section>\n");
        }
        for (DocumentedTable table : catalog.documentedTables()) {
            section(page, table.name(), null, table.grain());
            page.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
                    .append(Html.escape(table.name()))
                    .append("\"><table>\n<thead><tr><th scope=\"col\">")
                    .append(text("dictionary.column"))
                    .append("</th><th scope=\"col\">")
                    .append(text("dictionary.description"))
                    .append("</th></tr></thead>\n<tbody>\n");
            for (SqlModel.ColumnDoc column : table.columns()) {
                row(page, column, "");
            }
            page.append("</tbody>\n</table></div>\n</section>\n");
        }
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void contentsLine(StringBuilder page, String name) {
        page.append("<li><a href=\"#")
                .append(name)
                .append("\"><code>")
                .append(name)
                .append("</code></a></li>\n");
    }

    private void section(StringBuilder page, String name, String materialized, String grain) {
        page.append("<section class=\"panel\" id=\"")
                .append(name)
                .append("\">\n<h2><code>")
                .append(name)
                .append("</code>");
        if (materialized != null) {
            page.append(" <small>(").append(Html.escape(materialized)).append(")</small>");
        }
        page.append("</h2>\n<p>")
                .append(Html.escape(description(name)))
                .append("</p>\n<p><strong>")
                .append(text("dictionary.grain"))
                .append("</strong> ")
                .append(english(grain))
                .append("</p>\n");
    }

    private void row(StringBuilder page, SqlModel.ColumnDoc column, String extraCells) {
        page.append("<tr><td><code>")
                .append(Html.escape(column.name()))
                .append("</code></td><td>")
                .append(english(column.description()))
                .append("</td>")
                .append(extraCells)
                .append("</tr>\n");
    }

    /** The models' English, marked so that a French or Arabic page reads it with the right voice and direction. */
    private String english(String text) {
        String escaped = Html.escape(text);
        return language == Language.EN ? escaped : "<span lang=\"en\" dir=\"ltr\">" + escaped + "</span>";
    }

    /** The table's description in the page's language: its own message, else the fact, history or superseded pattern. */
    private String description(String table) {
        String key = "dictionary.table." + table;
        if (messages.has(key)) {
            return messages.get(key, language);
        }
        for (String kind : List.of("fct", "hist", "superseded")) {
            if (table.startsWith(kind + "_")) {
                String template = table.substring(kind.length() + 1).replace('_', '-');
                return messages.get("dictionary." + kind, language).replace("{template}", template);
            }
        }
        throw new IllegalStateException("message '" + key + "' missing from dashboards/messages.yml: describe table "
                + table + " in French, Arabic and English");
    }
}
