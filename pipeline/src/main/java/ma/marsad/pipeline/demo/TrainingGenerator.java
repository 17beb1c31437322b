package ma.marsad.pipeline.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;
import ma.marsad.pipeline.demo.DemoSummary.PlantedRow;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * {@code digital-training}: graduates per semester from OFPPT (Windows-1256, Arabic headers and labels, CRLF), the
 * universities UM5, UIR and UM6P, and MTNRA's reconversion programmes (UTF-8, French headers). Graduate numbers climb
 * from about 24,000 a year in 2024 towards the 100,000 of 2030, the AI share and the women's share rising.
 */
final class TrainingGenerator {

    static final String TEMPLATE = "digital-training";
    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    private static final String[] FRENCH_HEADER = {
        "annee",
        "semestre",
        "code_region",
        "operateur",
        "programme",
        "filiere",
        "type_formation",
        "inscrits",
        "diplomes",
        "dont_femmes"
    };
    private static final String[] ARABIC_HEADER = {
        "السنة",
        "الأسدس",
        "رمز_الجهة",
        "المتعهد",
        "البرنامج",
        "الشعبة",
        "نوع_التكوين",
        "المسجلون",
        "الخريجون",
        "منهم_النساء"
    };

    /** A programme an operator runs in some regions; {@code share} is its part of the operator's graduates. */
    private record Programme(String name, String field, String kind, String[] regions, double share) {}

    /** A training operator and its programmes. */
    private record Operator(String submitter, String name, double shareOfGraduates, List<Programme> programmes) {}

    private static final String[] ALL_REGIONS = Regions.CODES;

    private static final List<Operator> OPERATORS = List.of(
            new Operator(
                    "OFPPT",
                    "مكتب التكوين المهني وإنعاش الشغل",
                    0.55,
                    List.of(
                            new Programme("التنمية الرقمية", "numerique", "initiale", ALL_REGIONS, 0.45),
                            new Programme("البنية التحتية الرقمية", "numerique", "initiale", ALL_REGIONS, 0.25),
                            new Programme("الذكاء الاصطناعي", "ia", "initiale", ALL_REGIONS, 0.12),
                            new Programme(
                                    "إعادة التأهيل في المهن الرقمية", "numerique", "reconversion", ALL_REGIONS, 0.18))),
            new Operator(
                    "UM5",
                    "Université Mohammed V de Rabat",
                    0.08,
                    List.of(
                            new Programme("Licence Informatique", "numerique", "initiale", new String[] {"04"}, 0.55),
                            new Programme("Master Big Data et IA", "ia", "initiale", new String[] {"04"}, 0.25),
                            new Programme(
                                    "Formation continue Transformation digitale",
                                    "numerique",
                                    "reconversion",
                                    new String[] {"04"},
                                    0.20))),
            new Operator(
                    "UIR",
                    "Université Internationale de Rabat",
                    0.06,
                    List.of(
                            new Programme("Ingénierie informatique", "numerique", "initiale", new String[] {"04"}, 0.6),
                            new Programme("Intelligence artificielle", "ia", "initiale", new String[] {"04"}, 0.4))),
            new Operator(
                    "UM6P",
                    "Université Mohammed VI Polytechnique",
                    0.11,
                    List.of(
                            new Programme("École de codage", "numerique", "initiale", new String[] {"07", "04"}, 0.5),
                            new Programme("College of Computing - IA", "ia", "initiale", new String[] {"07"}, 0.3),
                            new Programme(
                                    "Bootcamp reconversion IA", "ia", "reconversion", new String[] {"07", "04"}, 0.2))),
            new Operator(
                    "MTNRA",
                    "Ministère de la Transition Numérique et de la Réforme de l'Administration",
                    0.20,
                    List.of(
                            new Programme(
                                    "Programme national de reconversion numérique",
                                    "numerique",
                                    "reconversion",
                                    ALL_REGIONS,
                                    0.75),
                            new Programme(
                                    "IA pour tous",
                                    "ia",
                                    "reconversion",
                                    new String[] {"01", "03", "04", "06", "07"},
                                    0.25))));

    private final LandingFolder landing;
    private final SplittableRandom random;

    TrainingGenerator(LandingFolder landing, SplittableRandom random) {
        this.landing = landing;
        this.random = random;
    }

    void generate() throws IOException {
        List<int[]> semesters = new ArrayList<>();
        for (int year = 2024; year <= landing.asOf().getYear(); year++) {
            for (int semester = 1; semester <= 2; semester++) {
                if (landing.arrivedBy(receivedOn(year, semester))) {
                    semesters.add(new int[] {year, semester});
                }
            }
        }
        List<String[]> latestOfppt = null;
        String latestPeriod = null;
        for (int[] yearAndSemester : semesters) {
            int year = yearAndSemester[0];
            int semester = yearAndSemester[1];
            boolean latest = yearAndSemester == semesters.get(semesters.size() - 1);
            String period = year + "-S" + semester;
            // Annual graduates: about 24,000 in 2024, +37 % a year; half per semester, S2 a little larger.
            double semesterGraduates = 24_000 * Math.pow(1.37, year - 2024) * (semester == 1 ? 0.46 : 0.54);
            double progress = Trend.progress(LocalDate.of(year, semester * 6, 30));
            for (Operator operator : OPERATORS) {
                List<String[]> rows = rows(operator, year, semester, semesterGraduates, progress);
                boolean ofppt = operator.submitter().equals("OFPPT");
                String fileName = (ofppt ? "ofppt-formation-" : "formation-numerique-") + period + ".csv";
                Path file = landing.newFile(TEMPLATE, operator.submitter(), fileName);
                boolean plantBadRows = latest && operator.submitter().equals("UM5");
                List<PlantedRow> planted = plantBadRows ? plantBadRows(rows) : List.of();
                write(file, ofppt, rows);
                landing.submitted(
                        file, period, rows.size(), LandingFolder.at(receivedOn(year, semester), ofppt ? 8 : 14, 20));
                if (plantBadRows) {
                    landing.planted(
                            file,
                            ExpectedOutcome.ACCEPTED_WITH_QUARANTINE,
                            null,
                            planted,
                            "three rows carry an ambiguous number (1.5 in fr-MA), a region code outside 01..12 and"
                                    + " an unknown field of study; they go to quarantine and the other rows load");
                }
                if (ofppt) {
                    latestOfppt = rows;
                    latestPeriod = period;
                }
            }
        }
        if (latestOfppt != null) {
            writeOfpptResentAsUtf8(latestOfppt, latestPeriod);
        }
    }

