package ma.marsad.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.marsad.pipeline.demo.DemoSummary.WrittenFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NationalVolumeTests {

    private static final long SEED = DemoLandingZone.DEFAULT_SEED;
    // a Tuesday: the four national days run from Friday 27 to Monday 30 November
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private static final List<LocalDate> NATIONAL_DAYS = List.of(
            LocalDate.of(2026, 11, 27),
            LocalDate.of(2026, 11, 28),
            LocalDate.of(2026, 11, 29),
            LocalDate.of(2026, 11, 30));

    @TempDir
    static Path temp;

    static Path landing;
    static DemoSummary summary;

    @BeforeAll
    static void generateFourNationalDays() throws IOException {
        landing = temp.resolve("national/landing");
        summary = DemoLandingZone.generate(landing, SEED, AS_OF, NATIONAL_DAYS.size());
    }

    @Test
    void everyDayOfAYearFollowsTheDeclaredWeekdayAndSeasonalShape() {
        Map<Month, List<Integer>> byMonth = new TreeMap<>();
        Map<Integer, List<LocalDate>> byWeek = new TreeMap<>();
        long expectedSum = 0;
        for (LocalDate day = LocalDate.of(2026, 1, 5); day.getYear() == 2026; day = day.plusDays(1)) {
            int expected = NationalVolume.expectedRequests(day);
            int requests = NationalVolume.requests(day, SEED);
            expectedSum += expected;
            assertThat((double) requests)
                    .as("requests on %s", day)
                    .isBetween(expected * (1 - NationalVolume.NOISE) - 1, expected * (1 + NationalVolume.NOISE) + 1);
            byMonth.computeIfAbsent(day.getMonth(), month -> new ArrayList<>()).add(requests);
            byWeek.computeIfAbsent(day.get(WeekFields.ISO.weekOfWeekBasedYear()), week -> new ArrayList<>())
                    .add(day);
        }

        // about 200,000 a day over the year
        long days = byMonth.values().stream().mapToLong(List::size).sum();
        assertThat(expectedSum / (double) days).isBetween(196_000.0, 204_000.0);
        // in every full week, each weekend day has fewer requests than each working day
        for (List<LocalDate> week : byWeek.values()) {
            if (week.size() < 7) {
                continue;
            }
            int busiestWeekendDay = week.stream()
                    .filter(NationalVolumeTests::weekend)
                    .mapToInt(day -> NationalVolume.requests(day, SEED))
                    .max()
                    .orElseThrow();
            int quietestWorkingDay = week.stream()
                    .filter(day -> !weekend(day))
                    .mapToInt(day -> NationalVolume.requests(day, SEED))
                    .min()
                    .orElseThrow();
            assertThat(busiestWeekendDay).as("week of %s", week.get(0)).isLessThan(quietestWorkingDay);
        }
        // the summer holidays are quieter than the September return
        assertThat(mean(byMonth.get(Month.AUGUST))).isLessThan(0.8 * mean(byMonth.get(Month.SEPTEMBER)));
    }

    @Test
    void eachNationalDayIsOneFullExportWithItsShapedCountAndADoneMarker() throws IOException {
        Map<LocalDate, Long> rowsByDay = new TreeMap<>();
        for (LocalDate day : NATIONAL_DAYS) {
            Path file = landing.resolve("egov-requests/ADD/demandes-" + day + ".csv");
            long dataRows = lines(file) - 1; // header on line 1
            assertThat(dataRows).as("rows of %s", day).isEqualTo(NationalVolume.requests(day, SEED));
            assertThat(file.resolveSibling(file.getFileName() + ".done")).isRegularFile();
            WrittenFile written = summary.files().stream()
                    .filter(each -> each.relativePath().equals("egov-requests/ADD/demandes-" + day + ".csv"))
                    .findFirst()
                    .orElseThrow();
            assertThat(written.dataRows()).isEqualTo(dataRows);
            assertThat(written.doneMarker()).isTrue();
            rowsByDay.put(day, dataRows);
        }

        // Saturday and Sunday below Friday and Monday, every day near national volume
        long friday = rowsByDay.get(NATIONAL_DAYS.get(0));
        long monday = rowsByDay.get(NATIONAL_DAYS.get(3));
        assertThat(rowsByDay.get(NATIONAL_DAYS.get(1))).isLessThan(Math.min(friday, monday));
        assertThat(rowsByDay.get(NATIONAL_DAYS.get(2))).isLessThan(rowsByDay.get(NATIONAL_DAYS.get(1)));
        assertThat(rowsByDay.values()).allSatisfy(rows -> assertThat(rows).isBetween(100_000L, 300_000L));
    }

    @Test
    void theNationalDaysReplaceTheBigDayAndTheOtherTemplatesStay() {
        List<String> addPeriods = summary.files().stream()
                .filter(file -> file.template().equals("egov-requests")
                        && file.submitter().equals("ADD"))
                .map(WrittenFile::period)
                .toList();

        // the monthly samples before the last twelve months, the small daily exports, then one export per national
        // day in place of the small ones and of the big day
        assertThat(addPeriods)
                .startsWith("2024-01-15")
                .containsSubsequence("2025-11-15", "2025-12-01")
                .endsWith("2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30")
                .doesNotHaveDuplicates();
        assertThat(summary.files().stream()
                        .filter(file -> file.period().equals("2026-11-26")
                                && file.submitter().equals("ADD"))
                        .mapToLong(WrittenFile::dataRows)
                        .sum())
                .as("a small export before the national days")
                .isLessThan(1_000);
        assertThat(summary.filesByTemplate()).hasSize(8);
        assertThat(summary.plantedProblems()).isNotEmpty();
    }

    @Test
    void aDayAddedLaterIsByteForByteTheDayGeneratedWithTheLandingZoneAndAnotherSeedChangesIt() throws IOException {
        LocalDate saturday = NATIONAL_DAYS.get(1);
        Path generated = landing.resolve("egov-requests/ADD/demandes-" + saturday + ".csv");

        WrittenFile added = DemoLandingZone.addNationalDay(temp.resolve("added"), SEED, saturday);
        WrittenFile otherSeed = DemoLandingZone.addNationalDay(temp.resolve("other-seed"), SEED + 1, saturday);

        Path addedFile = temp.resolve("added").resolve(added.relativePath());
        assertThat(Files.mismatch(addedFile, generated)).isEqualTo(-1L);
        assertThat(Files.getLastModifiedTime(addedFile)).isEqualTo(Files.getLastModifiedTime(generated));
        assertThat(added.receivedAt()).isEqualTo(LandingFolder.at(saturday.plusDays(1), 1, 30));
        Path otherFile = temp.resolve("other-seed").resolve(otherSeed.relativePath());
        assertThat(Files.mismatch(otherFile, generated)).isNotEqualTo(-1L);
        assertThat(otherSeed.dataRows()).isEqualTo(NationalVolume.requests(saturday, SEED + 1));
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    private static long lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }
}
