package ma.marsad.pipeline.template;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * How a template's files are laid out, before any submitter-specific choice.
 *
 * @param encoding declared encoding of CSV files (a byte-order mark wins over it)
 * @param submitterEncodings encodings declared for given submitters of this template
 * @param delimiter CSV delimiter
 * @param quote CSV quote character
 * @param sheet XLSX sheet name, or null
 * @param headerRow 1-based line (CSV) or sheet row (XLSX) of the header
 * @param limits the caps on what one file may make the reader hold ({@code max_rows}, {@code max_columns}, {@code
 *     max_cell_chars})
 */
public record ReaderOptions(
        Charset encoding,
        Map<String, Charset> submitterEncodings,
        char delimiter,
        char quote,
        String sheet,
        int headerRow,
        ReaderLimits limits) {

    public ReaderOptions {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(limits, "limits");
        submitterEncodings = Map.copyOf(submitterEncodings);
        if (headerRow < 1) {
            throw new IllegalArgumentException("header row must be 1 or more, got " + headerRow);
        }
    }
}
