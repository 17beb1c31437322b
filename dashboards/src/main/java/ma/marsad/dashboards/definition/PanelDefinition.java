package ma.marsad.dashboards.definition;

import java.util.List;
import java.util.Set;

/**
 * One panel of a page.
 *
 * @param type what the panel shows
 * @param title heading, or null for the type's default heading from the messages
 * @param description an optional sentence under the heading
 * @param sql the query of a query panel (read from its .sql file or inline), null otherwise
 * @param columns the table columns of a query panel
 * @param chart the declared chart, or null
 * @param hideWhenEmpty whether a query panel whose query returns no row is left out of the page, heading included
 */
public record PanelDefinition(
        PanelType type,
        LocalizedText title,
        LocalizedText description,
        String sql,
        List<ColumnDefinition> columns,
        ChartDefinition chart,
        boolean hideWhenEmpty) {

    public PanelDefinition {
        if (type == null) {
            throw new IllegalArgumentException("panel type missing");
        }
        columns = List.copyOf(columns);
        if (type == PanelType.QUERY && (sql == null || sql.isBlank() || columns.isEmpty())) {
            throw new IllegalArgumentException("a query panel needs sql (or query) and columns");
        }
        if (hideWhenEmpty && type != PanelType.QUERY) {
            throw new IllegalArgumentException("hide_when_empty goes with query panels only");
        }
        if (type == PanelType.TEXT && (title == null || description == null)) {
            throw new IllegalArgumentException("a text panel needs a title and a description, each in fr, ar and en");
        }
    }

    /** The tables a query panel reads (its common table expressions aside); none for other panels. */
    public Set<String> tablesRead() {
        return sql == null ? Set.of() : SqlGuard.tablesRead(sql);
    }
}
