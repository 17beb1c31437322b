package ma.marsad.pipeline.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code un-egov-survey}: the 2022 and 2024 UN E-Government Survey files in their published layouts. Morocco's row
 * carries its published values; the 192 other Member States are synthetic ({@code Country 001} …) and built so that
 * Morocco keeps its published EGDI rank (101, then 90) and the OSI rank the UN data give it (113, then 100): exactly
 * 100 / 89 countries have a higher published EGDI and 112 / 99 a higher OSI, none tied with Morocco.
 */
final class UnSurveyGenerator {

    static final String TEMPLATE = "un-egov-survey";
    static final String HEADER_2022 = "Survey Year,Country Name,E-Government Rank,E-Government Index,"
            + "E-Participation Index,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index";
    static final String HEADER_2024 =
            "Survey Year,Country,Rank,E_Index,E_Participation,Online_Service,Human_Capital,Tele_Infra,Region";
    static final int MEMBER_STATES = 193;

    /**
     * One survey edition: Morocco's published figures and how the other 192 countries sit around it.
     *
     * @param decimals the precision the UN rounds the edition's indices to (the files print 5 decimals)
     * @param bothHigher countries above Morocco on OSI and EGDI
     * @param onlyOsiHigher countries above on OSI, below on EGDI
     * @param onlyEgdiHigher countries below on OSI, above on EGDI
     * @param telecomBoost how much higher telecom infrastructure runs in this edition
     */
    private record Edition(
            int year,
            int decimals,
            double egdi,
            int egdiRank,
            double epi,
            double osi,
            double hci,
            double tii,
            int bothHigher,
            int onlyOsiHigher,
            int onlyEgdiHigher,
            double telecomBoost,
            LocalDate publishedOn) {

        int othersBelowOnBoth() {
            return MEMBER_STATES - 1 - bothHigher - onlyOsiHigher - onlyEgdiHigher;
        }
    }

    // Morocco: UN E-Government Survey 2022 and 2024 (reference/morocco-egdi-history.csv).
    // 2022: 95 + 17 = 112 higher OSI (rank 113), 95 + 5 = 100 higher EGDI (rank 101).
    // 2024: 82 + 17 = 99 higher OSI (rank 100), 82 + 7 = 89 higher EGDI (rank 90).
    private static final Edition EDITION_2022 =
            new Edition(2022, 4, 0.5915, 101, 0.2727, 0.4721, 0.635, 0.6676, 95, 17, 5, 0.0, LocalDate.of(2022, 9, 28));
    private static final Edition EDITION_2024 = new Edition(
            2024, 5, 0.68411, 90, 0.4384, 0.56184, 0.60783, 0.88273, 82, 17, 7, 0.12, LocalDate.of(2024, 9, 17));

    private static final String[] REGIONS_2024 = {"Africa", "America", "Asia", "Europe", "Oceania"};
    // Member States per region, Morocco excluded from Africa's 54.
    private static final int[] OTHERS_PER_REGION = {53, 35, 47, 43, 14};

    /** One country's published row. */
    private record Country(String name, double egdi, double epi, double osi, double hci, double tii, String region) {}

    private final LandingFolder landing;
    private final SplittableRandom random;

    UnSurveyGenerator(LandingFolder landing, SplittableRandom random) {
        this.landing = landing;
        this.random = random;
    }

    void generate() throws IOException {
        for (Edition edition : List.of(EDITION_2022, EDITION_2024)) {
            if (landing.arrivedBy(edition.publishedOn())) {
                write(edition, countries(edition));
            }
        }
    }

    private List<Country> countries(Edition edition) {
        List<int[]> quadrants = new ArrayList<>(); // {osiHigher, egdiHigher}
        addTimes(quadrants, new int[] {1, 1}, edition.bothHigher());
        addTimes(quadrants, new int[] {1, 0}, edition.onlyOsiHigher());
        addTimes(quadrants, new int[] {0, 1}, edition.onlyEgdiHigher());
        addTimes(quadrants, new int[] {0, 0}, edition.othersBelowOnBoth());
        shuffle(quadrants);
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < REGIONS_2024.length; i++) {
            for (int n = 0; n < OTHERS_PER_REGION[i]; n++) {
                regions.add(REGIONS_2024[i]);
            }
        }
        shuffle(regions);

