package ma.marsad.pipeline.ingest;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * Streams one sheet of an XLSX workbook with POI's {@link XSSFReader} and a pull (StAX) parser over the sheet XML, so
 * rows are produced on demand without a background thread; POI's zip-bomb limits stay as they are.
 *
 * <p>The sheet is read twice: a first light pass collects the merged ranges (stored after the cells in the XML), then
 * the main pass reads the rows. Formula cells give their cached value only. Date-styled numbers become {@link
 * LocalDateTime} (respecting the 1904 date system), other numbers {@link Double} with the stored digits as text (an
 * integer stored as {@code 3.0} reads {@code 3}). Data
 * ends at the first entirely blank (or absent) row; non-blank rows after it are counted in a {@code FOOTER_ROWS}
 * warning. A null sheet name in the settings selects the first sheet.
 */
final class XlsxReportReader implements ReportReader {

    private static final int MAX_COLUMNS = 16_384;
    private static final int MAX_ROWS = 1_048_576;

    private final OPCPackage pkg;
    private final String sheetPrefix;
    private final boolean date1904;
    private final boolean[] dateStyles;
    private final SharedStrings sharedStrings;
    private final ReaderLimits limits;
    private final List<MergedRange> mergedRanges;
    private final int headerRow;
    private final InputStream sheetStream;
    private final XMLStreamReader xml;

    private final List<MergedRange> activeRanges = new ArrayList<>();
    private int nextRangeIndex;
    private boolean sheetDataEnded;
    private int lastPhysicalRow;
    private int lastSheetRow;
    private SheetRow pushBack;

    private List<String> header;
    private int width;
    private RawRow pending;
    private int rowNumber;
    private boolean dataEnded;
    private final List<ReaderWarning> warnings = new ArrayList<>();

    private XlsxReportReader(
            OPCPackage pkg,
            String sheetName,
            boolean date1904,
            boolean[] dateStyles,
            SharedStrings sharedStrings,
            List<MergedRange> mergedRanges,
            int headerRow,
            ReaderLimits limits,
            InputStream sheetStream)
            throws XMLStreamException {
        this.pkg = pkg;
        this.sheetPrefix = referencePrefix(sheetName);
        this.date1904 = date1904;
        this.dateStyles = dateStyles;
        this.sharedStrings = sharedStrings;
        this.mergedRanges = mergedRanges;
        this.headerRow = headerRow;
        this.limits = limits;
        this.sheetStream = sheetStream;
        this.xml = XlsxParts.openXml(sheetStream);
    }

