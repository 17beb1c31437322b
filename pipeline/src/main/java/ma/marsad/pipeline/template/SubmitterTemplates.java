package ma.marsad.pipeline.template;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Empty templates for submitters, written from a contract so that a filled-in template passes validation: the headers
 * (canonical names) on the declared row of the declared sheet, and a description of every column in French and
 * Arabic, in the words of the message files.
 *
 * <ul>
 *   <li>XLSX: the data sheet (title and note rows above a header on row 3 or later, styled header, sized columns, text
 *       and date formats, a dropdown for every list column) and a description sheet ({@link #descriptionSheetName()}).
 *   <li>CSV: the header line in the template's delimiter and the submitter's encoding, and the descriptions in a
 *       sibling {@code <name>.description.csv} (UTF-8 with a byte-order mark, so that spreadsheets show the Arabic).
 *   <li>JSON: an array with one object naming every field (values null, to be replaced), and the same sibling
 *       description file.
 * </ul>
 */
public final class SubmitterTemplates {

    /** Rows of the data sheet that get the dropdowns and formats (the validator itself has no limit). */
    static final int PREPARED_ROWS = 10_000;

    private final Messages messages;

    public SubmitterTemplates(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The sheet that describes the columns in an XLSX template: {@code Description - الوصف}. */
    public String descriptionSheetName() {
        return french("template.description") + " - " + arabic("template.description");
    }

    /** The hidden sheet holding lists too long for an inline dropdown. */
    String listsSheetName() {
        return french("template.lists");
    }

    /** The headers of the column descriptions, in French and Arabic. */
    private List<String> descriptionHeaders() {
        return List.of(
                bilingual("report.column"),
                bilingual("template.header.type"),
                bilingual("template.header.required"),
                french("template.header.rule"),
                arabic("template.header.rule"),
                bilingual("template.header.allowed_values"),
                bilingual("template.header.accepted_headers"),
                french("template.description"),
                arabic("template.description"));
    }

    /** Where the column descriptions of a CSV or JSON template go: {@code requests.csv} → {@code requests.description.csv}. */
    public static Path descriptionFileOf(Path template) {
        String name = template.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot <= 0 ? name : name.substring(0, dot);
        return template.resolveSibling(base + ".description.csv");
    }

    /**
     * Writes an empty XLSX template.
     *
     * @throws IllegalArgumentException when the template does not accept XLSX files
     */
    public void writeXlsx(TemplateContract contract, Path file) throws IOException {
        requireFormat(contract, "xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            dataSheet(workbook, contract, styles);
            descriptionSheet(workbook, contract, styles);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /**
     * Writes an empty CSV template (the header line, CRLF) in {@code charset}, and its description file.
     *
     * @param charset the encoding the submitter's files are read in ({@link TemplateContract#encodingFor(String)})
     * @throws IllegalArgumentException when the template does not accept CSV files
     */
    public void writeCsv(TemplateContract contract, Charset charset, Path file) throws IOException {
        requireFormat(contract, "csv");
        char delimiter = contract.readerOptions().delimiter();
        char quote = contract.readerOptions().quote();
        List<String> header = new ArrayList<>();
        for (ColumnSpec column : contract.columns()) {
            header.add(csvField(column.name(), delimiter, quote));
        }
        Files.write(file, strictlyEncoded(String.join(String.valueOf(delimiter), header) + "\r\n", charset));
        writeDescriptionCsv(contract, descriptionFileOf(file));
    }

    /**
     * Writes a JSON template: an array holding one object with every field, its values null to be replaced, and its
     * description file.
     */
    public void writeJson(TemplateContract contract, Path file) throws IOException {
        requireFormat(contract, "json");
        StringBuilder json = new StringBuilder("[\n  {\n");
        List<ColumnSpec> columns = contract.columns();
        for (int i = 0; i < columns.size(); i++) {
            json.append("    \"")
                    .append(columns.get(i).name())
                    .append("\": null")
                    .append(i + 1 < columns.size() ? "," : "")
                    .append('\n');
        }
        json.append("  }\n]\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        writeDescriptionCsv(contract, descriptionFileOf(file));
    }

    /** Writes the column descriptions as CSV: UTF-8 with a byte-order mark, in the template's delimiter (else ','). */
    public void writeDescriptionCsv(TemplateContract contract, Path file) throws IOException {
        char delimiter = contract.accepts("csv") ? contract.readerOptions().delimiter() : ',';
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>();
            for (String title : descriptionHeaders()) {
                header.add(csvField(title, delimiter, '"'));
            }
            out.write(String.join(String.valueOf(delimiter), header) + "\r\n");
            for (ColumnGuide guide : ColumnGuide.of(contract, messages)) {
                List<String> fields = new ArrayList<>();
                for (String value : descriptionRow(guide)) {
                    fields.add(csvField(value, delimiter, '"'));
                }
                out.write(String.join(String.valueOf(delimiter), fields) + "\r\n");
            }
        }
    }

    private static void requireFormat(TemplateContract contract, String format) {
        if (!contract.accepts(format)) {
            throw new IllegalArgumentException("template " + contract.id() + " is sent as "
                    + String.join(" or ", contract.formats()) + ", not " + format + "; ask for one of these formats");
        }
    }

    private static String[] descriptionRow(ColumnGuide guide) {
        return new String[] {
            guide.column().name(),
            guide.type(Language.FR) + " / " + guide.type(Language.AR),
            guide.required(Language.FR) + " / " + guide.required(Language.AR),
            guide.rule(Language.FR),
            guide.rule(Language.AR),
            guide.allowedValues(),
            guide.acceptedHeaders(),
            guide.description(Language.FR),
            guide.description(Language.AR)
        };
    }

    private void dataSheet(XSSFWorkbook workbook, TemplateContract contract, Styles styles) {
        XSSFSheet sheet = workbook.createSheet(contract.readerOptions().sheet());
        int headerIndex = contract.readerOptions().headerRow() - 1;
        List<ColumnSpec> columns = contract.columns();
        if (headerIndex >= 1) {
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(
                    contract.titles().fr() + " — " + contract.titles().ar());
            title.setCellStyle(styles.title);
        }
        if (headerIndex >= 2) {
            Map<String, Object> firstDataRow = Map.of("row", headerIndex + 2);
            sheet.createRow(1)
                    .createCell(0)
                    .setCellValue(messages.phrase("template.data_note", firstDataRow, Language.FR) + " "
                            + messages.phrase("template.data_note", firstDataRow, Language.AR));
        }
        Row header = sheet.createRow(headerIndex);
        XSSFDataValidationHelper validations = new XSSFDataValidationHelper(sheet);
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            Cell cell = header.createCell(i);
            cell.setCellValue(column.name());
            cell.setCellStyle(styles.header);
            CellStyle columnStyle = styles.forType(column);
            if (columnStyle != null) {
                sheet.setDefaultColumnStyle(i, columnStyle);
            }
            int width = Math.max(column.name().length(), 12);
            if (column.type() == ColumnType.ENUM) {
                for (String value : column.enumValues()) {
                    width = Math.max(width, value.length());
                }
                sheet.addValidationData(dropdown(workbook, validations, column, headerIndex + 1, i));
            }
            sheet.setColumnWidth(i, Math.min(width + 3, 60) * 256);
        }
        sheet.createFreezePane(0, headerIndex + 1);
    }

    private DataValidation dropdown(
            XSSFWorkbook workbook,
            XSSFDataValidationHelper validations,
            ColumnSpec column,
            int firstRow,
            int columnIndex) {
        List<String> values = column.enumValues();
        // Excel limits an inline list to 255 characters; longer lists live on a hidden sheet
        DataValidationConstraint constraint = String.join(",", values).length() <= 250
                ? validations.createExplicitListConstraint(values.toArray(String[]::new))
                : validations.createFormulaListConstraint(hiddenList(workbook, column));
        DataValidation validation = validations.createValidation(
                constraint, new CellRangeAddressList(firstRow, firstRow + PREPARED_ROWS - 1, columnIndex, columnIndex));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(
                column.name(), french("template.choose_from_list") + " " + arabic("template.choose_from_list"));
        validation.setSuppressDropDownArrow(true); // for XLSX, true shows the arrow
        return validation;
    }

    /** Writes a list's values in a column of the hidden lists sheet; returns the range formula. */
    private String hiddenList(XSSFWorkbook workbook, ColumnSpec column) {
        String listsSheet = listsSheetName();
        Sheet lists = workbook.getSheet(listsSheet);
        if (lists == null) {
            lists = workbook.createSheet(listsSheet);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
        }
        int listColumn = lists.getRow(0) == null ? 0 : lists.getRow(0).getLastCellNum();
        List<String> values = column.enumValues();
        for (int i = 0; i < values.size(); i++) {
            Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
            row.createCell(listColumn).setCellValue(values.get(i));
        }
        String columnLetters = CellReference.convertNumToColString(listColumn);
        return "'" + listsSheet + "'!$" + columnLetters + "$1:$" + columnLetters + "$" + values.size();
    }

    private void descriptionSheet(XSSFWorkbook workbook, TemplateContract contract, Styles styles) {
        Sheet sheet = workbook.createSheet(descriptionSheetName());
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(contract.titles().fr() + " — " + contract.titles().ar() + " (" + contract.id() + ")");
        title.setCellStyle(styles.title);
        String sheetName = contract.readerOptions().sheet();
        int headerRow = contract.readerOptions().headerRow();
        String note = messages.phrase(
                        "template.sheet_note",
                        Map.of("sheet", sheetName, "row", headerRow, "key", String.join(", ", contract.key())),
                        Language.FR)
                + " "
                + messages.phrase(
                        "template.sheet_note",
                        Map.of("sheet", sheetName, "row", headerRow, "key", String.join("، ", contract.key())),
                        Language.AR);
        sheet.createRow(1).createCell(0).setCellValue(note);
        Row header = sheet.createRow(3);
        List<String> headers = descriptionHeaders();
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(styles.header);
        }
        int rowIndex = 4;
        for (ColumnGuide guide : ColumnGuide.of(contract, messages)) {
            Row row = sheet.createRow(rowIndex++);
            String[] values = descriptionRow(guide);
            for (int i = 0; i < values.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(values[i]);
                cell.setCellStyle(i == 4 || i == 8 ? styles.arabic : styles.wrapped);
            }
        }
        int[] widths = {24, 26, 22, 45, 45, 40, 30, 50, 50};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(1, 4);
    }

    private String french(String key) {
        return messages.phrase(key, Language.FR);
    }

    private String arabic(String key) {
        return messages.phrase(key, Language.AR);
    }

    /** {@code Colonne / العمود}: the French and the Arabic of a phrase. */
    private String bilingual(String key) {
        return french(key) + " / " + arabic(key);
    }

    private static String csvField(String value, char delimiter, char quote) {
        boolean needsQuotes = value.indexOf(delimiter) >= 0
                || value.indexOf(quote) >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!needsQuotes) {
            return value;
        }
        String q = String.valueOf(quote);
        return q + value.replace(q, q + q) + q;
    }

    private static byte[] strictlyEncoded(String text, Charset charset) throws CharacterCodingException {
        ByteBuffer bytes = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return array;
    }

    /** The cell styles of a template workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle wrapped;
        final CellStyle arabic;
        final CellStyle text;
        final XSSFWorkbook workbook;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 13);
            title = workbook.createCellStyle();
            title.setFont(large);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.MEDIUM);
            header.setBorderTop(BorderStyle.THIN);
            header.setBorderLeft(BorderStyle.THIN);
            header.setBorderRight(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            arabic = workbook.createCellStyle();
            arabic.cloneStyleFrom(wrapped);
            arabic.setAlignment(HorizontalAlignment.RIGHT);
            text = format("@");
        }

        /** The format typed values take in a column: text for codes (keeps 01), the declared pattern for dates. */
        CellStyle forType(ColumnSpec column) {
            return switch (column.type()) {
                case TEXT, REGION, ENUM, QUARTER -> text;
                case DATE, DATETIME -> format(excelPattern(column.datePatterns().get(0)));
                default -> null;
            };
        }

        private CellStyle format(String pattern) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            return style;
        }

        /** {@code dd/MM/uuuu} → {@code dd/mm/yyyy}: Excel writes months {@code mm} and minutes after hours. */
        private static String excelPattern(String pattern) {
            return ColumnGuide.humanPattern(pattern).replace("T", " ").toLowerCase(Locale.ROOT);
        }
    }
}
