package ma.marsad.pipeline.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Saves streaming workbooks byte-for-byte reproducibly. POI stamps the document's creation date and every zip entry
 * with the wall clock; both are replaced by a time derived from the file's period.
 */
final class XlsxFiles {

    private XlsxFiles() {}

    /** A streaming workbook keeping 100 rows in memory, its strings inline (no shared-strings table). */
    static SXSSFWorkbook newWorkbook() {
        return new SXSSFWorkbook(100);
    }

    static CellStyle dateStyle(SXSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        return style;
    }

    /** Writes, closes and disposes {@code workbook}; {@code createdAt} stands in for every clock reading. */
    static void save(SXSSFWorkbook workbook, Path target, Instant createdAt) throws IOException {
        Path asWritten = Files.createTempFile("marsad-demo-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(asWritten)) {
                workbook.getXSSFWorkbook()
                        .getProperties()
                        .getCoreProperties()
                        .setCreated(Optional.of(Date.from(createdAt)));
                workbook.write(out);
            } finally {
                workbook.dispose();
                workbook.close();
            }
            LocalDateTime entryTime = LocalDateTime.ofInstant(createdAt, LandingFolder.MOROCCO);
            try (ZipFile written = new ZipFile(asWritten.toFile());
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                for (ZipEntry entry : Collections.list(written.entries())) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    // setTimeLocal, unlike setTime, does not depend on the machine's time zone.
                    copy.setTimeLocal(entryTime);
                    out.putNextEntry(copy);
                    try (InputStream in = written.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(asWritten);
        }
    }
}
