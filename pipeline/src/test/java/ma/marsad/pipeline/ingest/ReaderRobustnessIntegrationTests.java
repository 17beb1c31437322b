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
import ma.marsad.pipeline.template.ReaderSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every reader over the public robustness corpora in {@code ../shared/corpora}: each file must end as rows or as a
 * {@link FileRejectedException} with a code, within 10 seconds, and csv-spectrum's rows must equal its expected JSON.
 */
class ReaderRobustnessIntegrationTests {

    private static final Duration PER_FILE = Duration.ofSeconds(10);
    private static final Set<String> CSV_EXTENSIONS = Set.of("csv", "tsv", "psv", "ssv", "txt");
    private static final Set<String> SPREADSHEET_EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "xlsb", "ods");
    private static final Set<String> JSON_EXTENSIONS = Set.of("json", "jsonl", "jsonld");
    /** Fields where csv-spectrum's own CSV and JSON disagree (the JSON has another phone number). */
    private static final Map<String, String> UPSTREAM_MISMATCHES =
            Map.of("location_coordinates.csv", "Contact Phone Number");

    private static final List<String> CORPORA =
            List.of("csv-spectrum", "csvw", "calamine", "apache-poi", "messytables", "synthetic-ministry-cases");

    @TestFactory
    Stream<DynamicTest> everyCorpusFileEndsAsRowsOrAFileRejection() throws IOException {
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
                    ReaderSettings settings = genericSettings(formatOf(file));
                    Outcome outcome = assertTimeoutPreemptively(PER_FILE, () -> readToTheEnd(file, settings));
                    assertThat(outcome.rejectionCode() == null ? outcome.rows() >= 0 : outcome.rejectionCode() != null)
                            .isTrue();
                }));
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
                    ReaderSettings settings =
                            new ReaderSettings(generic.format(), charset, ',', '"', null, 1, generic.jsonFields());

                    Outcome outcome = assertTimeoutPreemptively(PER_FILE, () -> readToTheEnd(file, settings));

                    assertThat(outcome.rejectionCode()).isEqualTo(expectation[2]);
                }));
    }

    private record Outcome(long rows, ReasonCode rejectionCode) {}

    private static Outcome readToTheEnd(Path file, ReaderSettings settings) {
        try (ReportReader reader = ReportReaders.open(file, settings)) {
            reader.header();
            long rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            reader.warnings();
            return new Outcome(rows, null);
        } catch (FileRejectedException e) {
            return new Outcome(0, e.code());
        }
    }

    private static ReaderSettings genericSettings(String format) {
        // a null sheet reads the first sheet; generic JSON reads two common field names
        return new ReaderSettings(format, StandardCharsets.UTF_8, ',', '"', null, 1, List.of("a", "b"));
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