    /** Semester reports are due two and a half months after the semester ends. */
    private static LocalDate receivedOn(int year, int semester) {
        return semester == 1 ? LocalDate.of(year, 9, 15) : LocalDate.of(year + 1, 3, 15);
    }

    private List<String[]> rows(Operator operator, int year, int semester, double semesterGraduates, double progress) {
        List<String[]> rows = new ArrayList<>();
        double operatorGraduates = semesterGraduates * operator.shareOfGraduates();
        boolean ofppt = operator.submitter().equals("OFPPT");
        char grouping = ofppt ? FrenchNumbers.NONE : FrenchNumbers.SPACE;
        for (Programme programme : operator.programmes()) {
            // AI programmes grow faster than the rest: their weight doubles over the window.
            double weight = programme.share() * (programme.field().equals("ia") ? 1 + progress : 1);
            double regionsWeight = 0;
            for (String region : programme.regions()) {
                regionsWeight += Regions.share(Integer.parseInt(region) - 1);
            }
            for (String region : programme.regions()) {
                double regionShare = Regions.share(Integer.parseInt(region) - 1) / regionsWeight;
                long graduates =
                        Math.max(3, Math.round(Trend.jitter(random, operatorGraduates * weight * regionShare, 0.15)));
                long enrolled = Math.round(graduates / (0.65 + 0.2 * random.nextDouble()));
                double womenShare = 0.31 + 0.08 * progress + 0.06 * (random.nextDouble() - 0.5);
                long women = Math.min(graduates, Math.round(graduates * womenShare));
                rows.add(new String[] {
                    Integer.toString(year),
                    "S" + semester,
                    region,
                    operator.name(),
                    programme.name(),
                    programme.field(),
                    programme.kind(),
                    FrenchNumbers.integer(enrolled, grouping),
                    FrenchNumbers.integer(graduates, grouping),
                    FrenchNumbers.integer(women, grouping)
                });
            }
        }
        return rows;
    }

    /** Inserts three bad rows (keys distinct from the good ones) at data rows 2, 4 and 6; returns them. */
    private static List<PlantedRow> plantBadRows(List<String[]> rows) {
        String[] template = rows.get(0);
        String[] ambiguous = template.clone();
        ambiguous[4] = "Atelier data (session pilote)";
        ambiguous[7] = "1.5";
        String[] unknownRegion = template.clone();
        unknownRegion[2] = "13";
        String[] unknownField = template.clone();
        unknownField[4] = "Certificat cybersécurité";
        unknownField[5] = "cybersecurite";
        rows.add(1, ambiguous);
        rows.add(3, unknownRegion);
        rows.add(5, unknownField);
        return List.of(
                new PlantedRow(2, "inscrits", "1.5", ReasonCode.AMBIGUOUS_NUMBER),
                new PlantedRow(4, "code_region", "13", ReasonCode.BAD_REGION),
                new PlantedRow(6, "filiere", "cybersecurite", ReasonCode.BAD_ENUM));
    }

    private static void write(Path file, boolean ofppt, List<String[]> rows) throws IOException {
        write(
                file,
                ofppt ? WINDOWS_1256 : StandardCharsets.UTF_8,
                ofppt ? ARABIC_HEADER : FRENCH_HEADER,
                ofppt ? "\r\n" : "\n",
                rows);
    }

    private static void write(Path file, Charset charset, String[] header, String newline, List<String[]> rows)
            throws IOException {
        try (Writer out =
                new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset.newEncoder()))) {
            out.write(String.join(";", header));
            out.write(newline);
            for (String[] row : rows) {
                out.write(String.join(";", row));
                out.write(newline);
            }
        }
    }

    /** OFPPT sends its latest semester again, saved as UTF-8 by mistake: valid UTF-8 from a Windows-1256 submitter. */
    private void writeOfpptResentAsUtf8(List<String[]> rows, String period) throws IOException {
        Path file = landing.newFile(TEMPLATE, "OFPPT", "ofppt-formation-" + period + "-v2.csv");
        write(file, StandardCharsets.UTF_8, ARABIC_HEADER, "\r\n", rows);
        landing.submitted(
                file, period, rows.size(), LandingFolder.at(landing.asOf().minusDays(20), 9, 40));
        landing.planted(
                file,
                ExpectedOutcome.REJECTED,
                ReasonCode.WRONG_ENCODING,
                List.of(),
                "OFPPT declares Windows-1256 but this resend is valid UTF-8 with Arabic multi-byte sequences; it is"
                        + " rejected and the earlier submission for " + period + " stays current");
    }
}
