package ma.marsad.pipeline.ingest;

/**
 * One cell as a reader found it, before any validation.
 *
 * @param text the cell's text as submitted (CSV field, XLSX formatted/raw string, JSON scalar as text); null when
 *     the cell is absent or empty
 * @param typed a value the format itself typed, or null: {@code Double} for an XLSX number cell, {@code
 *     java.time.LocalDateTime} for a date-styled XLSX cell, {@code Boolean}; for JSON a {@code java.math.BigDecimal}
 *     number, a {@code String} string, a {@code Boolean}, or {@link #JSON_NULL}
 * @param ref where the cell is, as shown to submitters: {@code line 8, column 3}, {@code Sheet!C7}, {@code /12/amount_mad}
 * @param readerError a reason code set by the reader when the cell could not be read (e.g. FORMULA_ERROR), else null
 */
public record RawCell(String text, Object typed, String ref, ReasonCodeRef readerError) {

    /** Marks an explicit JSON {@code null}. */
    public static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A reason code with the raw detail, kept apart from the quality package to avoid a cycle. */
    public record ReasonCodeRef(String code, String detail) {}

    public static RawCell text(String text, String ref) {
        return new RawCell(text, null, ref, null);
    }

    public boolean isBlank() {
        return readerError == null && typed == null && (text == null || text.isBlank());
    }
}
