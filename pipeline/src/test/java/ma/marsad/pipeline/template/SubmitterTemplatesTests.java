package ma.marsad.pipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.RowSink;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.ingest.ValidationOutcome;
import ma.marsad.pipeline.quality.Messages;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitterTemplatesTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.shipped();
    private static final SubmitterTemplates TEMPLATES = new SubmitterTemplates(Messages.shipped());
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    @TempDir
    Path folder;

    private final SubmissionValidator validator = new SubmissionValidator(CATALOG, ReportReaders::open);

    @Test
    void telecomWorkbookHasTitleNoteHeaderOnRowThreeDropdownsAndDescriptions() throws IOException {
        // given
        Path file = folder.resolve("telecom.xlsx");

        // when
        TEMPLATES.writeXlsx(CATALOG.contract("telecom-quarterly"), file);

        // then row 1 holds the title, row 2 the note, row 3 the canonical headers
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheet("Indicateurs");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Indicateurs du marché");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("ligne 4");
            assertThat(texts(sheet.getRow(2)))
                    .containsExactly("trimestre", "indicateur", "operateur", "valeur", "unite");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getFont().getBold())
                    .isTrue();
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(20 * 256); // longest indicator is 25 characters

            // a dropdown on the three list columns, from row 4 down
            Map<Integer, List<String>> dropdowns = sheet.getDataValidations().stream()
                    .collect(Collectors.toMap(
                            v -> v.getRegions().getCellRangeAddress(0).getFirstColumn(),
                            v -> List.of(v.getValidationConstraint().getExplicitListValues())));
            assertThat(dropdowns).containsOnlyKeys(1, 2, 4);
            assertThat(dropdowns.get(2)).containsExactly("IAM", "ORANGE", "INWI", "TOUS");
            assertThat(dropdowns.get(1)).hasSize(11).contains("taux_penetration_internet");
            DataValidation unite = sheet.getDataValidations().stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 4)
                    .findFirst()
                    .orElseThrow();
            assertThat(unite.getRegions().getCellRangeAddress(0).getFirstRow()).isEqualTo(3);

            // the description sheet: one row per column, French and Arabic
            Sheet description = workbook.getSheet("Description - الوصف");
            assertThat(texts(description.getRow(3))).startsWith("Colonne / العمود");
            assertThat(description.getRow(4).getCell(0).getStringCellValue()).isEqualTo("trimestre");
            assertThat(description.getRow(7).getCell(0).getStringCellValue()).isEqualTo("valeur");
            assertThat(description.getRow(7).getCell(3).getStringCellValue())
                    .contains("obligatoire")
                    .contains("≥ 0");
            assertThat(description.getRow(7).getCell(8).getStringCellValue()).contains("القيمة");
            assertThat(description.getRow(8).getCell(5).getStringCellValue()).contains("pourcentage");
            assertThat(description.getLastRowNum()).isEqualTo(8);
        }
    }

    @Test
    void telecomWorkbookFilledWithOneRowIsAccepted() throws IOException {
        // given the empty template with one row typed on row 4 and a footer after a blank row
        Path file = folder.resolve("anrt-t3-2026.xlsx");
        TEMPLATES.writeXlsx(CATALOG.contract("telecom-quarterly"), file);
        fill(file, "Indicateurs", 3, "T3 2026", "parc_mobile", "IAM", 55_120_000.0, "abonnements");

        // when
        ValidationOutcome outcome = validate("telecom-quarterly", "ANRT", file);

        // then
        assertThat(outcome.status()).isEqualTo(ValidationOutcome.Status.ACCEPTED);
        assertThat(outcome.rowsRead()).isEqualTo(1);
        assertThat(outcome.period()).isEqualTo("2026-Q3");
        assertThat(outcome.warnings()).isEmpty(); // the description sheet and the title rows are not data
    }

    @Test
    void catalogueWorkbookTakesDatesTypedInItsDateFormattedColumns() throws IOException {
        // given a date typed into date_situation, which the template formats dd/mm/yyyy
        Path file = folder.resolve("catalogue.xlsx");
        TEMPLATES.writeXlsx(CATALOG.contract("eservices-catalogue"), file);
        fill(
                file,
                "Services",
                1,
                "DGI-001",
                "Déclaration de l'IR",
                "التصريح بالضريبة على الدخل",
                "DGI",
                "citoyens",
                4.0,
                null,
                LocalDate.of(2026, 11, 28));

        // when
        ValidationOutcome outcome = validate("eservices-catalogue", "MTNRA", file);

        // then
        assertThat(outcome.status()).isEqualTo(ValidationOutcome.Status.ACCEPTED);
        assertThat(outcome.period()).isEqualTo("2026-11-28");
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            CellStyle dateColumn = workbook.getSheet("Services").getColumnStyle(7);
            assertThat(dateColumn.getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(workbook.getSheet("Services").getColumnStyle(0).getDataFormatString())
                    .isEqualTo("@");
        }
    }

    @Test
    void trainingCsvForOfpptIsWindows1256AndFilledWithOneRowIsAccepted() throws IOException {
        // given the OFPPT template (Windows-1256) and a row typed in the same encoding
        TemplateContract training = CATALOG.contract("digital-training");
        Path file = folder.resolve("ofppt-2026-s1.csv");
        TEMPLATES.writeCsv(training, training.encodingFor("OFPPT"), file);
        assertThat(Files.readString(file, WINDOWS_1256))
                .isEqualTo("annee;semestre;code_region;operateur;programme;filiere;type_formation;inscrits;diplomes;"
                        + "dont_femmes\r\n");
        Files.write(
                file,
                "2026;S1;6;مكتب التكوين المهني;JobInTech;numerique;initiale;1 234;980;412\r\n".getBytes(WINDOWS_1256),
                java.nio.file.StandardOpenOption.APPEND);

        // when
        ValidationOutcome outcome = validate("digital-training", "OFPPT", file);

        // then
        assertThat(outcome.status()).isEqualTo(ValidationOutcome.Status.ACCEPTED);
        assertThat(outcome.period()).isEqualTo("2026-S1");

        // and the descriptions are in a sibling file, UTF-8 with a byte-order mark, one line per column
        Path description = folder.resolve("ofppt-2026-s1.description.csv");
        List<String> lines = Files.readAllLines(description, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFColonne / العمود;");
        assertThat(lines).hasSize(1 + 10);
        assertThat(lines.get(10))
                .startsWith("dont_femmes;")
                .contains("dont_femmes <= diplomes")
                .contains("النساء");
    }

    @Test
    void fundingJsonSkeletonNamesEveryFieldAndFilledIsAccepted() throws IOException {
        // given
        Path file = folder.resolve("funding.json");
        TEMPLATES.writeJson(CATALOG.contract("startup-funding"), file);
        String skeleton = Files.readString(file);
        assertThat(skeleton).contains("\"event_id\": null", "\"valuation_mad\": null");
        assertThat(validate("startup-funding", "ADD", file).status()).isEqualTo(ValidationOutcome.Status.REJECTED);

        // when the values are filled in
        Files.writeString(
                file,
                skeleton.replace("\"event_id\": null", "\"event_id\": \"E1\"")
                        .replace("\"startup_id\": null", "\"startup_id\": \"S1\"")
                        .replace("\"startup_name\": null", "\"startup_name\": \"Atlas AI\"")
                        .replace("\"region_code\": null", "\"region_code\": \"06\"")
                        .replace("\"sector\": null", "\"sector\": \"santé\"")
                        .replace("\"stage\": null", "\"stage\": \"seed\"")
                        .replace("\"amount_mad\": null", "\"amount_mad\": 2500000")
                        .replace("\"event_date\": null", "\"event_date\": \"2026-10-14\""));

        // then (programme and valuation_mad are optional and stay null)
        ValidationOutcome outcome = validate("startup-funding", "ADD", file);
        assertThat(outcome.status()).isEqualTo(ValidationOutcome.Status.ACCEPTED);
        assertThat(outcome.period()).isEqualTo("2026-10");
        assertThat(SubmitterTemplates.descriptionFileOf(file)).exists();
    }

    @Test
    void aFormatTheTemplateDoesNotAcceptIsRefused() {
        assertThatThrownBy(
                        () -> TEMPLATES.writeXlsx(CATALOG.contract("egov-requests"), folder.resolve("requests.xlsx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("egov-requests is sent as csv, not xlsx");
        assertThat(folder.resolve("requests.xlsx")).doesNotExist();
    }

    private ValidationOutcome validate(String template, String submitter, Path file) {
        return validator.validate(
                CATALOG.contract(template),
                submitter,
                List.of(file),
                file.getFileName().toString(),
                RowSink.DISCARD);
    }

    /** Types values into a row of a sheet, keeping each column's own format as Excel does. */
    private static void fill(Path file, String sheetName, int rowIndex, Object... values) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet sheet = workbook.getSheet(sheetName);
            Row row = sheet.createRow(rowIndex);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                CellStyle columnStyle = sheet.getColumnStyle(i);
                if (columnStyle != null) {
                    cell.setCellStyle(columnStyle);
                }
                if (values[i] instanceof String text) {
                    cell.setCellValue(text);
                } else if (values[i] instanceof Double number) {
                    cell.setCellValue(number);
                } else {
                    cell.setCellValue((LocalDate) values[i]);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static List<String> texts(Row row) {
        return java.util.stream.StreamSupport.stream(row.spliterator(), false)
                .map(Cell::getStringCellValue)
                .toList();
    }
}
