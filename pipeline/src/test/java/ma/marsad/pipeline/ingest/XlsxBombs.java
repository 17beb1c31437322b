package ma.marsad.pipeline.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes hostile but well-formed workbooks in a test's folder, streaming their parts so that nothing large is held
 * while writing: a sheet named {@code S} whose header cell A1 and data cell A2 are shared strings 0 and 1, followed by
 * whatever the shared-string table is made to hold. Their text varies enough to stay above POI's 1 % inflate ratio.
 */
final class XlsxBombs {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String[] WORDS = {
        "marsad", "rabat", "oujda", "fes", "souss", "draa", "nador", "ifrane",
        "tanger", "agadir", "safi", "taza", "meknes", "settat", "kpi", "data"
    };

    private XlsxBombs() {}

    /** The part that fills the shared-string table after its first two entries. */
    @FunctionalInterface
    interface Filler {
        void write(OutputStream out) throws IOException;
    }

    /** {@code count} extra shared strings, each a short distinct text (its number in base 36). */
    static Path manyTinyStrings(Path file, int count) throws IOException {
        return workbook(file, "", out -> {
            for (int i = 0; i < count; i++) {
                ascii(out, "<si><t>" + Integer.toString(i, 36) + "</t></si>");
            }
        });
    }

    /** {@code count} extra shared strings of {@code chars} characters each. */
    static Path manyLongStrings(Path file, int count, int chars) throws IOException {
        return workbook(file, "", out -> {
            for (int i = 0; i < count; i++) {
                ascii(out, "<si><t>");
                words(out, chars, i);
                ascii(out, "</t></si>");
            }
        });
    }

    /** One extra shared string of {@code chars} characters. */
    static Path oneHugeString(Path file, long chars) throws IOException {
        return workbook(file, "", out -> {
            ascii(out, "<si><t>");
            words(out, chars, 0);
            ascii(out, "</t></si>");
        });
    }

    /** A data row of {@code columns} numeric cells after A2. */
    static Path wideRow(Path file, int columns) throws IOException {
        StringBuilder cells = new StringBuilder();
        for (int column = 1; column < columns; column++) {
            cells.append("<c r=\"")
                    .append(CellReferences.columnLetters(column))
                    .append("2\"><v>")
                    .append(column)
                    .append("</v></c>");
        }
        return workbook(file, cells.toString(), out -> {});
    }

    private static Path workbook(Path file, String moreCellsOfRow2, Filler filler) throws IOException {
        try (ZipOutputStream zip =
                new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED);
            entry(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                            + "</Types>");
            entry(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            + "</Relationships>");
            entry(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                            + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                            + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                            + "</Relationships>");
            entry(
                    zip,
                    "xl/worksheets/sheet1.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                            + MAIN + "\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c>" + moreCellsOfRow2 + "</row>"
                            + "</sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            OutputStream part = new BufferedOutputStream(zip, 1 << 16); // not closed: that would close the zip
            ascii(part, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">");
            ascii(part, "<si><t>a</t></si><si><t>b</t></si>");
            filler.write(part);
            ascii(part, "</sst>");
            part.flush();
            zip.closeEntry();
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        ascii(zip, content);
        zip.closeEntry();
    }

    private static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code chars} characters of words picked at random, written a block at a time. */
    private static void words(OutputStream out, long chars, int seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder block = new StringBuilder(1 << 16);
        while (block.length() < 1 << 16) {
            block.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        byte[] bytes = block.substring(0, 1 << 16).getBytes(StandardCharsets.US_ASCII);
        long left = chars;
        while (left > 0) {
            int n = (int) Math.min(left, bytes.length);
            out.write(bytes, 0, n);
            left -= n;
        }
    }
}
