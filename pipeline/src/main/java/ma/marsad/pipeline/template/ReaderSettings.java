package ma.marsad.pipeline.template;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What a reader needs to know about a template's file format, resolved for one submitter.
 *
 * @param format csv, xlsx, json
 * @param charset declared encoding for CSV (a byte-order mark wins over it)
 * @param delimiter CSV field delimiter
 * @param quote CSV quote character
 * @param sheet XLSX sheet name (matched ignoring case)
 * @param headerRow 1-based row/line of the header
 * @param jsonFields for JSON: the field names of the contract, in order (the reader's header)
 * @param limits what one file may make the reader hold; null for the defaults
 */
public record ReaderSettings(
        String format,
        Charset charset,
        char delimiter,
        char quote,
        String sheet,
        int headerRow,
        List<String> jsonFields,
        ReaderLimits limits) {

    public ReaderSettings {
        limits = limits == null ? ReaderLimits.DEFAULTS : limits;
    }
}
