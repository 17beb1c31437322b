package ma.marsad.pipeline.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code ai-programme-quarterly}: the Al-Jazari institutes (XLSX, sheet {@code KPI}, counts as number cells, budgets
 * and region as fr-MA text) and the MTNRA–Mistral AI joint lab (a JSON array), quarterly from 2025, received 30 days
 * after the quarter. JAZARI-ROOT (Rabat) is operational from 2025; JAZARI-NADOR reports from the end of 2025 and
 * opens in 2026.
 */
final class AiProgrammeGenerator {

    static final String TEMPLATE = "ai-programme-quarterly";
    private static final String[] HEADER = {
        "trimestre",
        "code_entite",
        "type_entite",
        "code_region",
        "talents_formes",
        "projets_pilotes_lances",
        "startups_accompagnees",
        "ateliers",
        "chercheurs",
        "budget_engage_mad",
        "budget_execute_mad",
        "statut_operationnel"
    };

    /** One entity's report for one quarter. */
    private record Report(
            Quarter quarter,
            String entity,
            String type,
            String region,
            long talents,
            long pilots,
            long startups,
            long workshops,
            long researchers,
            long committed,
            long executed,
            boolean operational) {

        Object[] values() {
            return new Object[] {
                quarter.label(),
                entity,
                type,
                region,
                talents,
                pilots,
                startups,
                workshops,
                researchers,
                committed,
                executed,
                operational ? "oui" : "non"
            };
        }
    }

    private final LandingFolder landing;
    private final SplittableRandom random;

    AiProgrammeGenerator(LandingFolder landing, SplittableRandom random) {
        this.landing = landing;
        this.random = random;
    }

    void generate() throws IOException {
        Quarter overspendQuarter = new Quarter(2025, 4);
        for (Quarter quarter : Quarter.range(new Quarter(2025, 1), Quarter.of(landing.asOf()))) {
            LocalDate receivedOn = quarter.end().plusDays(30);
            if (!landing.arrivedBy(receivedOn)) {
                break;
            }
            int index = (quarter.year() - 2025) * 4 + quarter.quarter() - 1; // 0 for 2025-Q1
            Report root = institute(quarter, "JAZARI-ROOT", "04", index, true, quarter.equals(overspendQuarter));
            Path rootFile = writeWorkbook(root, receivedOn);
            if (quarter.equals(overspendQuarter)) {
                landing.planted(
                        rootFile,
                        ExpectedOutcome.ACCEPTED_WITH_WARNING,
                        null,
                        List.of(),
                        "budget_execute_mad is above budget_engage_mad (a catch-up of invoices): a warning, not an error");
            }
            if (!quarter.start().isBefore(LocalDate.of(2025, 10, 1))) {
                boolean open = !quarter.start().isBefore(LocalDate.of(2026, 4, 1));
                writeWorkbook(institute(quarter, "JAZARI-NADOR", "02", index - 3, open, false), receivedOn);
            }
            writeLabJson(lab(quarter, index), receivedOn);
        }
    }

    private Report institute(
            Quarter quarter, String entity, String region, int index, boolean operational, boolean overspend) {
        double ramp = Math.min(1, (index + 1) / 6.0);
        long talents = operational ? Math.round(Trend.jitter(random, 150 + 450 * ramp, 0.15)) : 0;
        long committed =
                Math.round(Trend.jitter(random, (operational ? 14_000_000 : 6_000_000) + 9_000_000 * ramp, 0.1) / 1_000)
                        * 1_000;
        double executionRate = overspend ? 1.06 : 0.55 + 0.35 * ramp + 0.05 * random.nextDouble();
        return new Report(
                quarter,
                entity,
                "institut",
                region,
                talents,
                operational ? 1 + random.nextInt(2 + index) : 0,
                operational ? Math.round(Trend.jitter(random, 5 + 10 * ramp, 0.3)) : 0,
                Math.round(Trend.jitter(random, 4 + 6 * ramp, 0.3)),
                Math.round(Trend.jitter(random, (operational ? 20 : 6) + 40 * ramp, 0.1)),
                committed,
                Math.round(committed * executionRate),
                operational);
    }

    private Report lab(Quarter quarter, int index) {
        double ramp = Math.min(1, (index + 1) / 6.0);
        long committed = Math.round(Trend.jitter(random, 5_000_000 + 4_000_000 * ramp, 0.1) / 1_000) * 1_000;
        return new Report(
                quarter,
                "MISTRAL-LAB",
                "laboratoire",
                "04",
                Math.round(Trend.jitter(random, 40 + 160 * ramp, 0.2)),
                1 + random.nextInt(3),
                Math.round(Trend.jitter(random, 2 + 6 * ramp, 0.3)),
                3 + random.nextInt(6),
                Math.round(Trend.jitter(random, 8 + 22 * ramp, 0.1)),
                committed,
                Math.round(committed * (0.5 + 0.4 * ramp)),
                true);
    }

    private Path writeWorkbook(Report report, LocalDate receivedOn) throws IOException {
        String fileName = "kpi-" + report.entity().toLowerCase(java.util.Locale.ROOT) + "-"
                + report.quarter().year() + "-T" + report.quarter().quarter() + ".xlsx";
        Path file = landing.newFile(TEMPLATE, report.entity(), fileName);
        SXSSFWorkbook workbook = XlsxFiles.newWorkbook();
        SXSSFSheet sheet = workbook.createSheet("KPI");
        Row header = sheet.createRow(0);
        for (int column = 0; column < HEADER.length; column++) {
            header.createCell(column).setCellValue(HEADER[column]);
        }
        Row row = sheet.createRow(1);
        Object[] values = report.values();
        for (int column = 0; column < values.length; column++) {
            Object value = values[column];
            boolean budget = column >= 9 && column <= 10;
            if (budget) {
                // Budgets typed as text the French way, with decimals.
                row.createCell(column)
                        .setCellValue(FrenchNumbers.decimal((Long) value, 2, FrenchNumbers.NO_BREAK_SPACE));
            } else if (value instanceof Long number) {
                row.createCell(column).setCellValue(number);
            } else {
                row.createCell(column).setCellValue((String) value);
            }
        }
        Instant receivedAt = LandingFolder.at(receivedOn, 12, 0);
        XlsxFiles.save(workbook, file, receivedAt.minusSeconds(3_600));
        landing.submitted(file, report.quarter().key(), 1, receivedAt);
        return file;
    }

    private void writeLabJson(Report report, LocalDate receivedOn) throws IOException {
        Path file = landing.newFile(
                TEMPLATE,
                "MISTRAL-LAB",
                "mistral-lab-" + report.quarter().year() + "-T"
                        + report.quarter().quarter() + ".json");
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(
                    new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            json.writeStartArray();
            json.writeStartObject();
            Object[] values = report.values();
            for (int column = 0; column < HEADER.length; column++) {
                if (values[column] instanceof Long number) {
                    if (column >= 9) {
                        json.writeNumberField(HEADER[column], BigDecimal.valueOf(number, 0));
                    } else {
                        json.writeNumberField(HEADER[column], number);
                    }
                } else {
                    json.writeStringField(HEADER[column], (String) values[column]);
                }
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeRaw('\n');
        }
        landing.submitted(file, report.quarter().key(), 1, LandingFolder.at(receivedOn, 16, 30));
    }
}
