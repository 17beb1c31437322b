package ma.marsad.pipeline.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import ma.marsad.pipeline.demo.ServiceCatalogue.Service;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code eservices-catalogue}: MTNRA's snapshot of the e-services registry at the end of every quarter, received ten
 * days later. Older snapshots write {@code date_situation} as {@code dd/MM/yyyy} text, later ones as date cells.
 */
final class CatalogueGenerator {

    static final String TEMPLATE = "eservices-catalogue";
    private static final String[] HEADER = {
        "code_service",
        "intitule_fr",
        "intitule_ar",
        "code_ministere",
        "public_cible",
        "niveau_digitalisation",
        "date_mise_en_ligne",
        "date_situation"
    };
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final LandingFolder landing;
    private final ServiceCatalogue catalogue;

    CatalogueGenerator(LandingFolder landing, ServiceCatalogue catalogue) {
        this.landing = landing;
        this.catalogue = catalogue;
    }

    void generate() throws IOException {
        Path lastSnapshot = null;
        for (Quarter quarter : Quarter.range(new Quarter(2024, 1), Quarter.of(landing.asOf()))) {
            LocalDate snapshotDay = quarter.end();
            LocalDate receivedOn = snapshotDay.plusDays(10);
            if (!landing.arrivedBy(receivedOn)) {
                break;
            }
            boolean dateAsText = quarter.year() == 2024;
            Path file = landing.newFile(TEMPLATE, "MTNRA", "catalogue-eservices-" + snapshotDay + ".xlsx");
            List<Service> services = catalogue.onlineOn(snapshotDay);
            write(file, services, snapshotDay, dateAsText, LandingFolder.at(receivedOn, 9, 0));
            landing.submitted(file, snapshotDay.toString(), services.size(), LandingFolder.at(receivedOn, 10, 15));
            lastSnapshot = file;
        }
        if (lastSnapshot != null) {
            writeLockFile(lastSnapshot);
        }
    }

    private void write(
            Path file, List<Service> services, LocalDate snapshotDay, boolean dateAsText, java.time.Instant savedAt)
            throws IOException {
        SXSSFWorkbook workbook = XlsxFiles.newWorkbook();
        CellStyle dateStyle = XlsxFiles.dateStyle(workbook);
        SXSSFSheet sheet = workbook.createSheet("Services");
        Row header = sheet.createRow(0);
        for (int column = 0; column < HEADER.length; column++) {
            header.createCell(column).setCellValue(HEADER[column]);
        }
        int rowIndex = 1;
        for (Service service : services) {
            Row row = sheet.createRow(rowIndex++);
            row.createCell(0).setCellValue(service.code());
            row.createCell(1).setCellValue(service.titleFrench());
            row.createCell(2).setCellValue(service.titleArabic());
            row.createCell(3).setCellValue(service.ministry());
            row.createCell(4).setCellValue(service.audience());
            row.createCell(5).setCellValue(service.levelOn(snapshotDay));
            if (service.launchDateKnown()) {
                var launched = row.createCell(6);
                launched.setCellValue(service.launchedOn());
                launched.setCellStyle(dateStyle);
            }
            var situation = row.createCell(7);
            if (dateAsText) {
                situation.setCellValue(FRENCH_DATE.format(snapshotDay));
            } else {
                situation.setCellValue(snapshotDay);
                situation.setCellStyle(dateStyle);
            }
        }
        XlsxFiles.save(workbook, file, savedAt);
    }

    /** Excel's owner file, left behind while someone still has the last snapshot open. */
    private void writeLockFile(Path snapshot) throws IOException {
        Path lockFile = snapshot.resolveSibling("~$" + snapshot.getFileName());
        byte[] owner = new byte[165];
        Arrays.fill(owner, (byte) 0x20);
        byte[] name = "mtnra.dsi".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        owner[0] = (byte) name.length;
        System.arraycopy(name, 0, owner, 1, name.length);
        Files.write(lockFile, owner);
        landing.notASubmission(
                lockFile,
                LandingFolder.at(landing.asOf().minusDays(1), 16, 45),
                "an Excel lock file (~$ prefix): skipped and reported, never read");
    }
}