        List<Country> countries = new ArrayList<>();
        for (int i = 0; i < quadrants.size(); i++) {
            String name = String.format(Locale.ROOT, "Country %03d", i + 1);
            countries.add(
                    country(edition, name, quadrants.get(i)[0] == 1, quadrants.get(i)[1] == 1, regions.get(i)));
        }
        countries.add(new Country(
                "Morocco", edition.egdi(), edition.epi(), edition.osi(), edition.hci(), edition.tii(), "Africa"));
        countries.sort(Comparator.comparing(Country::name));
        return countries;
    }

    /** Draws components until the country falls in its quadrant around Morocco, with no tie at published precision. */
    private Country country(Edition edition, String name, boolean osiHigher, boolean egdiHigher, String region) {
        double minimumGap = Math.pow(10, -edition.decimals()) * 2;
        for (int attempt = 0; attempt < 1_000_000; attempt++) {
            double osi;
            if (osiHigher) {
                osi = egdiHigher
                        ? uniform(edition.osi() + minimumGap, 0.99)
                        : uniform(edition.osi() + minimumGap, edition.osi() + 0.2);
            } else {
                osi = egdiHigher
                        ? uniform(edition.osi() - 0.15, edition.osi() - minimumGap)
                        : uniform(0.02, edition.osi() - minimumGap);
            }
            osi = round(osi, edition.decimals());
            double hci = round(clamp(0.45 + 0.5 * osi + 0.1 * Trend.gaussian(random), 0.15, 0.99), edition.decimals());
            double tii = round(
                    clamp(0.12 + edition.telecomBoost() + 0.75 * osi + 0.15 * Trend.gaussian(random), 0.02, 0.99),
                    edition.decimals());
            double egdi = round((osi + hci + tii) / 3, edition.decimals());
            boolean inQuadrant = egdiHigher ? egdi >= edition.egdi() + minimumGap : egdi <= edition.egdi() - minimumGap;
            if (inQuadrant) {
                double epi = round(clamp(0.9 * osi + 0.12 * Trend.gaussian(random), 0, 1), 4);
                return new Country(name, egdi, epi, osi, hci, tii, region);
            }
        }
        throw new IllegalStateException("no country found for the quadrant osiHigher=" + osiHigher + ", egdiHigher="
                + egdiHigher + " of " + edition.year() + "; widen the sampling ranges");
    }

    private void write(Edition edition, List<Country> countries) throws IOException {
        Path file = landing.newFile(TEMPLATE, "UNDESA", "EGOV_DATA_" + edition.year() + ".csv");
        StringBuilder csv = new StringBuilder(32 * 1024);
        csv.append(edition.year() == 2022 ? HEADER_2022 : HEADER_2024).append("\r\n");
        for (Country country : countries) {
            int rank = 1;
            for (Country other : countries) {
                if (other.egdi() > country.egdi()) {
                    rank++;
                }
            }
            csv.append(edition.year()).append(',');
            if (edition.year() == 2022 || random.nextDouble() < 0.1) {
                // The 2022 export quotes every name and pads it with a space; a few 2024 names are quoted too.
                csv.append('"').append(country.name()).append(" \"");
            } else {
                csv.append(country.name()).append(' ');
            }
            csv.append(',').append(rank);
            for (double index :
                    new double[] {country.egdi(), country.epi(), country.osi(), country.hci(), country.tii()}) {
                csv.append(',').append(fiveDecimals(index));
            }
            if (edition.year() == 2024) {
                csv.append(',').append(country.region());
            }
            csv.append("\r\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        landing.submitted(
                file,
                Integer.toString(edition.year()),
                countries.size(),
                LandingFolder.at(edition.publishedOn(), 10, 0));
    }

    private double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String fiveDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP).toPlainString();
    }

    private static <T> void addTimes(List<T> list, T value, int times) {
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swapped = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swapped);
        }
    }
}
