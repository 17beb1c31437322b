package ma.marsad.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import ma.marsad.pipeline.calendar.Expectation;
import ma.marsad.pipeline.calendar.Periodicity;
import ma.marsad.pipeline.calendar.SubmissionCalendar;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;
import ma.marsad.pipeline.demo.DemoSummary.WrittenFile;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLandingZoneTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final List<String> TEMPLATES = List.of(
            "ai-programme-quarterly",
            "digital-economy-annual",
            "digital-training",
            "egov-requests",
            "eservices-catalogue",
            "startup-funding",
            "telecom-quarterly",
            "un-egov-survey");

    @TempDir
    static Path temp;

    static Path first;
    static Path second;
    static Path otherSeed;
    static DemoSummary summary;
    static long firstGenerationMillis;

    @BeforeAll
    static void generateThreeLandingZones() throws IOException {
        first = temp.resolve("first/landing");
        second = temp.resolve("second/landing");
        otherSeed = temp.resolve("other-seed/landing");
        long start = System.nanoTime();
        summary = DemoLandingZone.generate(first, DemoLandingZone.DEFAULT_SEED, AS_OF);
        firstGenerationMillis = (System.nanoTime() - start) / 1_000_000;
        DemoLandingZone.generate(second, DemoLandingZone.DEFAULT_SEED, AS_OF);
        DemoLandingZone.generate(otherSeed, DemoLandingZone.DEFAULT_SEED + 1, AS_OF);
    }

    @Test
    void theSameSeedWritesByteIdenticalFilesWithIdenticalModificationTimes() throws IOException {
        // given two landing zones generated with seed 2030 for 2026-11-28 in two folders
        // when every file (submissions, markers, lock and hidden files) is hashed
        Map<String, String> firstFiles = fingerprints(first);
        Map<String, String> secondFiles = fingerprints(second);

        // then the two folders hold the same names, the same bytes and the same received times
        assertThat(firstFiles).hasSizeGreaterThan(200);
        assertThat(secondFiles).isEqualTo(firstFiles);
    }

    @Test
    void anotherSeedWritesOtherContentUnderTheSameNames() throws IOException {
        Map<String, String> firstFiles = fingerprints(first);
        Map<String, String> otherFiles = fingerprints(otherSeed);

        // the calendar of reports does not depend on the seed, their content does
        assertThat(otherFiles.keySet()).isEqualTo(firstFiles.keySet());
        String bigDay = "egov-requests/ADD/demandes-2026-11-27.csv";
        assertThat(otherFiles.get(bigDay)).isNotEqualTo(firstFiles.get(bigDay));
        long differing = firstFiles.keySet().stream()
                .filter(name -> !firstFiles.get(name).equals(otherFiles.get(name)))
                .count();
        assertThat(differing).isGreaterThan(firstFiles.size() / 2);
    }

    @Test
    void everyTemplateFolderHasSubmissionsAndTheSummaryListsThemAll() throws IOException {
        for (String template : TEMPLATES) {
            try (Stream<Path> files = Files.walk(first.resolve(template))) {
                assertThat(files.filter(Files::isRegularFile).count())
                        .as(template)
                        .isGreaterThan(0);
            }
        }
        assertThat(summary.filesByTemplate()).containsOnlyKeys(TEMPLATES);
        for (WrittenFile file : summary.files()) {
            assertThat(first.resolve(file.relativePath())).isRegularFile();
            assertThat(Files.getLastModifiedTime(first.resolve(file.relativePath()))
                            .toInstant())
                    .as(file.relativePath())
                    .isEqualTo(file.doneMarker() ? file.receivedAt().minusSeconds(60) : file.receivedAt());
            // every report arrived before the run of 2026-11-28 starts (its end of day in Morocco)
            assertThat(file.receivedAt()).isBefore(LandingFolder.at(AS_OF.plusDays(1), 0, 0));
        }
    }

    @Test
    void periodsRunFrom2024UpToTheLastReportDueByAsOf() {
        // 2026-Q3 ends 2026-09-30: ANRT's report is due 45 days later, 2026-11-14, before 2026-11-28
        assertThat(periodsOf("telecom-quarterly", "ANRT"))
                .startsWith("2024-Q1")
                .endsWith("2026-Q3")
                .hasSize(11);
        // monthly funding: October 2026 arrived on 2026-11-10, November is not due yet (34 months from 2024-01)
        assertThat(periodsOf("startup-funding", "TAMWILCOM"))
                .startsWith("2024-01")
                .endsWith("2026-10")
                .hasSize(34);
        // training: 2024-S1 .. 2026-S1; 2026-S2 is due 2027-03-15
        assertThat(periodsOf("digital-training", "UIR"))
                .containsExactly("2024-S1", "2024-S2", "2025-S1", "2025-S2", "2026-S1");
        assertThat(periodsOf("digital-economy-annual", "ODC")).containsExactly("2023", "2024", "2025");
        assertThat(periodsOf("ai-programme-quarterly", "JAZARI-ROOT"))
                .startsWith("2025-Q1")
                .endsWith("2026-Q3");
        // ADD: a sample day a month up to October 2025, then every day from 2025-11-01 (twelve months back)
        assertThat(periodsOf("egov-requests", "ADD"))
                .startsWith("2024-01-15")
                .containsSubsequence("2025-09-15", "2025-10-15", "2025-11-01", "2025-11-02")
                .endsWith("2026-11-26", "2026-11-27")
                .hasSize(22 + 392);
        assertThat(periodsOf("egov-requests", "DGI")).startsWith("2024-01-15").endsWith("2026-10-15");
    }

    @Test
    void addExportsEveryDayOfTheLastTwelveMonthsWithTheNationalShapeAtASmallVolume() {
        Map<LocalDate, WrittenFile> addDays = new TreeMap<>();
        for (WrittenFile file : summary.filesByTemplate().get("egov-requests")) {
            if (file.submitter().equals("ADD") && file.doneMarker()) {
                addDays.put(LocalDate.parse(file.period()), file);
            }
        }
        for (LocalDate day = AS_OF.minusMonths(12); day.isBefore(AS_OF); day = day.plusDays(1)) {
            assertThat(addDays).as("ADD's export of " + day).containsKey(day);
        }
        // a small volume with the national shape: weekdays above weekends, and the big day in full
        WrittenFile monday = addDays.get(LocalDate.of(2026, 11, 23));
        WrittenFile sunday = addDays.get(LocalDate.of(2026, 11, 22));
        assertThat(monday.dataRows()).isBetween(300L, 1_000L).isGreaterThan(sunday.dataRows());
        assertThat(addDays.get(AS_OF.minusDays(1)).dataRows()).isGreaterThanOrEqualTo(200_000);
    }

    @Test
    void theDemoDeliversEveryDailyReportTheCalendarExpectsByItsDueDate() {
        SubmissionCalendar calendar = SubmissionCalendar.load(ConfigFolder.shipped(), TemplateCatalog.shipped());
        List<Expectation> daily = calendar.expectations().stream()
                .filter(expectation -> expectation.periodicity() == Periodicity.DAILY)
                .toList();
        assertThat(daily).isNotEmpty();
        Map<String, java.time.Instant> received = new TreeMap<>();
        summary.files()
                .forEach(file -> received.merge(
                        file.template() + "/" + file.submitter() + "/" + file.period(),
                        file.receivedAt(),
                        (a, b) -> a.isBefore(b) ? a : b));
        int owed = 0;
        for (Expectation expectation : daily) {
            for (LocalDate day = expectation.from(); day.isBefore(AS_OF); day = day.plusDays(1)) {
                String report = expectation.template() + "/" + expectation.submitter() + "/" + day;
                java.time.Instant due = expectation
                        .due()
                        .dueDate(day)
                        .plusDays(1)
                        .atStartOfDay(SubmissionCalendar.ZONE)
                        .toInstant();
                assertThat(received).as(report).containsKey(report);
                assertThat(received.get(report)).as(report + " on time").isBefore(due);
                owed++;
            }
        }
        assertThat(owed).as("daily reports owed before " + AS_OF).isGreaterThan(0);
    }

    @Test
    void theBigRequestExportCoversTheDayBeforeAsOfWithAtLeast200000RowsAndADoneMarker() throws IOException {
        Path bigDay = first.resolve("egov-requests/ADD/demandes-2026-11-27.csv");

        long dataRows;
        try (Stream<String> lines = Files.lines(bigDay, StandardCharsets.UTF_8)) {
            dataRows = lines.count() - 1; // header on line 1
        }

        assertThat(dataRows).isGreaterThanOrEqualTo(200_000);
        assertThat(bigDay.resolveSibling("demandes-2026-11-27.csv.done")).isRegularFile();
        try (BufferedReader reader = Files.newBufferedReader(bigDay, StandardCharsets.UTF_8)) {
            assertThat(reader.readLine())
                    .isEqualTo(
                            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction");
            String firstRow = reader.readLine();
            assertThat(firstRow)
                    .matches(
                            "ADD-20261127-000001,[A-Z]{2,10}-[0-9]{3},(0[1-9]|1[0-2]),(web|mobile|counter),"
                                    + "2026-11-27T\\d\\d:\\d\\d:\\d\\d,[^,]*,(submitted|in_progress|completed|rejected),[1-5]?");
        }
    }

    @Test
    void theUnSurveyFilesHold193CountriesWithMoroccosPublishedValues() throws IOException {
        List<String[]> rows2022 = csvRows(first.resolve("un-egov-survey/UNDESA/EGOV_DATA_2022.csv"));
        List<String[]> rows2024 = csvRows(first.resolve("un-egov-survey/UNDESA/EGOV_DATA_2024.csv"));

        assertThat(rows2022).hasSize(193);
        assertThat(rows2024).hasSize(193);
        assertThat(morocco(rows2022))
                .containsExactly("2022", "Morocco ", "101", "0.59150", "0.27270", "0.47210", "0.63500", "0.66760");
        assertThat(morocco(rows2024))
                .containsExactly(
                        "2024", "Morocco ", "90", "0.68411", "0.43840", "0.56184", "0.60783", "0.88273", "Africa");
        String raw2022 = Files.readString(first.resolve("un-egov-survey/UNDESA/EGOV_DATA_2022.csv"));
        assertThat(raw2022).startsWith(UnSurveyGenerator.HEADER_2022 + "\r\n").contains("2022,\"Morocco \",101,");
        assertThat(raw2022.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void computedRanksGiveMoroccoOsiRank113And100AndReproduceThePublishedEgdiRanks() throws IOException {
        for (int year : new int[] {2022, 2024}) {
            List<String[]> rows = csvRows(first.resolve("un-egov-survey/UNDESA/EGOV_DATA_" + year + ".csv"));
            String[] morocco = morocco(rows);
            // standard competition rank: 1 + number of countries with a strictly higher value
            int osiRank = 1
                    + (int) rows.stream()
                            .filter(row -> Double.parseDouble(row[5]) > Double.parseDouble(morocco[5]))
                            .count();
            assertThat(osiRank).as("OSI rank " + year).isEqualTo(year == 2022 ? 113 : 100);
            for (String[] row : rows) {
                int egdiRank = 1
                        + (int) rows.stream()
                                .filter(other -> Double.parseDouble(other[3]) > Double.parseDouble(row[3]))
                                .count();
                assertThat(Integer.parseInt(row[2]))
                        .as("EGDI rank of " + row[1] + " in " + year)
                        .isEqualTo(egdiRank);
                double mean =
                        (Double.parseDouble(row[5]) + Double.parseDouble(row[6]) + Double.parseDouble(row[7])) / 3;
                assertThat(Math.abs(mean - Double.parseDouble(row[3])))
                        .as("EGDI of " + row[1])
                        .isLessThanOrEqualTo(1e-4);
            }
            assertThat(Integer.parseInt(morocco[2])).isEqualTo(year == 2022 ? 101 : 90);
        }
    }

    @Test
    void theOfpptReportsAreWindows1256WithArabicHeadersAndTheResendIsUtf8() throws IOException {
        byte[] original = Files.readAllBytes(first.resolve("digital-training/OFPPT/ofppt-formation-2026-S1.csv"));
        String decoded = new String(original, TrainingGenerator.WINDOWS_1256);
        assertThat(decoded)
                .startsWith(
                        "السنة;الأسدس;رمز_الجهة;المتعهد;البرنامج;الشعبة;نوع_التكوين;المسجلون;الخريجون;منهم_النساء\r\n");
        // the Windows-1256 bytes are not valid UTF-8: 0xC7 (alef) is not followed by a continuation byte
        assertThat(isValidUtf8(original)).isFalse();

        byte[] resend = Files.readAllBytes(first.resolve("digital-training/OFPPT/ofppt-formation-2026-S1-v2.csv"));
        assertThat(isValidUtf8(resend)).isTrue();
        assertThat(new String(resend, StandardCharsets.UTF_8)).isEqualTo(decoded);
    }

    @Test
    void plantedProblemsAreListedWithTheirExpectedOutcomes() {
        Map<String, ExpectedOutcome> outcomes = new TreeMap<>();
        summary.plantedProblems().forEach(problem -> outcomes.put(problem.relativePath(), problem.outcome()));

        assertThat(outcomes)
                .containsEntry("egov-requests/UNKNOWN-CO/requests-2026-11-26.csv", ExpectedOutcome.REJECTED)
                .containsEntry("egov-requests/CNSS/cnss-demandes-2026-11-25.csv", ExpectedOutcome.REJECTED)
                .containsEntry(
                        "egov-requests/DGI/dgi-demandes-2026-09-15.csv", ExpectedOutcome.ACCEPTED_WITH_QUARANTINE)
                .containsEntry(
                        "digital-training/UM5/formation-numerique-2026-S1.csv",
                        ExpectedOutcome.ACCEPTED_WITH_QUARANTINE)
                .containsEntry("digital-training/OFPPT/ofppt-formation-2026-S1-v2.csv", ExpectedOutcome.REJECTED)
                .containsEntry("startup-funding/ADD/financements-2026-10-export-manuel.json", ExpectedOutcome.REJECTED)
                .containsEntry(
                        "telecom-quarterly/ANRT/anrt-indicateurs-2026-T1.xlsx",
                        ExpectedOutcome.ACCEPTED_WITH_QUARANTINE)
                .containsEntry(
                        "eservices-catalogue/MTNRA/~$catalogue-eservices-2026-09-30.xlsx", ExpectedOutcome.SKIPPED)
                .containsEntry("telecom-quarterly/ANRT/.DS_Store", ExpectedOutcome.SKIPPED)
                .containsEntry(
                        "digital-economy-annual/MEF/mef-economie-numerique-2024-rectificatif.csv",
                        ExpectedOutcome.REVISION);
    }

    private List<String> periodsOf(String template, String submitter) {
        return summary.filesByTemplate().get(template).stream()
                .filter(file -> file.submitter().equals(submitter))
                .map(WrittenFile::period)
                .distinct()
                .toList();
    }

    /** Relative path → SHA-256 of the bytes and the modification time. */
    private static Map<String, String> fingerprints(Path landing) throws IOException {
        Map<String, String> fingerprints = new TreeMap<>();
        try (Stream<Path> files = Files.walk(landing)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                fingerprints.put(
                        landing.relativize(file).toString(),
                        sha256(file) + " @ " + Files.getLastModifiedTime(file).toInstant());
            }
        }
        return fingerprints;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Data rows of a UN survey file: fields split on commas, quotes removed (names hold no comma here). */
    private static List<String[]> csvRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.replace("\"", "").split(",", -1));
        }
        return rows;
    }

    private static String[] morocco(List<String[]> rows) {
        return rows.stream()
                .filter(row -> row[1].strip().equals("Morocco"))
                .findFirst()
                .orElseThrow();
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException invalid) {
            return false;
        }
    }
}