    static XlsxReportReader open(Path file, ReaderSettings settings) throws FileRejectedException {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new NoSuchFileException(file.toString()));
        }
        OPCPackage pkg = null;
        InputStream sheetStream = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XlsxParts.checkPartCount(pkg);
            XlsxParts.checkPrologs(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            XlsxParts.Workbook workbook;
            try (InputStream in = XlsxParts.capped(reader.getWorkbookData(), "workbook")) {
                workbook = XlsxParts.readWorkbook(in);
            }
            XlsxParts.SheetEntry sheet = chooseSheet(workbook, settings.sheet());
            boolean[] dateStyles;
            try (InputStream in = XlsxParts.capped(optionalPart(() -> reader.getStylesData()), "styles")) {
                dateStyles = XlsxParts.readDateStyles(in);
            }
            SharedStrings sharedStrings;
            try (InputStream in =
                    XlsxParts.capped(optionalPart(() -> reader.getSharedStringsData()), "sharedStrings")) {
                sharedStrings =
                        XlsxParts.readSharedStrings(in, settings.limits().maxCellChars());
            }
            String sheetPart = "sheet " + sheet.name();
            List<MergedRange> merged;
            try (InputStream in = XlsxParts.capped(reader.getSheet(sheet.relationId()), sheetPart)) {
                merged = readMergedRanges(in);
            }
            sheetStream = XlsxParts.capped(reader.getSheet(sheet.relationId()), sheetPart);
            return new XlsxReportReader(
                    pkg,
                    sheet.name(),
                    workbook.date1904(),
                    dateStyles,
                    sharedStrings,
                    merged,
                    Math.max(1, settings.headerRow()),
                    settings.limits(),
                    sheetStream);
        } catch (Exception | StackOverflowError e) {
            XlsxParts.closeQuietly(sheetStream);
            revertQuietly(pkg);
            throw XlsxParts.classify(e);
        } catch (OutOfMemoryError e) {
            // release the package before the validator turns this into a rejection of the file
            XlsxParts.closeQuietly(sheetStream);
            revertQuietly(pkg);
            throw e;
        }
    }

    private interface PartSource {
        InputStream open() throws Exception;
    }

    /** Styles and shared strings are optional parts: a workbook without them is still valid. */
    private static InputStream optionalPart(PartSource source) throws Exception {
        try {
            return source.open();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return null;
        }
    }

    private static XlsxParts.SheetEntry chooseSheet(XlsxParts.Workbook workbook, String wanted)
            throws FileRejectedException {
        List<String> names =
                workbook.sheets().stream().map(XlsxParts.SheetEntry::name).toList();
        if (wanted == null) {
            if (workbook.sheets().isEmpty()) {
                throw new FileRejectedException(
                        ReasonCode.NOT_XLSX, "the workbook lists no sheet", Map.of("detail", "no sheet"));
            }
            return workbook.sheets().get(0);
        }
        for (XlsxParts.SheetEntry sheet : workbook.sheets()) {
            if (sheet.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return sheet;
            }
        }
        throw new FileRejectedException(
                ReasonCode.SHEET_MISSING,
                "the workbook has no sheet named '" + wanted + "' (it has " + names + "): rename the sheet",
                Map.of("sheet", wanted, "available", String.join(", ", names)));
    }

    @Override
    public List<String> header() throws FileRejectedException {
        start();
        return header;
    }

    @Override
    public RawRow next() throws FileRejectedException {
        start();
        RawRow row = pending;
        if (row != null) {
            pending = readDataRow();
        }
        return row;
    }

    @Override
    public List<ReaderWarning> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a read-only parser loses nothing
        }
        XlsxParts.closeQuietly(sheetStream);
        revertQuietly(pkg);
    }

    private void start() throws FileRejectedException {
        if (header != null) {
            return;
        }
        try {
            SheetRow headerCells = null;
            SheetRow row;
            while ((row = nextSheetRow()) != null) {
                if (row.index == headerRow) {
                    headerCells = row;
                    break;
                }
                if (row.index > headerRow) {
                    // the header row is absent; this row is data already
                    pushBack = row;
                    break;
                }
            }
            lastSheetRow = headerRow;
            List<String> names = new ArrayList<>();
            if (headerCells != null) {
                int last = headerCells.lastNonBlank();
                for (int i = 0; i <= last; i++) {
                    CellValue cell = headerCells.cells[i];
                    names.add(cell == null || cell.text == null ? "" : cell.text);
                }
            }
            header = Collections.unmodifiableList(names);
            width = names.size();
            pending = readDataRow();
        } catch (Exception | StackOverflowError e) {
            throw XlsxParts.classify(e);
        }
        if (pending == null) {
            throw new FileRejectedException(
                    ReasonCode.NO_DATA,
                    "sheet " + sheetPrefix + " has no data rows under the header on row " + headerRow,
                    Map.of("headerRow", headerRow));
        }
    }

    private RawRow readDataRow() throws FileRejectedException {
        if (dataEnded) {
            return null;
        }
        try {
            SheetRow row = pushBack != null ? pushBack : nextSheetRow();
            pushBack = null;
            if (row == null || row.index != lastSheetRow + 1 || row.isBlank()) {
                dataEnded = true;
                countFooter(row);
                return null;
            }
            lastSheetRow = row.index;
            rowNumber++;
            if (rowNumber > limits.maxRows()) {
                throw new FileRejectedException(
                        ReasonCode.TOO_MANY_ROWS,
                        "sheet " + sheetPrefix + " has more than " + limits.maxRows() + " data rows",
                        Map.of("max", limits.maxRows()));
            }
            return toRawRow(row);
        } catch (Exception | StackOverflowError e) {
            throw XlsxParts.classify(e);
        }
    }

    private void countFooter(SheetRow first) throws Exception {
        int count = 0;
        SheetRow row = first;
        while (row != null) {
            if (!row.isBlank()) {
                count++;
            }
            row = nextSheetRow();
        }
        if (count > 0) {
            warnings.add(new ReaderWarning(
                    ReasonCode.FOOTER_ROWS,
                    count + " non-blank row(s) after the first blank row of sheet " + sheetPrefix
                            + " are not data and were not read",
                    Map.of("count", count, "sheet", sheetPrefix)));
        }
    }

    private RawRow toRawRow(SheetRow row) {
        int cellCount = Math.max(width, row.lastNonBlank() + 1);
        RawCell[] cells = new RawCell[cellCount];
        String rowText = Integer.toString(row.index);
        for (int i = 0; i < cellCount; i++) {
            CellValue value = i < row.cells.length ? row.cells[i] : null;
            String ref = sheetPrefix + "!" + CellReferences.columnLetters(i) + rowText;
            cells[i] = value == null
                    ? new RawCell(null, null, ref, null)
                    : new RawCell(value.text, value.typed, ref, value.error);
        }
        return new RawRow(
                rowNumber,
                row.index,
                Collections.unmodifiableList(Arrays.asList(cells)),
                sheetPrefix + "!A" + rowText,
                null);
    }

    /** The next physical row of the sheet with merged values filled in, or null after the last. */
    private SheetRow nextSheetRow() throws XMLStreamException, FileRejectedException {
        if (sheetDataEnded) {
            return null;
        }
        int event;
        while ((event = XlsxParts.nextElement(xml)) != XMLStreamConstants.END_DOCUMENT) {
            String name = xml.getLocalName();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (name.equals("sheetData")) {
                    break;
                }
            } else if (name.equals("row")) {
                Integer index = XlsxParts.parseIntOrNull(XlsxParts.attribute(xml, "r"));
                int rowIndex = index == null ? lastPhysicalRow + 1 : index;
                if (rowIndex <= lastPhysicalRow || rowIndex > MAX_ROWS) {
                    throw new FileRejectedException(
                            ReasonCode.NOT_XLSX,
                            "row " + rowIndex + " is out of order or out of range in sheet " + sheetPrefix,
                            Map.of("detail", "row " + rowIndex));
                }
                lastPhysicalRow = rowIndex;
                SheetRow row = readRow(rowIndex);
                fillMerged(row);
                return row;
            }
        }
        sheetDataEnded = true;
        return null;
    }

    private SheetRow readRow(int rowIndex) throws XMLStreamException, FileRejectedException {
        CellValue[] cells = new CellValue[8];
        int previousColumn = -1;
        int event;
        while ((event = XlsxParts.nextElement(xml)) != XMLStreamConstants.END_DOCUMENT) {
            String name = xml.getLocalName();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (name.equals("row")) {
                    break;
                }
                continue;
            }
            if (!name.equals("c")) {
                continue;
            }
            String ref = XlsxParts.attribute(xml, "r");
            int column = ref == null ? previousColumn + 1 : CellReferences.columnIndex(ref);
            if (column < 0 || column >= MAX_COLUMNS) {
                throw new FileRejectedException(
                        ReasonCode.NOT_XLSX,
                        "cell reference '" + ref + "' is invalid in sheet " + sheetPrefix,
                        Map.of("detail", String.valueOf(ref)));
            }
            previousColumn = column;
            String cellRef = CellReferences.columnLetters(column) + rowIndex;
            CellValue value = readCell(cellRef);
            if (column >= limits.maxColumns()) {
                if (value == null) {
                    continue; // a formatted empty cell far to the right is common and holds nothing
                }
                throw new FileRejectedException(
                        ReasonCode.TOO_MANY_COLUMNS,
                        "cell " + cellRef + " of sheet " + sheetPrefix + " is beyond column " + limits.maxColumns(),
                        Map.of("cell", sheetPrefix + "!" + cellRef, "max", limits.maxColumns()));
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.min(MAX_COLUMNS, Math.max(cells.length * 2, column + 1)));
            }
            cells[column] = value;
        }
        return new SheetRow(rowIndex, cells);
    }

    /** Reads the current {@code <c>} element; null for a cell without any value. */
    private CellValue readCell(String ref) throws XMLStreamException, FileRejectedException {
        String where = sheetPrefix + "!" + ref;
        String type = XlsxParts.attribute(xml, "t");
        Integer style = XlsxParts.parseIntOrNull(XlsxParts.attribute(xml, "s"));
        String value = null;
        String inline = null;
        boolean formula = false;
        int event;
        while ((event = XlsxParts.nextElement(xml)) != XMLStreamConstants.END_DOCUMENT) {
            String name = xml.getLocalName();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (name.equals("c")) {
                    break;
                }
                continue;
            }
            switch (name) {
                case "v" -> value = XlsxParts.elementText(xml, limits.maxCellChars(), where);
                case "f" -> {
                    formula = true;
                    XlsxParts.skipElement(xml);
                }
                case "is" -> inline = inlineText(where);
                default -> XlsxParts.skipElement(xml);
            }
        }
        return toValue(type == null ? "n" : type, style == null ? 0 : style, value, inline, formula);
    }

    private String inlineText(String where) throws XMLStreamException, FileRejectedException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = XlsxParts.nextElement(xml);
            if (event == XMLStreamConstants.END_DOCUMENT) {
                break;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (xml.getLocalName().equals("t")) {
                text.append(XlsxParts.elementText(xml, limits.maxCellChars() - text.length(), where));
            } else if (xml.getLocalName().equals("rPh")) {
                XlsxParts.skipElement(xml);
            } else {
                depth++;
            }
        }
        return XlsxParts.decodeEscapes(text.toString());
    }

    private CellValue toValue(String type, int style, String value, String inline, boolean formula)
            throws FileRejectedException {
        if (type.equals("inlineStr")) {
            return textValue(inline != null ? inline : value);
        }
        if (value == null) {
            return formula
                    ? new CellValue(
                            null,
                            null,
                            new RawCell.ReasonCodeRef(
                                    ReasonCode.FORMULA_NO_CACHED_VALUE, "formula without a cached value"))
                    : null;
        }
        switch (type) {
            case "s" -> {
                Integer index = XlsxParts.parseIntOrNull(value);
                if (index == null || index < 0 || index >= sharedStrings.size()) {
                    throw new FileRejectedException(
                            ReasonCode.NOT_XLSX,
                            "a cell refers to shared string " + value + " but the workbook holds "
                                    + sharedStrings.size() + ": save the workbook again from Excel",
                            Map.of("detail", "shared string " + value));
                }
                return textValue(sharedStrings.get(index));
            }
            case "str" -> {
                return textValue(XlsxParts.decodeEscapes(value));
            }
            case "b" -> {
                boolean bool = value.trim().equals("1") || value.trim().equalsIgnoreCase("true");
                return new CellValue(bool ? "TRUE" : "FALSE", bool, null);
            }
            case "e" -> {
                return new CellValue(value, null, new RawCell.ReasonCodeRef(ReasonCode.FORMULA_ERROR, value));
            }
            case "d" -> {
                return new CellValue(value, parseIsoDate(value), null);
            }
            default -> {
                return numberValue(value.trim(), style);
            }
        }
    }

    private CellValue numberValue(String stored, int style) {
        if (stored.isEmpty()) {
            return null;
        }
        String text = withoutZeroFraction(stored);
        double number;
        try {
            number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return new CellValue(text, null, null);
        }
        if (style >= 0 && style < dateStyles.length && dateStyles[style]) {
            // serial 60 is 1900-02-29, a day that never existed: leave it untyped so validation rejects it
            boolean fictitiousLeapDay = !date1904 && number >= 60 && number < 61;
            if (!DateUtil.isValidExcelDate(number) || fictitiousLeapDay) {
                return new CellValue(text, null, null);
            }
            return new CellValue(text, DateUtil.getLocalDateTime(number, date1904), null);
        }
        return new CellValue(text, number, null);
    }

    /** Some writers store integers as {@code 3.0}; submitters typed {@code 3}, and codes must read as {@code 3}. */
    static String withoutZeroFraction(String number) {
        int dot = number.indexOf('.');
        if (dot <= 0) {
            return number;
        }
        for (int i = dot + 1; i < number.length(); i++) {
            if (number.charAt(i) != '0') {
                return number;
            }
        }
        return number.substring(0, dot);
    }

    private static LocalDateTime parseIsoDate(String text) {
        try {
            return text.length() <= 10
                    ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CellValue textValue(String text) {
        return text == null || text.isEmpty() ? null : new CellValue(text, null, null);
    }

    private void fillMerged(SheetRow row) {
        while (nextRangeIndex < mergedRanges.size() && mergedRanges.get(nextRangeIndex).firstRow <= row.index) {
            activeRanges.add(mergedRanges.get(nextRangeIndex++));
        }
        activeRanges.removeIf(range -> range.lastRow < row.index);
        for (MergedRange range : activeRanges) {
            if (range.firstRow == row.index) {
                range.value = range.firstColumn < row.cells.length ? row.cells[range.firstColumn] : null;
            }
            if (range.value == null) {
                continue;
            }
            // bounded by the row's own cells and the header, so a sheet-wide range cannot blow up every row
            int last = Math.min(range.lastColumn, Math.max(row.cells.length, width) - 1);
            if (last >= row.cells.length) {
                row.cells = Arrays.copyOf(row.cells, last + 1);
            }
            for (int column = range.firstColumn; column <= last; column++) {
                row.cells[column] = range.value;
            }
        }
    }

    private static List<MergedRange> readMergedRanges(InputStream sheet) throws Exception {
        List<MergedRange> ranges = new ArrayList<>();
        XMLStreamReader xml = XlsxParts.openXml(sheet);
        try {
            int event;
            while ((event = XlsxParts.nextElement(xml)) != XMLStreamConstants.END_DOCUMENT) {
                if (event == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("mergeCell")) {
                    MergedRange range = MergedRange.parse(XlsxParts.attribute(xml, "ref"));
                    if (range != null && ranges.size() == ReaderLimits.MAX_MERGED_RANGES) {
                        throw new FileRejectedException(
                                ReasonCode.TOO_MANY_MERGED_CELLS,
                                "the sheet has more than " + ReaderLimits.MAX_MERGED_RANGES + " merged ranges",
                                Map.of("max", ReaderLimits.MAX_MERGED_RANGES));
                    }
                    if (range != null) {
                        ranges.add(range);
                    }
                }
            }
        } finally {
            xml.close();
        }
        ranges.sort(Comparator.comparingInt(range -> range.firstRow));
        return ranges;
    }

    private static String referencePrefix(String sheetName) {
        if (sheetName.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            return sheetName;
        }
        return "'" + sheetName.replace("'", "''") + "'";
    }

    private static void revertQuietly(OPCPackage pkg) {
        if (pkg != null) {
            try {
                pkg.revert();
            } catch (RuntimeException ignored) {
                // the package was opened read-only; nothing to save
            }
        }
    }

    /** A cell's value as read, shared by every cell of a merged range. */
    private record CellValue(String text, Object typed, RawCell.ReasonCodeRef error) {}

    private static final class SheetRow {
        final int index;
        CellValue[] cells;

        SheetRow(int index, CellValue[] cells) {
            this.index = index;
            this.cells = cells;
        }

        int lastNonBlank() {
            for (int i = cells.length - 1; i >= 0; i--) {
                if (!isBlank(cells[i])) {
                    return i;
                }
            }
            return -1;
        }

        boolean isBlank() {
            return lastNonBlank() < 0;
        }

        private static boolean isBlank(CellValue cell) {
            return cell == null
                    || (cell.error == null && cell.typed == null && (cell.text == null || cell.text.isBlank()));
        }
    }

    private static final class MergedRange {
        final int firstRow;
        final int lastRow;
        final int firstColumn;
        final int lastColumn;
        CellValue value;

        private MergedRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            this.firstRow = firstRow;
            this.lastRow = lastRow;
            this.firstColumn = firstColumn;
            this.lastColumn = lastColumn;
        }

        static MergedRange parse(String ref) {
            if (ref == null || ref.indexOf(':') < 0) {
                return null;
            }
            String[] ends = ref.split(":", 2);
            int firstColumn = CellReferences.columnIndex(ends[0]);
            int lastColumn = CellReferences.columnIndex(ends[1]);
            int firstRow = CellReferences.rowNumber(ends[0]);
            int lastRow = CellReferences.rowNumber(ends[1]);
            if (firstColumn < 0 || lastColumn < firstColumn || firstRow < 1 || lastRow < firstRow) {
                return null;
            }
            return new MergedRange(firstRow, lastRow, firstColumn, Math.min(lastColumn, MAX_COLUMNS - 1));
        }
    }
}
