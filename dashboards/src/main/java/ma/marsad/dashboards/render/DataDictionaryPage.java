package ma.marsad.dashboards.render;

import java.util.stream.Collectors;
import ma.marsad.pipeline.warehouse.DocumentedTable;
import ma.marsad.pipeline.warehouse.ModelCatalog;
import ma.marsad.pipeline.warehouse.SqlModel;

/**
 * The warehouse data dictionary as one static page of the site, from the same SQL model files as {@code
 * docs/data-dictionary.md}: every published table, its grain, meaning, columns and data tests.
 */
final class DataDictionaryPage {

    private DataDictionaryPage() {}

    static String render(ModelCatalog catalog) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Marsad — data dictionary</title>\n")
                .append(
                        "<link rel=\"stylesheet\" href=\"assets/marsad.css\">\n</head>\n<body>\n<main class=\"page\">\n")
                .append("<p><a href=\"fr/index.html\">Marsad</a></p>\n")
                .append("<h1>Data dictionary of the warehouse</h1>\n")
                .append("<p>Tables of <code>warehouse/marsad.duckdb</code> built from the SQL models; the KPI marts"
                        + " (<code>kpi_*</code>, <code>reconciliation</code>, <code>un_egov_scores</code>) are written"
                        + " by the KPI engine and <code>ops_*</code> tables hold run metadata.</p>\n");
        page.append("<ul>\n");
        for (SqlModel model : catalog.ordered()) {
            if (model.isPublished()) {
                page.append("<li><a href=\"#")
                        .append(model.name())
                        .append("\"><code>")
                        .append(model.name())
                        .append("</code></a></li>\n");
            }
        }
        for (DocumentedTable table : catalog.documentedTables()) {
            page.append("<li><a href=\"#")
                    .append(table.name())
                    .append("\"><code>")
                    .append(table.name())
                    .append("</code></a></li>\n");
        }
        page.append("</ul>\n");
        for (SqlModel model : catalog.ordered()) {
            if (!model.isPublished()) {
                continue;
            }
            page.append("<section class=\"panel\" id=\"")
                    .append(model.name())
                    .append("\">\n<h2><code>")
                    .append(model.name())
                    .append("</code> <small>(")
                    .append(model.materialized())
                    .append(")</small></h2>\n<p><strong>Grain:</strong> ")
                    .append(Html.escape(model.grain()))
                    .append("</p>\n<p>")
                    .append(Html.escape(model.description()))
                    .append(
                            "</p>\n<table>\n<thead><tr><th>column</th><th>description</th><th>tests</th></tr></thead>\n<tbody>\n");
            for (SqlModel.ColumnDoc column : model.columns()) {
                String tests = model.tests().stream()
                        .filter(test -> column.name().equals(test.column()))
                        .map(SqlModel.DataTest::kind)
                        .collect(Collectors.joining(", "));
                page.append("<tr><td><code>")
                        .append(Html.escape(column.name()))
                        .append("</code></td><td>")
                        .append(Html.escape(column.description()))
                        .append("</td><td>")
                        .append(Html.escape(tests))
                        .append("</td></tr>\n");
            }
            page.append("</tbody>\n</table>\n</section>\n");
        }
        for (DocumentedTable table : catalog.documentedTables()) {
            page.append("<section class=\"panel\" id=\"")
                    .append(table.name())
                    .append("\">\n<h2><code>")
                    .append(table.name())
                    .append("</code> <small>(written by ")
                    .append(Html.escape(table.writtenBy()))
                    .append(")</small></h2>\n<p><strong>Grain:</strong> ")
                    .append(Html.escape(table.grain()))
                    .append("</p>\n<p>")
                    .append(Html.escape(table.description()))
                    .append("</p>\n<table>\n<thead><tr><th>column</th><th>description</th></tr></thead>\n<tbody>\n");
            for (SqlModel.ColumnDoc column : table.columns()) {
                page.append("<tr><td><code>")
                        .append(Html.escape(column.name()))
                        .append("</code></td><td>")
                        .append(Html.escape(column.description()))
                        .append("</td></tr>\n");
            }
            page.append("</tbody>\n</table>\n</section>\n");
        }
        return page.append("</main>\n</body>\n</html>\n").toString();
    }
}
