package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.quality.ReasonCode.Severity;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every reader over the public robustness corpora in {@code ../shared/corpora}, with the default caps and with caps
 * some files exceed: no exception but a {@link FileRejectedException} leaves a reader, each file ends within 10 seconds
 * as accepted, quarantined (rows with a row-level reason code) or rejected (a file-level one), and never yields more
 * rows, fields or characters than the caps allow. csv-spectrum's rows must equal its expected JSON.
 */
class ReaderRobustnessIntegrationTests {

    private static final Duration PER_FILE = Duration.ofSeconds(10);
    private static final Set<String> CSV_EXTENSIONS = Set.of("csv", "tsv", "psv", "ssv", "txt");
    private static final Set<String> SPREADSHEET_EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "xlsb", "ods");
    private static final Set<String> JSON_EXTENSIONS = Set.of("json", "jsonl", "jsonld");
    /** Fields where csv-spectrum's own CSV and JSON disagree (the JSON has another phone number). */
    private static final Map<String, String> UPSTREAM_MISMATCHES =
            Map.of("location_coordinates.csv", "Contact Phone Number");

    /** Caps some corpus files exceed, so that they are met and must hold: 1,000 rows, 40 fields, 2,000 characters. */
    private static final ReaderLimits TIGHT_CAPS = new ReaderLimits(1_000, 40, 2_000);

    private static final List<String> CORPORA =
            List.of("csv-spectrum", "csvw", "calamine", "apache-poi", "messytables", "synthetic-ministry-cases");

    @TestFactory
    Stream<DynamicTest> everyCorpusFileEndsAcceptedQuarantinedOrRejectedWithinTheCaps() throws IOException {
        Path corpora = corpora();
        List<Path> files = new ArrayList<>();
        for (String corpus : CORPORA) {
            Path folder = corpora.resolve(corpus);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile)
                            .filter(file -> formatOf(file) != null)
                            .sorted()
                            .forEach(files::add);
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(500);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(corpora.relativize(file).toString(), () -> {
                    for (ReaderLimits caps : List.of(ReaderLimits.DEFAULTS, TIGHT_CAPS)) {
                        ReaderSettings settings = genericSettings(formatOf(file), caps);
                        Reading reading = assertTimeoutPreemptively(PER_FILE, () -> readToTheEnd(file, settings));
                        assertEndsWellWithin(reading, caps);
                    }
                }));
    }

    /**
     * A file ends in one of three ways, each with a known reason code where it has one, and the reader never hands out
     * more rows, fields or characters than its caps allow.
     */
    private static void assertEndsWellWithin(Reading reading, ReaderLimits caps) {
        assertThat(reading.escaped()).as("what escaped the reader").isNull();
        switch (reading.ending()) {
            case ACCEPTED -> assertThat(reading.code()).isNull();
            case QUARANTINED -> {
                assertThat(reading.code().severity()).as(reading.code().name()).isEqualTo(Severity.ROW);
                assertThat(reading.rows()).isPositive();
            }
            case REJECTED -> {
                assertThat(reading.code().severity()).as(reading.code().name()).isEqualTo(Severity.FILE);
                assertThat(reading.rows()).isZero();
            }
        }
        assertThat(reading.warnings()).allMatch(code -> code.severity() == Severity.WARNING);
        assertThat(reading.rows()).isLessThanOrEqualTo(caps.maxRows());
        assertThat(reading.widestRow()).isLessThanOrEqualTo(caps.maxColumns());
        assertThat(reading.longestCell()).isLessThanOrEqualTo(caps.maxCellChars());
    }

    @TestFactory
    Stream<DynamicTest> csvSpectrumRowsEqualTheExpectedJson() throws IOException {
        Path spectrum = corpora().resolve("csv-spectrum");
        List<Path> csvs;
        try (Stream<Path> list = Files.list(spectrum.resolve("csvs"))) {
            csvs = list.filter(file -> file.toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
        assertThat(csvs).hasSizeGreaterThanOrEqualTo(12);
        return csvs.stream()
                .map(csv -> DynamicTest.dynamicTest(csv.getFileName().toString(), () -> {
                    Path json = spectrum.resolve("json")
                            .resolve(csv.getFileName().toString().replace(".csv", ".json"));
                    List<Map<String, String>> expected = readExpected(json);

                    List<Map<String, String>> actual = new ArrayList<>();
                    try (ReportReader reader = ReportReaders.open(csv, genericSettings("csv"))) {
                        List<String> header = reader.header();
                        RawRow row;
                        while ((row = reader.next()) != null) {
                            Map<String, String> record = new LinkedHashMap<>();
                            for (int i = 0; i < header.size(); i++) {
                                String text = i < row.cells().size()
                                        ? row.cells().get(i).text()
                                        : null;
                                // csv-spectrum writes an empty field as ""; the reader reports it as absent text
                                record.put(header.get(i), text == null ? "" : text);
                            }
                            actual.add(record);
                        }
                    }

                    String ignored = UPSTREAM_MISMATCHES.get(csv.getFileName().toString());
                    if (ignored != null) {
                        actual.forEach(row -> row.remove(ignored));
                        expected.forEach(row -> row.remove(ignored));
                    }
                    assertThat(actual).isEqualTo(expected);
                }));
    }

    @TestFactory
    Stream<DynamicTest> syntheticMinistryCasesEndAsTheSpecificationSays() {
        Path cases = corpora().resolve("synthetic-ministry-cases");
        Charset windows1256 = Charset.forName("windows-1256");
        // file, declared charset, expected reason code (null: rows are read)
        List<Object[]> expectations = List.of(
                new Object[] {"csv/enc_windows1256_declared_utf8.csv", StandardCharsets.UTF_8, ReasonCode.BAD_ENCODING},
                new Object[] {"csv/enc_overlong_utf8.csv", StandardCharsets.UTF_8, ReasonCode.BAD_ENCODING},
                new Object[] {"csv/enc_windows1256_arabic.csv", windows1256, null},
                new Object[] {"csv/enc_utf8_ar_fr_tifinagh.csv", windows1256, ReasonCode.WRONG_ENCODING},
                new Object[] {"csv/enc_utf8_bom.csv", windows1256, null},
                new Object[] {"csv/struct_unclosed_quote.csv", StandardCharsets.UTF_8, ReasonCode.UNCLOSED_QUOTE},
                new Object[] {"csv/struct_empty.csv", StandardCharsets.UTF_8, ReasonCode.NO_DATA},
                new Object[] {"csv/struct_header_only.csv", StandardCharsets.UTF_8, ReasonCode.NO_DATA},
                new Object[] {"xlsx/xxe_shared_strings.xlsx", null, ReasonCode.UNSAFE_XML},
                new Object[] {"xlsx/entity_expansion.xlsx", null, ReasonCode.UNSAFE_XML},
                new Object[] {"xlsx/high_inflate_ratio.xlsx", null, ReasonCode.ZIP_BOMB},
                new Object[] {"xlsx/duplicate_zip_entry.xlsx", null, ReasonCode.NOT_XLSX},
                new Object[] {"xlsx/sst_count_lies.xlsx", null, ReasonCode.NOT_XLSX},
                new Object[] {"disguised/csv_named.xlsx", null, ReasonCode.NOT_XLSX},
                new Object[] {"disguised/text_truncated.xlsx", null, ReasonCode.NOT_XLSX},
                new Object[] {"json/deep_nesting.json", null, ReasonCode.JSON_TOO_DEEP},
                new Object[] {"json/duplicate_keys.json", null, ReasonCode.JSON_DUPLICATE_KEY},
                new Object[] {"json/big_numbers.json", null, ReasonCode.JSON_NUMBER_TOO_LONG},
                new Object[] {"json/not_json_html_error_page.json", null, ReasonCode.NOT_JSON},
                new Object[] {"json/ndjson_truncated.jsonl", null, ReasonCode.JSON_TRUNCATED});
        return expectations.stream()
                .map(expectation -> DynamicTest.dynamicTest((String) expectation[0], () -> {
                    Path file = cases.resolve((String) expectation[0]);
                    ReaderSettings generic = genericSettings(formatOf(file));
                    Charset charset = expectation[1] == null ? generic.charset() : (Charset) expectation[1];
                    ReaderSettings settings = new ReaderSettings(
                            generic.format(), charset, ',', '"', null, 1, generic.jsonFields(), ReaderLimits.DEFAULTS);

                    Reading reading = assertTimeoutPreemptively(PER_FILE, () -> readToTheEnd(file, settings));

                    assertThat(reading.escaped()).isNull();
                    assertThat(reading.ending() == Ending.REJECTED ? reading.code() : null)
                            .isEqualTo(expectation[2]);
                }));
    }

    private enum Ending {
        /** Every row read, none carrying a reason. */
        ACCEPTED,
        /** Rows read, some carrying a row-level reason the validator quarantines them for. */
        QUARANTINED,
        /** The reader refused the file. */
        REJECTED
    }

    /**
     * How reading a file ended.
     *
     * @param code the first row-level reason for {@link Ending#QUARANTINED}, the file's for {@link Ending#REJECTED}
     * @param escaped anything else the reader threw, which it must never do
     */
    private record Reading(
            Ending ending,
            ReasonCode code,
            long rows,
            int widestRow,
            int longestCell,
            List<ReasonCode> warnings,
            Throwable escaped) {}

    private static Reading readToTheEnd(Path file, ReaderSettings settings) {
        long rows = 0;
        int widestRow = 0;
        int longestCell = 0;
        ReasonCode rowCode = null;
        try (ReportReader reader = ReportReaders.open(file, settings)) {
            List<String> header = reader.header();
            widestRow = header.size();
            for (String name : header) {
                longestCell = Math.max(longestCell, name.length());
            }
            RawRow row;
            while ((row = reader.next()) != null) {
                rows++;
                widestRow = Math.max(widestRow, row.cells().size());
                if (rowCode == null && row.rowError() != null) {
                    rowCode = row.rowError().code();
                }
                for (RawCell cell : row.cells()) {
                    longestCell = Math.max(
                            longestCell, cell.text() == null ? 0 : cell.text().length());
                    if (rowCode == null && cell.readerError() != null) {
                        rowCode = cell.readerError().code();
                    }
                }
            }
            List<ReasonCode> warnings = reader.warnings().stream()
                    .map(ReportReader.ReaderWarning::code)
                    .toList();
            Ending ending = rowCode == null ? Ending.ACCEPTED : Ending.QUARANTINED;
            return new Reading(ending, rowCode, rows, widestRow, longestCell, warnings, null);
        } catch (FileRejectedException e) {
            return new Reading(Ending.REJECTED, e.code(), 0, widestRow, longestCell, List.of(), null);
        } catch (RuntimeException | Error e) {
            return new Reading(null, null, rows, widestRow, longestCell, List.of(), e);
        }
    }

    private static ReaderSettings genericSettings(String format) {
        return genericSettings(format, ReaderLimits.DEFAULTS);
    }

    private static ReaderSettings genericSettings(String format, ReaderLimits caps) {
        // a null sheet reads the first sheet; generic JSON reads two common field names
        return new ReaderSettings(format, StandardCharsets.UTF_8, ',', '"', null, 1, List.of("a", "b"), caps);
    }

    private static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (CSV_EXTENSIONS.contains(extension)) {
            return "csv";
        }
        if (SPREADSHEET_EXTENSIONS.contains(extension)) {
            return "xlsx";
        }
        if (JSON_EXTENSIONS.contains(extension)) {
            return "json";
        }
        return null;
    }

    private static List<Map<String, String>> readExpected(Path json) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json.toFile())) {
            // most expected files are an array of objects; location_coordinates.json is a single object
            boolean array = parser.nextToken() == JsonToken.START_ARRAY;
            while ((array ? parser.nextToken() : parser.currentToken()) == JsonToken.START_OBJECT) {
                Map<String, String> row = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    row.put(name, parser.getText());
                }
                rows.add(row);
                if (!array) {
                    break;
                }
            }
        }
        return rows;
    }

    /** {@code ../shared/corpora} beside the repository root, found by walking up from the working directory. */
    private static Path corpora() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path parent = directory.getParent();
            if (parent != null && Files.isDirectory(parent.resolve("shared").resolve("corpora"))) {
                return parent.resolve("shared").resolve("corpora");
            }
            directory = parent;
        }
        String reason = "../shared/corpora not found beside the repository root";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " (required when CI=true)");
        }
        Assumptions.abort(reason);
        return null;
    }
}
