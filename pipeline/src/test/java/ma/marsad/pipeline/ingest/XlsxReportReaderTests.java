package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReportReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsTextNumbersAndReferences() throws Exception {
        // given
        Path file = workbook("Services", workbook -> {
            Sheet sheet = workbook.getSheet("Services");
            row(sheet, 0, "code_service", "niveau");
            Row data = sheet.createRow(1);
            data.createCell(0).setCellValue("ETAT-001");
            data.createCell(1).setCellValue(3);
            Row fraction = sheet.createRow(2);
            fraction.createCell(0).setCellValue("ETAT-002");
            fraction.createCell(1).setCellValue(2.5);
        });

        // when: the sheet name is matched ignoring case
        List<RawRow> rows;
        List<String> header;
        try (ReportReader reader = ReportReaders.open(file, settings("SERVICES", 1))) {
            header = reader.header();
            rows = TestReaders.readRest(reader);
        }

        // then
        assertThat(header).containsExactly("code_service", "niveau");
        assertThat(rows).hasSize(2);
        RawCell level = rows.get(0).cells().get(1);
        assertThat(level.text()).isEqualTo("3");
        assertThat(level.typed()).isEqualTo(3.0);
        assertThat(level.ref()).isEqualTo("Services!B2");
        assertThat(rows.get(0).rowRef()).isEqualTo("Services!A2");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).cells().get(1).text()).isEqualTo("2.5");
        assertThat(rows.get(1).row()).isEqualTo(2);
    }

    @Test
    void dateCellsRespectThe1904DateSystem() throws Exception {
        // given: serial 44288 is 2025-04-03 in the 1904 system (2021-04-02 in the 1900 system)
        Path file = workbook("KPI", workbook -> {
            workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.getSheet("KPI");
            row(sheet, 0, "date_situation", "valeur");
            Row data = sheet.createRow(1);
            XSSFCell date = (XSSFCell) data.createCell(0);
            date.setCellValue(44288);
            date.setCellStyle(dateStyle);
            data.createCell(1).setCellValue(44288);
        });

        // when
        List<RawRow> rows = TestReaders.readAll(file, settings("KPI", 1));

        // then
        assertThat(rows.get(0).cells().get(0).typed()).isEqualTo(LocalDateTime.of(2025, 4, 3, 0, 0));
        assertThat(rows.get(0).cells().get(1).typed()).isEqualTo(44288.0);
    }

    @Test
    void dateCellsInThe1900SystemAndTheFictitiousLeapDay() throws Exception {
        // given: serial 45750 is 2025-04-03 in the 1900 system; serial 60 is the non-existent 1900-02-29
        Path file = workbook("S", workbook -> {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat((short) 14);
            Sheet sheet = workbook.getSheet("S");
            row(sheet, 0, "d");
            for (double serial : new double[] {45750, 60}) {
                Row data = sheet.createRow(sheet.getLastRowNum() + 1);
                data.createCell(0).setCellValue(serial);
                data.getCell(0).setCellStyle(dateStyle);
            }
        });

        List<RawRow> rows = TestReaders.readAll(file, settings("S", 1));

        assertThat(rows.get(0).cells().get(0).typed()).isEqualTo(LocalDateTime.of(2025, 4, 3, 0, 0));
        assertThat(rows.get(1).cells().get(0).typed()).isNull();
        assertThat(rows.get(1).cells().get(0).text()).isEqualTo("60");
    }

    @Test
    void formulasGiveTheirCachedValueOrAnError() throws Exception {
        // given
        Path file = workbook("S", workbook -> {
            Sheet sheet = workbook.getSheet("S");
            row(sheet, 0, "valeur");
            XSSFCell cached = (XSSFCell) sheet.createRow(1).createCell(0);
            cached.setCellFormula("2*21");
            cached.setCellValue(42);
            XSSFCell uncached = (XSSFCell) sheet.createRow(2).createCell(0);
            uncached.setCellFormula("1/0");
            XSSFCell error = (XSSFCell) sheet.createRow(3).createCell(0);
            error.setCellFormula("1/0");
            error.setCellErrorValue(FormulaError.DIV0);
        });

        // when
        List<RawRow> rows = TestReaders.readAll(file, settings("S", 1));

        // then
        assertThat(rows.get(0).cells().get(0).typed()).isEqualTo(42.0);
        assertThat(rows.get(0).cells().get(0).readerError()).isNull();
        assertThat(rows.get(1).cells().get(0).readerError().code()).isEqualTo(ReasonCode.FORMULA_NO_CACHED_VALUE);
        assertThat(rows.get(2).cells().get(0).readerError().code()).isEqualTo(ReasonCode.FORMULA_ERROR);
        assertThat(rows.get(2).cells().get(0).readerError().detail()).isEqualTo("#DIV/0!");
    }

    @Test
    void mergedRangesGiveTheirTopLeftValueToEveryCell() throws Exception {
        // given: A2:A3 merged vertically (A3 physically empty), B4:C4 merged horizontally
        Path file = workbook("S", workbook -> {
            Sheet sheet = workbook.getSheet("S");
            row(sheet, 0, "region", "a", "b");
            row(sheet, 1, "01", "x", "y");
            Row third = sheet.createRow(2);
            third.createCell(1).setCellValue("z");
            third.createCell(2).setCellValue("w");
            row(sheet, 3, "02", "merged");
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 1, 2));
        });

        // when
        List<RawRow> rows = TestReaders.readAll(file, settings("S", 1));

        // then
        assertThat(CsvReportReaderTests.texts(rows.get(1))).containsExactly("01", "z", "w");
        assertThat(rows.get(1).cells().get(0).ref()).isEqualTo("S!A3");
        assertThat(CsvReportReaderTests.texts(rows.get(2))).containsExactly("02", "merged", "merged");
    }

    @Test
    void headerOnRowThreeAndAFooterAfterABlankRow() throws Exception {
        // given: rows 1-2 title and note, header on row 3, data on rows 4-5, blank row 6, footer rows 7-8
        Path file = workbook("Indicateurs", workbook -> {
            Sheet sheet = workbook.getSheet("Indicateurs");
            row(sheet, 0, "Indicateurs du marché");
            row(sheet, 1, "Note : provisoire");
            row(sheet, 2, "trimestre", "valeur");
            row(sheet, 3, "T1 2026", "10");
            row(sheet, 4, "T1 2026", "20");
            sheet.createRow(5).createCell(0).setCellValue("");
            row(sheet, 6, "Total", "30");
            row(sheet, 7, "Source : ANRT");
        });

        // when
        List<RawRow> rows;
        List<ReportReader.ReaderWarning> warnings;
        try (ReportReader reader = ReportReaders.open(file, settings("Indicateurs", 3))) {
            assertThat(reader.header()).containsExactly("trimestre", "valeur");
            rows = TestReaders.readRest(reader);
            warnings = reader.warnings();
        }

        // then
        assertThat(rows).extracting(RawRow::line).containsExactly(4, 5);
        assertThat(rows).extracting(RawRow::row).containsExactly(1, 2);
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.code()).isEqualTo(ReasonCode.FOOTER_ROWS);
            assertThat(warning.arguments()).containsEntry("count", 2);
        });
    }

    @Test
    void aMissingSheetIsRejected() throws Exception {
        Path file = workbook("Feuil1", workbook -> row(workbook.getSheet("Feuil1"), 0, "a"));

        assertThatThrownBy(() -> TestReaders.readAll(file, settings("Services", 1)))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.SHEET_MISSING);
                    assertThat(e.arguments()).containsEntry("sheet", "Services");
                });
    }

    @Test
    void aHeaderWithoutRowsHasNoData() throws Exception {
        Path file = workbook("S", workbook -> row(workbook.getSheet("S"), 0, "a", "b"));

        assertThatThrownBy(() -> TestReaders.readAll(file, settings("S", 1)))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.NO_DATA));
    }

    @Test
    void aFileThatIsNotAnXlsxZipIsRejected() throws Exception {
        Path csv = dir.resolve("disguised.xlsx");
        Files.writeString(csv, "a,b\n1,2\n");
        Path truncated = dir.resolve("truncated.xlsx");
        byte[] whole = Files.readAllBytes(workbook("S", workbook -> row(workbook.getSheet("S"), 0, "a")));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        for (Path file : List.of(csv, truncated)) {
            assertThatThrownBy(() -> TestReaders.readAll(file, settings("S", 1)))
                    .isInstanceOfSatisfying(FileRejectedException.class, e -> assertThat(e.code())
                            .isEqualTo(ReasonCode.NOT_XLSX));
        }
    }

    @Test
    void aDoctypeInAnyPartIsUnsafe() throws Exception {
        // given: shared strings rewritten with an external entity
        Path file = workbook("S", workbook -> {
            row(workbook.getSheet("S"), 0, "a");
            row(workbook.getSheet("S"), 1, "b");
        });
        Path unsafe = rewriteEntry(
                file,
                "xl/sharedStrings.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\" uniqueCount=\"2\">"
                        + "<si><t>&xxe;</t></si><si><t>b</t></si></sst>");

        assertThatThrownBy(() -> TestReaders.readAll(unsafe, settings("S", 1)))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.UNSAFE_XML));
    }

    @Test
    void aHighlyCompressedPartTripsTheZipBombProtection() throws Exception {
        // given: 150 shared strings of 30,000 times the same letter (4.5 MB) compress about 1000 times, beyond
        // POI's limit of 1%
        Path file = workbook("S", workbook -> {
            row(workbook.getSheet("S"), 0, "a");
            for (int i = 1; i <= 150; i++) {
                row(workbook.getSheet("S"), i, "x".repeat(30_000) + i);
            }
        });

        assertThatThrownBy(() -> TestReaders.readAll(file, settings("S", 1)))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.ZIP_BOMB));
    }

    @Test
    void aNullSheetNameSelectsTheFirstSheet() throws Exception {
        Path file = workbook("Premier", workbook -> {
            row(workbook.getSheet("Premier"), 0, "a");
            row(workbook.getSheet("Premier"), 1, "1");
            workbook.createSheet("Second");
        });

        assertThat(TestReaders.readAll(file, settings(null, 1)))
                .singleElement()
                .satisfies(row -> assertThat(row.rowRef()).isEqualTo("Premier!A2"));
    }

    private static ReaderSettings settings(String sheet, int headerRow) {
        return new ReaderSettings(
                "xlsx", StandardCharsets.UTF_8, ',', '"', sheet, headerRow, null, ReaderLimits.DEFAULTS);
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private Path workbook(String sheetName, Consumer<XSSFWorkbook> content) throws Exception {
        Path file = Files.createTempFile(dir, "report", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet(sheetName);
            content.accept(workbook);
            workbook.write(out);
        }
        return file;
    }

    private Path rewriteEntry(Path source, String entryName, String content) throws Exception {
        Path target = Files.createTempFile(dir, "rewritten", ".xlsx");
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
