package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raises reason codes through real files and the real readers, and reads every message a submitter would get in
 * French, Arabic and English: each must name all its values (no {@link Messages#MISSING} placeholder) and CSV places
 * must be in the message's language.
 */
class ReasonCodeMessagesTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.shipped();
    private static final String EGOV_HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction";
    private static final String EGOV_ROW = ",DGI-001,01,web,2026-11-27T09:00:00,,submitted,";

    @TempDir
    Path folder;

    private static final Messages MESSAGES = Messages.shipped();
    private final SubmissionValidator validator = new SubmissionValidator(CATALOG, ReportReaders::open);
    private final ValidationReport report = new ValidationReport(MESSAGES);
    private final List<ValidationReport.Entry> entries = new ArrayList<>();

    @Test
    void everyCodeRaisedByRealFilesHasAFullMessageInEveryLanguage() throws Exception {
        // row errors and warnings: one egov file with a valid row and one bad row per problem
        validateEgovCsv(
                EGOV_HEADER + ",remarque",
                "R1" + EGOV_ROW + ",ok",
                "R2,DGI-001,01,web", // FIELD_COUNT
                "R3,,01,web,2026-11-27T09:00:00,,submitted,,x", // REQUIRED
                "R4,DGI-001,13,web,2026-11-27T09:00:00,,submitted,,x", // BAD_REGION
                "R5,DGI-001,01,fax,2026-11-27T09:00:00,,submitted,,x", // BAD_ENUM
                "R6,dgi1,01,web,2026-11-27T09:00:00,,submitted,,x", // PATTERN_MISMATCH
                "R7,DGI-001,01,web,2026-11-27T09:00:00,2026-13-01T00:00:00,submitted,,x", // BAD_DATE
                "R8,DGI-001,01,web,2026-11-27T09:00:00,,submitted,4.5,x", // NOT_AN_INTEGER
                "R9,DGI-001,01,web,2026-11-27T09:00:00,,submitted,9,x", // OUT_OF_RANGE
                "R10,DGI-001,01,web,2026-11-27T09:00:00,2026-11-26T09:00:00,completed,,x", // RULE_VIOLATION
                "R11\u0001,DGI-001,01,web,2026-11-27T09:00:00,,submitted,,x", // CONTROL_CHARACTER
                "R12,DGI-001,01,web,2026-11-27T09:00:00,,submitted,5 %,x", // UNIT_IN_VALUE
                "R1" + EGOV_ROW + ",ok", // DUPLICATE_ROW
                "R13" + "y".repeat(10_001) + ",DGI-001,01,web,2026-11-27T09:00:00,,submitted,,x"); // TOO_LONG
        validate(
                "digital-economy-annual",
                "MEF",
                csv(
                        "economie.csv",
                        StandardCharsets.UTF_8,
                        "annee;indicateur;valeur;unite;source",
                        "2025;emplois_ia;1 200;emplois;MEF",
                        "2025;emplois_offshoring;1.5;emplois;MEF", // AMBIGUOUS_NUMBER
                        "2025;exportations_numeriques;12 34;MAD;MEF", // NOT_A_NUMBER
                        "1999;contribution_pib_ia;12;MAD;MEF")); // BAD_PERIOD
        validate("startup-funding", "ADD", json("funding.json", """
                [{"event_id": "E1", "startup_id": "S1", "startup_name": "Atlas", "region_code": "06",
                  "sector": "santé", "stage": "seed", "amount_mad": 1000, "event_date": "2026-10-01"},
                 {"event_id": "E2", "startup_id": "S1", "startup_name": "Atlas", "region_code": "06",
                  "sector": "santé", "stage": "seed", "amount_mad": "1000", "event_date": "2026-10-02"},
                 {"event_id": "E3", "startup_id": "S1", "startup_name": "Atlas", "region_code": "06",
                  "sector": "santé", "stage": "seed", "amount_mad": true, "event_date": "2026-10-02"},
                 {"event_id": "E4", "startup_id": "S1", "startup_name": "Atlas", "region_code": "06",
                  "sector": "santé", "stage": "seed", "amount_mad": 1000.125, "event_date": "2026-10-03"},
                 42]
                """));
        validate("ai-programme-quarterly", "JAZARI-NADOR", json("ai.json", """
                [{"trimestre": "T1 2026", "code_entite": "JAZARI-NADOR", "type_entite": "institut",
                  "code_region": "02", "talents_formes": 10, "projets_pilotes_lances": 1, "startups_accompagnees": 2,
                  "ateliers": 3, "chercheurs": 4, "budget_engage_mad": 100, "budget_execute_mad": 150,
                  "statut_operationnel": "oui"}]
                """)); // BUDGET_ABOVE_ENGAGED
        validate("telecom-quarterly", "ANRT", workbook("telecom.xlsx", "Indicateurs", sheet -> {
            row(sheet, 2, "trimestre", "indicateur", "operateur", "valeur", "unite");
            row(sheet, 3, "T3 2026", "parc_mobile", "IAM", "55 000 000", "abonnements");
            row(sheet, 5, "Total", "", "", "55 000 000", "");
            row(sheet, 6, "Source : ANRT");
        })); // FOOTER_ROWS
        validate("eservices-catalogue", "MTNRA", workbook("catalogue.xlsx", "Services", sheet -> {
            row(
                    sheet,
                    0,
                    "code_service",
                    "intitule_fr",
                    "intitule_ar",
                    "code_ministere",
                    "public_cible",
                    "niveau_digitalisation",
                    "date_situation");
            row(sheet, 1, "DGI-001", "Déclaration", "تصريح", "DGI", "citoyens", "4", "28/11/2026");
            row(sheet, 2, "DGI-002", "Paiement", "Paiement", "DGI", "citoyens", "4", "28/11/2026"); // NOT_ARABIC
        }));

        // file errors
        validate("egov-requests", "NOBODY", csv("a.csv", StandardCharsets.UTF_8, EGOV_HEADER, "R1" + EGOV_ROW));
        validate("egov-requests", "ADD", bytes("b.csv", (EGOV_HEADER + "\nR1\u00ff" + EGOV_ROW + "\n"), "ISO-8859-1"));
        validate(
                "digital-training",
                "OFPPT",
                csv(
                        "c.csv",
                        StandardCharsets.UTF_8,
                        "annee;semestre;code_region;operateur;programme;filiere;type_formation;inscrits;diplomes;dont_femmes",
                        "2026;S1;06;مكتب التكوين المهني;P;ia;initiale;10;5;2")); // WRONG_ENCODING
        validate(
                "egov-requests",
                "ADD",
                csv(
                        "d.csv",
                        StandardCharsets.UTF_8,
                        EGOV_HEADER + ",id_demande",
                        "R1" + EGOV_ROW + ",R1")); // DUPLICATE_HEADER
        validate(
                "egov-requests",
                "ADD",
                csv("e.csv", StandardCharsets.UTF_8, EGOV_HEADER + ",", "R1" + EGOV_ROW + ",x")); // BLANK_HEADER
        validate("egov-requests", "ADD", csv("f.csv", StandardCharsets.UTF_8, "request_id", "R1")); // MISSING_COLUMN
        validate("egov-requests", "ADD", csv("g.csv", StandardCharsets.UTF_8, EGOV_HEADER, "\"R1" + EGOV_ROW));
        validate("egov-requests", "ADD", csv("h.csv", StandardCharsets.UTF_8, EGOV_HEADER)); // NO_DATA
        validate("telecom-quarterly", "ANRT", workbook("i.xlsx", "Feuil1", sheet -> row(sheet, 0, "x")));
        validate("telecom-quarterly", "ANRT", csv("j.xlsx", StandardCharsets.UTF_8, "not,a,workbook"));
        validate("startup-funding", "ADD", json("k.json", "<html><body>502 Bad Gateway</body></html>"));
        validate("startup-funding", "ADD", json("l.json", "[{\"event_id\": " + "[".repeat(40) + "]".repeat(40) + "}]"));
        validate("startup-funding", "ADD", json("m.json", "[{\"event_id\": \"a\", \"event_id\": \"b\"}]"));
        validate("startup-funding", "ADD", json("n.json", "[{\"amount_mad\": " + "9".repeat(1001) + "}]"));
        validate("startup-funding", "ADD", json("o.json", "[{\"event_id\": \"E1\""));
        validate(
                "egov-requests",
                "ADD",
                csv(
                        "p.csv",
                        StandardCharsets.UTF_8,
                        EGOV_HEADER,
                        "R1" + EGOV_ROW,
                        "R2,DGI-001,01,web,2026-11-28T09:00:00,,submitted,")); // MIXED_PERIODS
        validate(
                "egov-requests",
                "ADD",
                csv(
                        "q.csv",
                        StandardCharsets.UTF_8,
                        EGOV_HEADER,
                        "R1,DGI-001,01,web,hier,,submitted,")); // PERIOD_UNKNOWN
        validate(
                "egov-requests",
                "ADD",
                csv(
                        "r.csv",
                        StandardCharsets.UTF_8,
                        EGOV_HEADER,
                        "R1,DGI-001,13,web,2026-11-27T09:00:00,,submitted,")); // NO_VALID_ROWS
        validate(
                "egov-requests",
                "ADD",
                csv(
                        "s.csv",
                        StandardCharsets.UTF_8,
                        EGOV_HEADER,
                        "R1" + EGOV_ROW,
                        "R1,DGI-002,01,web,2026-11-27T09:00:00,,submitted,")); // KEY_CONFLICT
        validate("egov-requests", "ADD", csv("t.txt", StandardCharsets.UTF_8, EGOV_HEADER, "R1" + EGOV_ROW));

        // then every code below was raised, and each message is complete in each language
        Set<ReasonCode> raised = EnumSet.noneOf(ReasonCode.class);
        for (Language language : Language.values()) {
            for (ValidationReport.Entry entry : entries) {
                ValidationOutcome outcome = entry.outcome();
                List<String> messages = new ArrayList<>();
                if (outcome.fileErrorCode() != null) {
                    raised.add(outcome.fileErrorCode());
                    messages.add(report.fileErrorMessage(outcome, language));
                }
                for (ValidationOutcome.Warning warning : outcome.warnings()) {
                    raised.add(warning.code());
                }
                for (RowError error : outcome.rowErrors()) {
                    raised.add(error.code());
                    String message = report.rowErrorMessage(error, language);
                    messages.add(message);
                    boolean rowCode = error.code().severity() == ReasonCode.Severity.ROW;
                    if (rowCode && error.cell() != null && error.cell().startsWith("line ")) {
                        String place = MESSAGES.place(error.cell(), language);
                        assertThat(message).as(entry.file()).startsWith(place);
                        if (language != Language.EN) {
                            assertThat(message).doesNotContain("line ");
                        }
                    }
                }
                String json = report.json(List.of(entry), language);
                for (String message : messages) {
                    assertThat(message)
                            .as(entry.file() + " " + language + ": " + message)
                            .doesNotContain(Messages.MISSING)
                            .doesNotContainPattern("\\{[a-z_]+}");
                }
                assertThat(json).doesNotContain(Messages.MISSING);
            }
        }
        assertThat(report.fileErrorMessage(outcomeOf("s.csv"), Language.FR)).contains("lignes de données 1 et 2");
        assertThat(report.rowErrorMessage(outcomeOf("s.csv").rowErrors().get(0), Language.FR))
                .contains("lignes de données 1 et 2");
        Set<ReasonCode> notRaisedHere = Set.of(
                ReasonCode.UNSAFE_XML, // crafted workbooks: ReaderRobustnessIntegrationTests and the validate corpus
                // tests
                ReasonCode.ZIP_BOMB,
                ReasonCode.UNREADABLE_FILE, // a defect in a reader: no valid input reaches it
                ReasonCode.INGESTION_FAILED, // raised by the ingester, not the validator: SubmissionIngesterTests
                ReasonCode.LANDING_UNREADABLE, // the landing file, not its content: SubmissionIngesterTests and the
                ReasonCode.LANDING_CHANGED, // nightly isolation tests
                ReasonCode.FORMULA_ERROR, // cached formula results: XlsxReportReaderTests
                ReasonCode.FORMULA_NO_CACHED_VALUE,
                ReasonCode.TOO_MANY_ROWS, // reader caps, on files far larger than these: ReaderCapsTests
                ReasonCode.TOO_MANY_COLUMNS,
                ReasonCode.CELL_TOO_LONG,
                ReasonCode.RECORD_TOO_LONG,
                ReasonCode.TOO_MANY_SHARED_STRINGS,
                ReasonCode.SHARED_STRINGS_TOO_LARGE,
                ReasonCode.TOO_MANY_PARTS, // POI refuses such a package itself; mapped by XlsxParts.classify
                ReasonCode.PART_TOO_LARGE,
                ReasonCode.TOO_MANY_MERGED_CELLS,
                ReasonCode.TOO_COMPLEX); // an exhausted heap: SubmissionValidatorTests
        for (ReasonCode code : ReasonCode.values()) {
            if (!notRaisedHere.contains(code)) {
                assertThat(raised).as("raised codes").contains(code);
            }
        }
    }

    @Test
    void aCsvPlaceReadsAsAFrenchOrArabicSentence() throws IOException {
        // given a region 13 on data row 1, line 2, column 3
        validateEgovCsv(EGOV_HEADER, "R1,DGI-001,13,web,2026-11-27T09:00:00,,submitted,", "R2" + EGOV_ROW);
        RowError error = entries.get(0).outcome().rowErrors().get(0);

        // then the cell field keeps the reference of the specification, the messages speak the language
        assertThat(error.cell()).isEqualTo("line 2, column 3");
        assertThat(report.rowErrorMessage(error, Language.FR))
                .isEqualTo("ligne 2, colonne 3 (region_code) : « 13 » n'est pas un code de région. "
                        + "Utilisez un code de 01 à 12.");
        assertThat(report.rowErrorMessage(error, Language.AR)).startsWith("السطر 2، العمود 3 (region_code): «13»");
        assertThat(report.rowErrorMessage(error, Language.EN)).startsWith("line 2, column 3 (region_code): \"13\"");
        assertThat(report.json(entries, Language.FR)).contains("\"cell\" : \"line 2, column 3\"");
    }

    private ValidationOutcome outcomeOf(String file) {
        return entries.stream()
                .filter(e -> e.file().equals(file))
                .findFirst()
                .orElseThrow()
                .outcome();
    }

    /** Validates a UTF-8 CSV of egov-requests sent by ADD. */
    private void validateEgovCsv(String... lines) throws IOException {
        validate("egov-requests", "ADD", csv("requests.csv", StandardCharsets.UTF_8, lines));
    }

    private void validate(String template, String submitter, Path file) {
        ValidationOutcome outcome = validator.validate(
                CATALOG.contract(template),
                submitter,
                List.of(file),
                file.getFileName().toString(),
                RowSink.DISCARD);
        entries.add(new ValidationReport.Entry(file.getFileName().toString(), template, submitter, outcome));
    }

    private Path csv(String name, Charset charset, String... lines) throws IOException {
        return Files.write(folder.resolve(name), (String.join("\n", lines) + "\n").getBytes(charset));
    }

    private Path bytes(String name, String text, String charset) throws IOException {
        return Files.write(folder.resolve(name), text.getBytes(Charset.forName(charset)));
    }

    private Path json(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private interface SheetContent {
        void fill(Sheet sheet);
    }

    private Path workbook(String name, String sheetName, SheetContent content) throws IOException {
        Path file = folder.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            content.fill(workbook.createSheet(sheetName));
            workbook.write(out);
        }
        return file;
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }
}
