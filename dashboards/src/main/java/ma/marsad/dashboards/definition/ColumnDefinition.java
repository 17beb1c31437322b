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
        /** A number with up to four decimals, as indices such as the UN's EGDI are published. */
        PRECISE("precise"),
        INTEGER("integer"),
        DATE("date"),
        DATETIME("datetime"),
        STATUS("status"),
        /** A period key (2026-Q3, 2026-11): kept on one line and isolated from the text around it. */
        PERIOD("period"),
        /** A term shown in the page's language when messages.yml has {@code term.<value>}, else as written. */
        TERM("term"),
        /**
         * A submitter's feedback report, as {@code submission.feedback_path} gives it (relative to the work folder):
         * copied into the site and linked in the page's language when that version exists.
         */
        FEEDBACK_REPORT("feedback-report");

        private final String yamlName;

        ColumnFormat(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
