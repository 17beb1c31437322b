package ma.marsad.pipeline.ingest;

import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * Streams the data rows of one report file. Implementations never hold the whole file in memory.
 *
 * <p>File-level problems (encoding, structure, unsafe content) are thrown as {@link FileRejectedException}, from
 * {@link #header()} or from {@link #next()}; nothing else escapes except I/O failures of the storage itself.
 */
public interface ReportReader extends AutoCloseable {

    /** The header cells as submitted, in column order (for JSON: the field names the reader was asked for). */
    List<String> header() throws FileRejectedException;

    /** The next data row, or null at the end of the data. */
    RawRow next() throws FileRejectedException;

    /** Non-fatal observations made while reading (e.g. footer rows after the data), available after the last row. */
    default List<ReaderWarning> warnings() {
        return List.of();
    }

    @Override
    void close();

    /**
     * A warning with a reason code and the values that explain it.
     *
     * @param arguments values for the submitter's message (e.g. {@code count} for {@code FOOTER_ROWS})
     */
    record ReaderWarning(ReasonCode code, String detail, Map<String, Object> arguments) {

        public ReaderWarning {
            arguments = Map.copyOf(arguments);
        }

        public ReaderWarning(ReasonCode code, String detail) {
            this(code, detail, Map.of());
        }
    }
}
