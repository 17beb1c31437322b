package ma.marsad.pipeline.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;
import ma.marsad.pipeline.demo.DemoSummary.PlantedRow;
import ma.marsad.pipeline.quality.ReasonCode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code telecom-quarterly}: ANRT's market indicators, one workbook per quarter received 45 days after it ends. The
 * first quarter of 2024 starts from the figures ANRT published for it (internet, mobile internet, ADSL and FTTH
 * subscriptions, internet penetration); the series then move towards the 2026 milestones and 2030 targets.
 */
final class TelecomGenerator {

    static final String TEMPLATE = "telecom-quarterly";
    private static final String[] OPERATORS = {"IAM", "ORANGE", "INWI"};
    private static final String[] HEADER = {"trimestre", "indicateur", "operateur", "valeur", "unite"};
    private static final int HEADER_ROW_INDEX = 2;

    private final LandingFolder landing;
    private final SplittableRandom random;

    /** One data row of a workbook. */
    private record Line(String indicator, String operator, double value, int decimals, String unit) {}

    TelecomGenerator(LandingFolder landing, SplittableRandom random) {
        this.landing = landing;
        this.random = random;
    }

    void generate() throws IOException {
        MarketState state = MarketState.firstQuarterOf2024();
        Quarter formulaErrorQuarter = Quarter.of(landing.asOf().minusMonths(9));
        Path latest = null;
        List<Quarter> quarters = Quarter.range(new Quarter(2024, 1), Quarter.of(landing.asOf()));
        for (int index = 0; index < quarters.size(); index++) {
            Quarter quarter = quarters.get(index);
            LocalDate receivedOn = quarter.end().plusDays(45);
            if (!landing.arrivedBy(receivedOn)) {
                break;
            }
            if (index > 0) {
                state = state.next(random, quarter, index);
            }
            List<Line> lines = lines(state, quarter, index);
            Path file = landing.newFile(
                    TEMPLATE, "ANRT", "anrt-indicateurs-" + quarter.year() + "-T" + quarter.quarter() + ".xlsx");
            boolean plantFormulaError = quarter.equals(formulaErrorQuarter);
            int formulaErrorRow = write(file, quarter, lines, plantFormulaError, LandingFolder.at(receivedOn, 10, 0));
            boolean isLast = !landing.arrivedBy(quarter.next().end().plusDays(45));
            Instant receivedAt = LandingFolder.at(receivedOn, 11, 0);
            if (isLast) {
                landing.submittedWithDoneMarker(file, quarter.key(), lines.size(), receivedAt);
                latest = file;
            } else {
                landing.submitted(file, quarter.key(), lines.size(), receivedAt);
            }
            if (plantFormulaError) {
                landing.planted(
                        file,
                        ExpectedOutcome.ACCEPTED_WITH_QUARANTINE,
                        null,
                        List.of(new PlantedRow(formulaErrorRow, "valeur", "#DIV/0!", ReasonCode.FORMULA_ERROR)),
                        "the internet penetration rate is a formula whose cached value is #DIV/0!; that row goes to"
                                + " quarantine, the other indicators load, and the Total/Source footer is a warning");
            }
        }
        if (latest != null) {
            writeHiddenFile(latest.resolveSibling(".DS_Store"));
        }
    }

    private static List<Line> lines(MarketState state, Quarter quarter, int index) {
        List<Line> lines = new ArrayList<>();
        addPark(lines, "parc_mobile", state.mobile, state.mobileShares);
        addPark(lines, "parc_internet", state.internet(), state.internetShares());
        addPark(lines, "parc_internet_mobile", state.mobileInternet, state.mobileInternetShares);
        addPark(lines, "parc_adsl", state.adsl, state.adslShares);
        addPark(lines, "parc_ftth", state.ftth, state.ftthShares);
        lines.add(new Line("foyers_eligibles_ftth", "TOUS", state.fibreEligibleHouseholds, 0, "foyers"));
        lines.add(new Line("couverture_4g_population", "TOUS", state.coverage4g, 2, "pourcentage"));
        lines.add(new Line("couverture_5g_population", "TOUS", state.coverage5g, 2, "pourcentage"));
        lines.add(new Line("taux_penetration_internet", "TOUS", state.internetPenetration, 2, "pourcentage"));
        lines.add(new Line("sites_publics_fibre", "TOUS", state.publicSitesOnFibre, 0, "sites"));
        lines.add(new Line("localites_couvertes_pnhd", "TOUS", state.pnhdLocalities, 0, "localites"));
        return lines;
    }

