package ma.marsad.pipeline.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;

/**
 * {@code digital-economy-annual}: MEF, ODC and MTNRA figures for 2023–2025, received in spring of the following year
 * (CSV, {@code ;}, fr-MA). 2023 starts from the published baselines (130,000 offshoring jobs, 17.9 bn MAD of digital
 * exports). MEF later sends a rectified 2024 file that corrects the offshoring jobs: a revision.
 */
final class DigitalEconomyGenerator {

    static final String TEMPLATE = "digital-economy-annual";
    private static final String HEADER = "annee;indicateur;valeur;unite;source";

    /** One row; {@code value} in the unit's base (jobs, dirhams). */
    private record Figure(int year, String indicator, double value, String unit, String source) {}

    private final LandingFolder landing;
    private final SplittableRandom random;

    DigitalEconomyGenerator(LandingFolder landing, SplittableRandom random) {
        this.landing = landing;
        this.random = random;
    }

    void generate() throws IOException {
        Path mef2024 = null;
        List<Figure> mef2024Figures = null;
        for (int year = 2023; year <= 2025; year++) {
            int sinceBaseline = year - 2023;
            if (landing.arrivedBy(LocalDate.of(year + 1, 2, 28))) {
                writeYear("MTNRA", year, mtnra(year), LocalDate.of(year + 1, 2, 28));
            }
            if (landing.arrivedBy(LocalDate.of(year + 1, 3, 31))) {
                List<Figure> figures = mef(year, sinceBaseline);
                Path file = writeYear("MEF", year, figures, LocalDate.of(year + 1, 3, 31));
                if (year == 2024) {
                    mef2024 = file;
                    mef2024Figures = figures;
                }
            }
            if (landing.arrivedBy(LocalDate.of(year + 1, 4, 15))) {
                double exports = year == 2023
                        ? 17.9e9
                        : round(Trend.jitter(random, 17.9e9 * Math.pow(1.135, sinceBaseline), 0.02), 1e6);
                writeYear(
                        "ODC",
                        year,
                        List.of(new Figure(
                                year,
                                "exportations_numeriques",
                                exports,
                                "MAD",
                                "Office des Changes – balance des paiements")),
                        LocalDate.of(year + 1, 4, 15));
            }
        }
        if (mef2024 != null) {
            writeRevision(mef2024, mef2024Figures);
        }
    }

    private List<Figure> mef(int year, int sinceBaseline) {
        String source = "MEF – Direction des études et des prévisions financières";
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(
                year,
                "emplois_numeriques_directs",
                round(Trend.jitter(random, 118_000 * Math.pow(1.11, sinceBaseline), 0.01), 100),
                "emplois",
                source));
        double offshoring = year == 2023
                ? 130_000
                : round(Trend.jitter(random, 130_000 * Math.pow(1.092, sinceBaseline), 0.01), 100);
        figures.add(new Figure(year, "emplois_offshoring", offshoring, "emplois", source));
        figures.add(new Figure(
                year,
                "contribution_pib_numerique",
                round(Trend.jitter(random, 55e9 * Math.pow(1.095, sinceBaseline), 0.01), 1e6),
                "MAD",
                source));
        figures.add(new Figure(
                year,
                "contribution_pib_ia",
                round(Trend.jitter(random, 2.1e9 * Math.pow(1.45, sinceBaseline), 0.03), 1e6),
                "MAD",
                source));
        figures.add(new Figure(
                year,
                "emplois_ia",
                round(Trend.jitter(random, 4_200 * Math.pow(1.45, sinceBaseline), 0.03), 10),
                "emplois",
                source));
        return figures;
    }

    /** The 2024–2026 envelope is 11 bn MAD; execution lags commitments. Values in dirhams with centimes. */
    private List<Figure> mtnra(int year) {
        double committed =
                switch (year) {
                    case 2023 -> 0.9e9;
                    case 2024 -> 3.2e9;
                    default -> 4.1e9;
                };
        committed = Trend.jitter(random, committed, 0.03);
        double executed = committed * (0.68 + 0.15 * random.nextDouble());
        String source = "MTNRA – programme Maroc Digital 2030";
        return List.of(
                new Figure(year, "budget_programme_engage", Math.round(committed * 100) / 100.0, "MAD", source),
                new Figure(year, "budget_programme_execute", Math.round(executed * 100) / 100.0, "MAD", source));
    }

    private Path writeYear(String submitter, int year, List<Figure> figures, LocalDate receivedOn) throws IOException {
        String name = submitter.toLowerCase(java.util.Locale.ROOT) + "-economie-numerique-" + year + ".csv";
        Path file = landing.newFile(TEMPLATE, submitter, name);
        write(file, figures, submitter.equals("MTNRA"));
        landing.submitted(file, Integer.toString(year), figures.size(), LandingFolder.at(receivedOn, 11, 0));
        return file;
    }

    private static void write(Path file, List<Figure> figures, boolean withCentimes) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Figure figure : figures) {
            String value = withCentimes
                    ? FrenchNumbers.decimal(figure.value(), 2, FrenchNumbers.NARROW_NO_BREAK_SPACE)
                    : FrenchNumbers.integer(Math.round(figure.value()), FrenchNumbers.SPACE);
            csv.append(figure.year())
                    .append(';')
                    .append(figure.indicator())
                    .append(';')
                    .append(value)
                    .append(';')
                    .append(figure.unit())
                    .append(';')
                    .append(figure.source())
                    .append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /** The 2024 file again with the offshoring jobs corrected after the CNSS declarations were consolidated. */
    private void writeRevision(Path original, List<Figure> figures) throws IOException {
        List<Figure> corrected = new ArrayList<>();
        double correctedJobs = 0;
        for (Figure figure : figures) {
            if (figure.indicator().equals("emplois_offshoring")) {
                correctedJobs = figure.value() + 6_500;
                corrected.add(new Figure(
                        figure.year(),
                        figure.indicator(),
                        correctedJobs,
                        figure.unit(),
                        figure.source() + " (rectificatif)"));
            } else {
                corrected.add(figure);
            }
        }
        Path file = original.resolveSibling("mef-economie-numerique-2024-rectificatif.csv");
        write(file, corrected, false);
        // Twelve days before the run, and never before the original (received 2025-03-31 at 11:00).
        LocalDate receivedOn = landing.asOf().minusDays(12);
        if (receivedOn.isBefore(LocalDate.of(2025, 3, 31))) {
            receivedOn = LocalDate.of(2025, 3, 31);
        }
        Instant receivedAt = LandingFolder.at(receivedOn, 15, 0);
        landing.submitted(file, "2024", corrected.size(), receivedAt);
        landing.planted(
                file,
                ExpectedOutcome.REVISION,
                null,
                List.of(),
                "a later MEF file for 2024 with emplois_offshoring corrected to "
                        + FrenchNumbers.integer(Math.round(correctedJobs), FrenchNumbers.SPACE) + "; it replaces "
                        + original.getFileName() + " as a whole, which stays as history");
    }

    private static double round(double value, double step) {
        return Math.round(value / step) * step;
    }
}
