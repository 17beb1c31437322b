package ma.marsad.pipeline.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import ma.marsad.pipeline.template.ReaderSettings;

/**
 * Opens the streaming reader that fits a template's file format.
 *
 * <p>File errors use these reason codes, each thrown as a {@link FileRejectedException} whose arguments hold what the
 * submitter's message needs: {@code BAD_ENCODING} ({@code byteOffset}, 0-based, {@code line}, {@code charset}), {@code
 * WRONG_ENCODING}, {@code UNCLOSED_QUOTE} ({@code line}), {@code NO_DATA}, {@code SHEET_MISSING} ({@code sheet},
 * {@code available}), {@code NOT_XLSX}, {@code UNSAFE_XML}, {@code ZIP_BOMB}, {@code NOT_JSON}, {@code JSON_TOO_DEEP},
 * {@code JSON_DUPLICATE_KEY}, {@code JSON_NUMBER_TOO_LONG}, {@code JSON_TRUNCATED}. Cell errors set by readers are
 * {@code FORMULA_ERROR} and {@code FORMULA_NO_CACHED_VALUE}; the row error {@code NOT_AN_OBJECT} marks a JSON element
 * that is not an object; the warning {@code FOOTER_ROWS} ({@code count}) reports XLSX rows after the data.
 */
public final class ReportReaders {

    private ReportReaders() {}

    /**
     * Opens {@code file} with the reader for {@code settings.format()}: {@code csv}, {@code xlsx} or {@code json} (an
     * array of objects or NDJSON). Rows are read on demand from {@link ReportReader#header()} and {@link
     * ReportReader#next()}; opening checks a CSV file declared Windows-1256 for UTF-8 content, and opens an XLSX
     * package with its workbook, styles, shared strings and merged ranges. The caller closes the reader.
     *
     * @throws FileRejectedException when the file is rejected while opening
     * @throws IllegalArgumentException for an unknown format (a configuration error)
     */
    public static ReportReader open(Path file, ReaderSettings settings) throws FileRejectedException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(settings, "settings");
        String format = settings.format() == null ? "" : settings.format().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "csv" -> CsvReportReader.open(file, settings);
            case "xlsx" -> XlsxReportReader.open(file, settings);
            case "json" -> JsonReportReader.open(file, settings);
            default ->
                throw new IllegalArgumentException(
                        "Unknown report format '" + settings.format() + "': use csv, xlsx or json");
        };
    }

    /** The format of a file from its extension: csv, xlsx, or json (also .ndjson and .jsonl). */
    public static Optional<String> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of("csv");
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of("xlsx");
        }
        if (name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of("json");
        }
        return Optional.empty();
    }

    /** The file's extension with its dot, as a rejection names it; the whole name when it has none. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot);
    }
}
