package ma.marsad.jobs.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code marsad validate} as a submitter or a script would, in its own JVM with the command line's logging, on
 * adversarial files of the shared corpus and on files written by hand exactly per the specification: standard output
 * is one JSON array, exit codes and counts follow the specification, nothing crashes, hangs or prints a stack trace.
 */
class ValidateCommandIntegrationTests {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String CORPUS = "corpora/synthetic-ministry-cases";

    @TempDir
    Path folder;

    /** The output of one run of the command. */
    record Run(int exit, String out, String err) {

        List<Map<String, Object>> files() throws IOException {
            Object parsed = parseSingleValue(out);
            assertThat(parsed).as("stdout is one JSON array:\n" + out).isInstanceOf(List.class);
            List<Map<String, Object>> files = new ArrayList<>();
            for (Object file : (List<?>) parsed) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) file;
                files.add(object);
            }
            return files;
        }
    }

    @Test
    void corpusFilesNeverCrashAndFollowTheContractOfTheJsonOutput() throws Exception {
        Path corpus = sharedFolder().resolve(CORPUS);
        List<String[]> manifest = manifest(corpus.resolve("MANIFEST.csv"));
        // the corpus uses its own columns, so every file is refused by our templates: the point is how
        Map<String, String> expectedCodes = Map.ofEntries(
                Map.entry("csv/struct_empty.csv", "NO_DATA"),
                Map.entry("csv/struct_header_only.csv", "NO_DATA"),
                Map.entry("csv/struct_unclosed_quote.csv", "UNCLOSED_QUOTE"),
                Map.entry("csv/enc_overlong_utf8.csv", "BAD_ENCODING"),
                Map.entry("csv/enc_windows1256_declared_utf8.csv", "BAD_ENCODING"),
                Map.entry("csv/enc_utf16le_bom.tsv", "UNSUPPORTED_FORMAT"),
                Map.entry("json/deep_nesting.json", "JSON_TOO_DEEP"),
                Map.entry("json/duplicate_keys.json", "JSON_DUPLICATE_KEY"),
                Map.entry("json/big_numbers.json", "JSON_NUMBER_TOO_LONG"),
                Map.entry("json/not_json_html_error_page.json", "NOT_JSON"),
                Map.entry("json/ndjson_truncated.jsonl", "JSON_TRUNCATED"),
                Map.entry("disguised/csv_named.xlsx", "NOT_XLSX"),
                Map.entry("disguised/text_truncated.xlsx", "NOT_XLSX"),
                Map.entry("disguised/html_table_named.xls", "UNSUPPORTED_FORMAT"),
                Map.entry("xlsx/xxe_shared_strings.xlsx", "UNSAFE_XML"),
                Map.entry("xlsx/entity_expansion.xlsx", "UNSAFE_XML"),
                Map.entry("xlsx/duplicate_zip_entry.xlsx", "NOT_XLSX"));
        Map<String, List<String[]>> byTemplate = new LinkedHashMap<>();
        for (String[] entry : manifest) {
            String file = entry[0];
            if (file.startsWith("names/")) {
                continue; // file names, not file contents
            }
            String template = file.endsWith(".json") || file.endsWith(".jsonl")
                    ? "startup-funding"
                    : file.endsWith(".xlsx") || file.endsWith(".xls") ? "telecom-quarterly" : "egov-requests";
            byTemplate.computeIfAbsent(template, t -> new ArrayList<>()).add(entry);
        }
        int checked = 0;
        for (Map.Entry<String, List<String[]>> group : byTemplate.entrySet()) {
            String submitter = group.getKey().equals("telecom-quarterly") ? "ANRT" : "ADD";
            List<String> arguments = new ArrayList<>(
                    List.of("validate", "--template", group.getKey(), "--submitter", submitter, "--format", "json"));
            for (String[] entry : group.getValue()) {
                arguments.add(corpus.resolve(entry[0]).toString());
            }

            Run run = marsad(arguments.toArray(String[]::new));

            List<Map<String, Object>> files = run.files();
            assertThat(files).hasSize(group.getValue().size());
            assertThat(run.exit()).as(group.getKey() + " " + run.err()).isEqualTo(4);
            assertNoStackTrace(run);
            for (int i = 0; i < files.size(); i++) {
                String name = group.getValue().get(i)[0];
                String expected = group.getValue().get(i)[2];
                Map<String, Object> file = files.get(i);
                assertThat(file.get("file")).isEqualTo(corpus.resolve(name).toString());
                assertFollowsTheContract(file, group.getKey(), submitter);
                if (expected.startsWith("REJECT_FILE")) {
                    assertThat(file.get("status")).as(name).isEqualTo("rejected");
                }
                if (expectedCodes.containsKey(name)) {
                    assertThat(fileErrorCode(file)).as(name).isEqualTo(expectedCodes.get(name));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
    }

    @Test
    void usageErrorsExitTwoWithNothingOnStandardOutput() throws Exception {
        Path file = Files.writeString(folder.resolve("a.csv"), "x\n1\n");
        Run unknownTemplate = marsad(
                "validate", "--template", "egov-request", "--submitter", "ADD", "--format", "json", file.toString());
        Run unknownSubmitter = marsad(
                "validate",
                "--template",
                "egov-requests",
                "--submitter",
                "NOBODY",
                "--format",
                "json",
                file.toString());
        Run missingFile = marsad(
                "validate", "--template", "egov-requests", "--submitter", "ADD", "--format", "json", file + ".missing");
        Run noFile = marsad("validate", "--template", "egov-requests", "--submitter", "ADD");

        for (Run run : List.of(unknownTemplate, unknownSubmitter, missingFile, noFile)) {
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertNoStackTrace(run);
        }
        assertThat(unknownTemplate.err()).contains("unknown template 'egov-request'", "egov-requests");
        assertThat(unknownSubmitter.err()).contains("NOBODY");
        assertThat(missingFile.err()).contains("a.csv.missing");
    }

    @Test
    void trainingFileFromOfpptInWindows1256WithArabicHeadersAndGroupedNumbers() throws Exception {
        // given 3 rows as OFPPT exports them: Arabic headers, Windows-1256, ';', '1 234'; row 3 has 300 women of 250
        // graduates (dont_femmes <= diplomes is broken)
        Path file = folder.resolve("ofppt-2026-s1.csv");
        Files.write(
                file,
                String.join(
                                "\r\n",
                                "السنة;الأسدس;رمز_الجهة;المتعهد;البرنامج;الشعبة;نوع_التكوين;المسجلون;الخريجون;منهم_النساء",
                                "2026;S1;6;مكتب التكوين المهني;تطوير المعلوميات;numerique;initiale;1 234;980;412",
                                "2026;S1;01;مكتب التكوين المهني;الذكاء الاصطناعي;ia;reconversion;2 015;1 102;530",
                                "2026;S1;08;مكتب التكوين المهني;الشبكات;numerique;initiale;400;250;300",
                                "")
                        .getBytes(Charset.forName("windows-1256")));

        // when
        Run run = marsad(
                "validate",
                "--template",
                "digital-training",
                "--submitter",
                "OFPPT",
                "--format",
                "json",
                file.toString());

        // then 3 read = 2 accepted + 1 quarantined, period 2026-S1, exit 3
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        Map<String, Object> result = run.files().get(0);
        assertFollowsTheContract(result, "digital-training", "OFPPT");
        assertThat(result).containsEntry("status", "accepted_with_quarantine").containsEntry("period", "2026-S1");
        assertThat(counts(result)).containsExactly(3L, 2L, 1L);
        Map<String, Object> error = rowErrors(result).get(0);
        assertThat(error)
                .containsEntry("row", 3L)
                .containsEntry("line", 4L)
                .containsEntry("code", "RULE_VIOLATION")
                .containsEntry("column", "dont_femmes")
                .containsEntry("header", "منهم_النساء")
                .containsEntry("cell", "line 4, column 10");
        assertThat((String) error.get("message"))
                .startsWith("ligne 4, colonne 10 : la règle « dont_femmes <= diplomes »");
    }

    @Test
    void telecomWorkbookWithTitleRowsAndTotalSourceFooter() throws Exception {
        // given the ANRT layout: title and note on rows 1-2, header on row 3, 3 data rows (text in fr-MA and number
        // cells), a blank row, then a Total row and a Source row
        Path file = folder.resolve("anrt-t3-2026.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Indicateurs");
            cells(sheet.createRow(0), "Indicateurs du marché des télécommunications — T3 2026");
            cells(sheet.createRow(1), "Note : parcs en fin de trimestre");
            cells(sheet.createRow(2), "Trimestre", "Indicateur", "Opérateur", "Valeur", "Unité");
            cells(sheet.createRow(3), "T3 2026", "parc_mobile", "IAM", "22 150 000", "abonnements");
            cells(sheet.createRow(4), "3e trimestre 2026", "parc_mobile", "ORANGE", 17_900_000.0, "abonnements");
            cells(sheet.createRow(5), "T3 2026", "taux_penetration_internet", "TOUS", "112,4", "pourcentage");
            cells(sheet.createRow(7), "Total", "", "", "40 050 000", "");
            cells(sheet.createRow(8), "Source : ANRT");
            workbook.write(out);
        }

        // when
        Run run = marsad(
                "validate",
                "--template",
                "telecom-quarterly",
                "--submitter",
                "ANRT",
                "--format",
                "json",
                file.toString());

        // then the 3 rows load, the footer is a warning (2 rows), exit 0
        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        Map<String, Object> result = run.files().get(0);
        assertFollowsTheContract(result, "telecom-quarterly", "ANRT");
        assertThat(result).containsEntry("status", "accepted").containsEntry("period", "2026-Q3");
        assertThat(counts(result)).containsExactly(3L, 3L, 0L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) result.get("warnings");
        assertThat(warnings).extracting(w -> w.get("code")).containsExactly("FOOTER_ROWS");
        assertThat((String) warnings.get(0).get("message")).startsWith("2 ligne(s) non vide(s)");
    }

    @Test
    void fundingNdjsonWithANumericStringAmount() throws Exception {
        // given 3 NDJSON events of October 2026; the second gives amount_mad as a string
        Path file = folder.resolve("funding-2026-10.ndjson");
        Files.writeString(file, """
                {"event_id":"E1","startup_id":"S1","startup_name":"Atlas AI","region_code":"06","sector":"santé","stage":"seed","amount_mad":2500000,"event_date":"2026-10-03"}
                {"event_id":"E2","startup_id":"S2","startup_name":"Souk Tech","region_code":"1","sector":"commerce","stage":"pre_seed","amount_mad":"1500000","event_date":"2026-10-09"}
                {"event_id":"E3","startup_id":"S3","startup_name":"Argan Data","region_code":"09","sector":"agriculture","stage":"series_a","programme":"Innov Invest","amount_mad":12000000.5,"event_date":"2026-10-21","valuation_mad":90000000}
                """);

        // when
        Run run = marsad(
                "validate",
                "--template",
                "startup-funding",
                "--submitter",
                "TAMWILCOM",
                "--format",
                "json",
                "--lang",
                "en",
                file.toString());

        // then
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        Map<String, Object> result = run.files().get(0);
        assertFollowsTheContract(result, "startup-funding", "TAMWILCOM");
        assertThat(result).containsEntry("status", "accepted_with_quarantine").containsEntry("period", "2026-10");
        assertThat(counts(result)).containsExactly(3L, 2L, 1L);
        assertThat(rowErrors(result).get(0))
                .containsEntry("row", 2L)
                .containsEntry("line", 2L)
                .containsEntry("code", "NUMBER_AS_STRING")
                .containsEntry("column", "amount_mad")
                .containsEntry("value", "1500000");
        assertThat((String) rowErrors(result).get(0).get("cell")).endsWith("/amount_mad");
    }

    @Test
    void aWorkbookWithAHugeSharedStringIsRejectedWithExitFourInsteadOfExhaustingTheHeap() throws Exception {
        // given: a workbook whose shared-string table holds one string of 200 million characters (400 MB as text,
        // more while it is built), read by a JVM of 512 MB
        Path bomb = hugeSharedStringWorkbook(folder.resolve("kpi-2026-T3.xlsx"), 200_000_000L);

        // when
        Run run = marsad(
                "validate",
                "--template",
                "ai-programme-quarterly",
                "--submitter",
                "JAZARI-NADOR",
                "--format",
                "json",
                bomb.toString());

        // then: the file is refused with the cell cap's reason code, and nothing crashed
        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        assertNoStackTrace(run);
        assertThat(fileErrorCode(run.files().get(0))).isEqualTo("CELL_TOO_LONG");
    }

    /** A sheet {@code KPI} whose one cell refers to a shared string of {@code chars} words, streamed to the file. */
    private static Path hugeSharedStringWorkbook(Path file, long chars) throws IOException {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        String contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + contentType + "sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + contentType
                        + "worksheet+xml\"/>"
                        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + contentType
                        + "sharedStrings+xml\"/></Types>");
        parts.put(
                "_rels/.rels",
                "<Relationships xmlns=\"" + packageRelationships + "\"><Relationship Id=\"rId1\" Type=\""
                        + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put(
                "xl/workbook.xml",
                "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relationships + "\">"
                        + "<sheets><sheet name=\"KPI\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put(
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"" + packageRelationships + "\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + relationships
                        + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"" + relationships
                        + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                        + "</Relationships>");
        parts.put(
                "xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"" + main + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                        + "</sheetData></worksheet>");
        String[] words = {"marsad", "rabat", "oujda", "fes", "souss", "draa", "nador", "ifrane", "tanger", "safi"};
        java.util.Random random = new java.util.Random(1);
        StringBuilder block = new StringBuilder();
        while (block.length() < 1 << 16) {
            block.append(words[random.nextInt(words.length)]).append(' ');
        }
        byte[] text = block.substring(0, 1 << 16).getBytes(StandardCharsets.US_ASCII);
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
            zip.write(("<sst xmlns=\"" + main + "\"><si><t>").getBytes(StandardCharsets.UTF_8));
            for (long left = chars; left > 0; left -= text.length) {
                zip.write(text, 0, (int) Math.min(left, text.length));
            }
            zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void severalFilesKeepTheirOrderAndTheWorstExitWins() throws Exception {
        // given a clean file, a file with 1,500 bad rows and 1 good one, and a rejected file
        String header = "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction";
        Path clean = Files.writeString(
                folder.resolve("clean.csv"), header + "\nR1,DGI-001,01,web,2026-11-27T09:00:00,,submitted,\n");
        StringBuilder many = new StringBuilder(header).append('\n');
        many.append("G1,DGI-001,01,web,2026-11-27T09:00:00,,submitted,\n");
        for (int i = 0; i < 1500; i++) {
            many.append("B").append(i).append(",DGI-001,13,web,2026-11-27T09:00:00,,submitted,\n");
        }
        Path bad = Files.writeString(folder.resolve("bad.csv"), many);
        Path rejected = Files.writeString(folder.resolve("rejected.csv"), "request_id\nR1\n");

        // when
        Run json = marsad(
                "validate",
                "--template",
                "egov-requests",
                "--submitter",
                "ADD",
                "--format",
                "json",
                clean.toString(),
                bad.toString(),
                rejected.toString());
        Run text =
                marsad("validate", "--template", "egov-requests", "--submitter", "ADD", "--lang", "ar", bad.toString());

        // then
        assertThat(json.exit()).isEqualTo(4);
        List<Map<String, Object>> files = json.files();
        assertThat(files)
                .extracting(f -> f.get("status"))
                .containsExactly("accepted", "accepted_with_quarantine", "rejected");
        assertThat(counts(files.get(1))).containsExactly(1501L, 1L, 1500L);
        assertThat(rowErrors(files.get(1))).hasSize(1000);
        assertThat(files.get(1)).containsEntry("row_errors_truncated", true);
        assertThat(fileErrorCode(files.get(2))).isEqualTo("MISSING_COLUMN");
        for (Map<String, Object> file : files) {
            assertFollowsTheContract(file, "egov-requests", "ADD");
        }

        // the Arabic text report: every line opens right to left, places and words in Arabic
        assertThat(text.exit()).isEqualTo(3);
        List<String> lines = text.out().lines().filter(l -> !l.isEmpty()).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("\u200F"));
        assertThat(text.out()).contains("الحالة", "مقبول مع أسطر معزولة", "السطر 3، العمود 3 (region_code)");
        assertThat(text.out()).doesNotContain("line 3");
    }

    @Test
    void spoofedFileNamesAndValuesAreShownAsEscapesAndTheJsonKeepsThemExact() throws Exception {
        assumeThat(System.getProperty("sun.jnu.encoding"))
                .as("file names beyond ASCII need a UTF-8 file system encoding")
                .isEqualTo("UTF-8");
        // given a CSV file whose name reads "demandes-vsc.xls" in a bidi-aware viewer, a code holding a next-line (C1)
        Path file = Files.writeString(
                folder.resolve("demandes-\u202Eslx.csv"),
                "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction\n"
                        + "R1,DGI-001,01,web,2026-11-27T09:00:00,,submitted,\n"
                        + "R2,DGI\u0085-001,01,web,2026-11-27T09:30:00,,submitted,\n");

        // when
        Run text = marsad("validate", "--template", "egov-requests", "--submitter", "ADD", file.toString());
        Run json = marsad(
                "validate", "--template", "egov-requests", "--submitter", "ADD", "--format", "json", file.toString());

        // then
        assertThat(text.exit()).as(text.out() + text.err()).isEqualTo(3);
        assertThat(text.out())
                .contains("demandes-<U+202E>slx.csv", "DGI<U+0085>-001")
                .doesNotContain("\u202E", "\u0085");
        assertThat(json.out()).doesNotContain("\u202E", "\u0085").contains("demandes-\\u202Eslx.csv");
        Map<String, Object> result = json.files().get(0);
        assertThat(result).containsEntry("file", file.toString());
        assertThat(rowErrors(result).get(0)).containsEntry("value", "DGI\u0085-001");
        assertThat((String) rowErrors(result).get(0).get("message")).contains("DGI<U+0085>-001");
    }

    // --- the contract of the JSON output

    private static void assertFollowsTheContract(Map<String, Object> file, String template, String submitter) {
        assertThat(file)
                .containsOnlyKeys(
                        "file",
                        "template",
                        "submitter",
                        "status",
                        "period",
                        "rows_read",
                        "rows_accepted",
                        "rows_quarantined",
                        "file_error",
                        "warnings",
                        "row_errors",
                        "row_errors_truncated");
        assertThat(file).containsEntry("template", template).containsEntry("submitter", submitter);
        List<Long> counts = counts(file);
        assertThat(counts.get(0))
                .as("rows_read = rows_accepted + rows_quarantined")
                .isEqualTo(counts.get(1) + counts.get(2));
        List<Map<String, Object>> rowErrors = rowErrors(file);
        assertThat(rowErrors.size()).isLessThanOrEqualTo(1000);
        String status = (String) file.get("status");
        assertThat(status).isIn("accepted", "accepted_with_quarantine", "rejected");
        if (status.equals("rejected")) {
            assertThat(counts).containsExactly(0L, 0L, 0L);
            assertThat(file.get("period")).isNull();
            assertThat(fileErrorCode(file)).isNotNull();
            if (!List.of("NO_VALID_ROWS", "KEY_CONFLICT").contains(fileErrorCode(file))) {
                assertThat(rowErrors).isEmpty();
            }
        } else {
            assertThat(file.get("file_error")).isNull();
            assertThat(file.get("period")).isNotNull();
            assertThat(status.equals("accepted")).isEqualTo(counts.get(2) == 0L);
        }
        for (Map<String, Object> error : rowErrors) {
            assertThat(error).containsOnlyKeys("row", "line", "cell", "column", "header", "code", "value", "message");
            assertThat((String) error.get("message")).doesNotContain("—");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowErrors(Map<String, Object> file) {
        return (List<Map<String, Object>>) file.get("row_errors");
    }

    private static List<Long> counts(Map<String, Object> file) {
        return List.of(
                (Long) file.get("rows_read"), (Long) file.get("rows_accepted"), (Long) file.get("rows_quarantined"));
    }

    @SuppressWarnings("unchecked")
    private static String fileErrorCode(Map<String, Object> file) {
        Object error = file.get("file_error");
        return error == null ? null : (String) ((Map<String, Object>) error).get("code");
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    // --- running the command

    private Run marsad(String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "ma.marsad.jobs.MarsadApplication"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("marsad " + String.join(" ", arguments) + " did not finish in 120 s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Object parseSingleValue(String text) throws IOException {
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            Object value = read(parser);
            assertThat(parser.nextToken()).as("nothing after the JSON array").isNull();
            return value;
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(parser));
                }
                return list;
            }
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, read(parser));
                }
                return map;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new AssertionError("unexpected JSON token " + token);
        }
    }

    // --- fixtures

    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Double number) {
                row.createCell(i).setCellValue(number);
            } else if (!((String) values[i]).isEmpty()) {
                row.createCell(i).setCellValue((String) values[i]);
            }
        }
    }

    private static List<String[]> manifest(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)
                .subList(1, Files.readAllLines(file).size())) {
            rows.add(csvFields(line));
        }
        return rows;
    }

    /** The fields of a simple quoted CSV line ("" escapes a quote). */
    private static String[] csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    /** {@code ../shared} next to the repository; skipped when absent unless CI=true. */
    private static Path sharedFolder() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path shared = directory.resolveSibling("shared");
            if (Files.isDirectory(shared.resolve(CORPUS))) {
                return shared;
            }
            directory = directory.getParent();
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(
                    "../shared/" + CORPUS + " is missing; CI needs the shared corpora next to the" + " repository");
        }
        assumeThat(false)
                .as("../shared/" + CORPUS + " is absent: corpus checks skipped")
                .isTrue();
        return null;
    }
}