    /** The national total first, then each operator; operator figures add up exactly to the total. */
    private static void addPark(List<Line> lines, String indicator, long total, double[] shares) {
        lines.add(new Line(indicator, "TOUS", total, 0, "abonnements"));
        long assigned = 0;
        for (int i = 0; i < OPERATORS.length; i++) {
            long value = i == OPERATORS.length - 1 ? total - assigned : Math.round(total * shares[i]);
            assigned += value;
            lines.add(new Line(indicator, OPERATORS[i], value, 0, "abonnements"));
        }
    }

    /** Writes the workbook; returns the data row number of the planted formula error (0 when none). */
    private int write(Path file, Quarter quarter, List<Line> lines, boolean plantFormulaError, Instant savedAt)
            throws IOException {
        SXSSFWorkbook workbook = XlsxFiles.newWorkbook();
        SXSSFSheet sheet = workbook.createSheet("Indicateurs");
        sheet.createRow(0)
                .createCell(0)
                .setCellValue("Indicateurs du marché des télécommunications – " + quarter.frenchLabel());
        sheet.createRow(1)
                .createCell(0)
                .setCellValue(
                        "Note : parcs en nombre d'abonnements en fin de trimestre ; taux en % de la population. Données provisoires.");
        Row header = sheet.createRow(HEADER_ROW_INDEX);
        for (int column = 0; column < HEADER.length; column++) {
            header.createCell(column).setCellValue(HEADER[column]);
        }
        boolean longQuarterLabel =
                quarter.quarter() == 1 && quarter.year() > 2024 || quarter.equals(new Quarter(2024, 3));
        String quarterLabel = longQuarterLabel ? quarter.frenchLabel() : quarter.label();
        int formulaErrorRow = 0;
        int rowIndex = HEADER_ROW_INDEX + 1;
        double parksTotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Row row = sheet.createRow(rowIndex++);
            row.createCell(0).setCellValue(quarterLabel);
            row.createCell(1).setCellValue(line.indicator());
            row.createCell(2).setCellValue(line.operator());
            Cell value = row.createCell(3);
            if (plantFormulaError && line.indicator().equals("taux_penetration_internet")) {
                // Population looked up in a blank cell: Excel cached #DIV/0!.
                value.setCellFormula("D4/D99*100");
                value.setCellErrorValue(FormulaError.DIV0.getCode());
                formulaErrorRow = i + 1;
            } else if (random.nextDouble() < 0.2) {
                value.setCellValue(frenchText(line));
            } else {
                value.setCellValue(roundTo(line.value(), line.decimals()));
            }
            row.createCell(4).setCellValue(line.unit());
            if (line.unit().equals("abonnements") && line.operator().equals("TOUS")) {
                parksTotal += line.value();
            }
        }
        rowIndex++; // the blank row that ends the data
        Row total = sheet.createRow(rowIndex++);
        total.createCell(0).setCellValue("Total");
        total.createCell(1).setCellValue("parcs (abonnements)");
        total.createCell(3).setCellValue(parksTotal);
        sheet.createRow(rowIndex).createCell(0).setCellValue("Source : ANRT");
        XlsxFiles.save(workbook, file, savedAt);
        return formulaErrorRow;
    }

    private String frenchText(Line line) {
        char[] groupings = {FrenchNumbers.SPACE, FrenchNumbers.NO_BREAK_SPACE, FrenchNumbers.NARROW_NO_BREAK_SPACE};
        char grouping = groupings[random.nextInt(groupings.length)];
        return line.decimals() == 0
                ? FrenchNumbers.integer(Math.round(line.value()), grouping)
                : FrenchNumbers.decimal(line.value(), line.decimals(), grouping);
    }

    private static double roundTo(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** A macOS Finder file copied along with the workbooks. */
    private void writeHiddenFile(Path hidden) throws IOException {
        Files.write(hidden, new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1', 0, 0, 0x10, 0});
        landing.notASubmission(
                hidden,
                LandingFolder.at(landing.asOf().minusDays(4), 9, 5),
                "a hidden file (.DS_Store): skipped and reported, never read");
    }

    /** The market at the end of one quarter. */
    private static final class MarketState {
        long mobile;
        long mobileInternet;
        long adsl;
        long ftth;
        long otherInternet;
        double fibreEligibleHouseholds;
        double coverage4g;
        double coverage5g;
        double internetPenetration;
        double publicSitesOnFibre;
        double pnhdLocalities;
        double[] mobileShares = {0.375, 0.355, 0.27};
        double[] mobileInternetShares = {0.36, 0.37, 0.27};
        double[] adslShares = {0.93, 0.02, 0.05};
        double[] ftthShares = {0.62, 0.23, 0.15};

        /** ANRT, first quarter of 2024, as published: internet 38.3 M, mobile internet 35.61 M, ADSL 1.61 M, FTTH 918,579, penetration 103.45 %. */
        static MarketState firstQuarterOf2024() {
            MarketState state = new MarketState();
            state.mobile = 55_420_000;
            state.mobileInternet = 35_610_000;
            state.adsl = 1_610_000;
            state.ftth = 918_579;
            state.otherInternet = 38_300_000 - 35_610_000 - 1_610_000 - 918_579;
            state.fibreEligibleHouseholds = 2_350_000;
            state.coverage4g = 99.12;
            state.coverage5g = 0;
            state.internetPenetration = 103.45;
            state.publicSitesOnFibre = 2_100;
            state.pnhdLocalities = 380;
            return state;
        }

        long internet() {
            return mobileInternet + adsl + ftth + otherInternet;
        }

        double[] internetShares() {
            double[] shares = new double[3];
            long total = internet();
            for (int i = 0; i < 3; i++) {
                shares[i] = (mobileInternet * mobileInternetShares[i]
                                + adsl * adslShares[i]
                                + ftth * ftthShares[i]
                                + otherInternet / 3.0)
                        / total;
            }
            return shares;
        }

        /** The following quarter; {@code index} counts quarters from 2024-Q1 (0). */
        MarketState next(SplittableRandom random, Quarter quarter, int index) {
            MarketState next = new MarketState();
            next.mobile = Math.round(Trend.jitter(random, mobile * 1.004, 0.003));
            next.mobileInternet = Math.round(Trend.jitter(random, mobileInternet * 1.011, 0.004));
            next.adsl = Math.round(Trend.jitter(random, adsl * 0.975, 0.005));
            next.ftth = Math.round(Trend.jitter(random, ftth * 1.075, 0.01));
            next.otherInternet = Math.round(otherInternet * 0.97);
            // Fibre eligibility climbs from 2.35 M towards the 4.4 M milestone of end-2026, a little behind.
            double eligibleTrend = 2_350_000 + (4_250_000 - 2_350_000) * index / 11.0;
            next.fibreEligibleHouseholds =
                    Math.max(fibreEligibleHouseholds, Math.round(Trend.jitter(random, eligibleTrend, 0.015)));
            next.coverage4g = Math.min(99.8, coverage4g + 0.04 + 0.04 * random.nextDouble());
            // 5G opened commercially in the last quarter of 2025, heading for 25 % by end-2026.
            boolean fiveGOpen = !quarter.start().isBefore(LocalDate.of(2025, 10, 1));
            next.coverage5g = fiveGOpen ? Math.max(coverage5g, Trend.jitter(random, 8.5 + 4.1 * (index - 7), 0.05)) : 0;
            next.internetPenetration = internetPenetration + 0.35 + 0.4 * random.nextDouble();
            next.publicSitesOnFibre =
                    Math.max(publicSitesOnFibre, Math.round(Trend.jitter(random, 2_100 + 4_000 * index / 11.0, 0.02)));
            next.pnhdLocalities =
                    Math.max(pnhdLocalities, Math.round(Trend.jitter(random, 380 + 1_480 * index / 11.0, 0.03)));
            next.mobileShares = drift(random, mobileShares);
            next.mobileInternetShares = drift(random, mobileInternetShares);
            next.adslShares = adslShares;
            next.ftthShares = drift(random, ftthShares);
            return next;
        }

        private static double[] drift(SplittableRandom random, double[] shares) {
            double[] drifted = new double[shares.length];
            double sum = 0;
            for (int i = 0; i < shares.length; i++) {
                drifted[i] = Trend.jitter(random, shares[i], 0.01);
                sum += drifted[i];
            }
            for (int i = 0; i < shares.length; i++) {
                drifted[i] /= sum;
            }
            return drifted;
        }
    }
}
