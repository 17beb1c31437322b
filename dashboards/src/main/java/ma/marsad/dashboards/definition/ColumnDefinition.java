package ma.marsad.dashboards.definition;

/**
 * A column of a query panel's table.
 *
 * @param name the query's column name
 * @param label the header, in three languages
 * @param format how cells are written
 */
public record ColumnDefinition(String name, LocalizedText label, ColumnFormat format) {

    public ColumnDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column without a name: give the query column's name");
        }
        if (label == null) {
            throw new IllegalArgumentException("column '" + name + "' has no label: give {fr, ar, en}");
        }
        if (format == null) {
            format = ColumnFormat.TEXT;
        }
    }

    public enum ColumnFormat {
        TEXT("text"),
        NUMBER("number"),
        INTEGER("integer"),
        DATE("date"),
        DATETIME("datetime"),
        STATUS("status"),
        /** A path relative to the work folder, linked from the site (which lives at work/site). */
        WORK_LINK("work-link");

        private final String yamlName;

        ColumnFormat(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
