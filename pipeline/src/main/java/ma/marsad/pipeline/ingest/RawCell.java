package ma.marsad.pipeline.ingest;

import java.util.Objects;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * One cell as a reader found it, before any validation.
 *
 * <p>A CSV cell keeps its line and column as two ints and formats its reference only when asked ({@link #csv}): a
 * reference is needed for the few cells that fail, while building one per cell cost about 40% of the CSV reader's
 * throughput. Equality is by value, as for a record.
 */
public final class RawCell {

    /** Marks an explicit JSON {@code null}. */
    public static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A reason code with the raw detail. */
    public record ReasonCodeRef(ReasonCode code, String detail) {}

    private final String text;
    private final Object typed;
    private final ReasonCodeRef readerError;
    private final int line;
    private final int column;
    private String ref;

    /**
     * @param text the cell's text as submitted (CSV field, XLSX formatted/raw string, JSON scalar as text); null when
     *     the cell is absent or empty
     * @param typed a value the format itself typed, or null: {@code Double} for an XLSX number cell, {@code
     *     java.time.LocalDateTime} for a date-styled XLSX cell, {@code Boolean}; for JSON a {@code
     *     java.math.BigDecimal} number, a {@code String} string, a {@code Boolean}, or {@link #JSON_NULL}
     * @param ref where the cell is, as shown to submitters: {@code line 8, column 3}, {@code Sheet!C7}, {@code
     *     /12/amount_mad}
     * @param readerError a reason code set by the reader when the cell could not be read (e.g. FORMULA_ERROR), else
     *     null
     */
    public RawCell(String text, Object typed, String ref, ReasonCodeRef readerError) {
        this.text = text;
        this.typed = typed;
        this.ref = ref;
        this.readerError = readerError;
        this.line = 0;
        this.column = 0;
    }

    private RawCell(String text, int line, int column) {
        this.text = text;
        this.typed = null;
        this.readerError = null;
        this.line = line;
        this.column = column;
    }

    public static RawCell text(String text, String ref) {
        return new RawCell(text, null, ref, null);
    }

    /** A CSV field whose reference {@code line <line>, column <column>} (both 1-based) is formatted on demand. */
    static RawCell csv(String text, int line, int column) {
        return new RawCell(text, line, column);
    }

    public String text() {
        return text;
    }

    public Object typed() {
        return typed;
    }

    /** Where the cell is, as shown to submitters: {@code line 8, column 3}, {@code Sheet!C7}, {@code /12/amount_mad}. */
    public String ref() {
        String value = ref;
        if (value == null && line > 0) {
            value = "line " + line + ", column " + column;
            ref = value; // benign race: every thread computes the same string
        }
        return value;
    }

    public ReasonCodeRef readerError() {
        return readerError;
    }

    public boolean isBlank() {
        return readerError == null && typed == null && (text == null || text.isBlank());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawCell cell
                && Objects.equals(text, cell.text)
                && Objects.equals(typed, cell.typed)
                && Objects.equals(ref(), cell.ref())
                && Objects.equals(readerError, cell.readerError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, typed, ref(), readerError);
    }

    @Override
    public String toString() {
        return "RawCell[text=" + text + ", typed=" + typed + ", ref=" + ref() + ", readerError=" + readerError + "]";
    }
}
