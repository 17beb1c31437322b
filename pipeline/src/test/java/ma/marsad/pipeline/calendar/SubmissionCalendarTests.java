package ma.marsad.pipeline.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionCalendarTests {

    @TempDir
    Path config;

    private SubmissionCalendar calendar(String yaml) throws IOException {
        Files.createDirectories(config.resolve("calendar"));
        Files.writeString(config.resolve("calendar/test.yml"), yaml);
        return SubmissionCalendar.load(ConfigFolder.overriddenBy(config), TemplateCatalog.shipped());
    }

    private static SubmissionRecord received(String template, String submitter, String period, String at) {
        return new SubmissionRecord(
                (template + submitter + period + at).hashCode() + "0".repeat(56),
                template,
                submitter,
                List.of(period + ".csv"),
                Instant.parse(at),
                period == null ? "rejected" : "accepted",
                period,
                1,
                1,
                0,
                null,
                null,
                null,
                null);
    }

    @Test
    void monthlyReportsAreOnTimeLateMissingOrNotDueYet() throws IOException {
        var calendar = calendar("""
                expectations:
                  - template: startup-funding
                    submitters: [ADD]
                    periodicity: monthly
                    from: 2026-08-01
                    due: {day_of_next_month: 10}
                """);
        var records = List.of(
                // August, due 10 September: on time (11:30 in Casablanca on the 10th)
                received("startup-funding", "ADD", "2026-08", "2026-09-10T10:30:00Z"),
                // September, due 10 October: 23:30 UTC on the 10th is already the 11th in Casablanca (UTC+1)
                received("startup-funding", "ADD", "2026-09", "2026-10-10T23:30:00Z"),
                // a revision of August, later: the first file decides
                received("startup-funding", "ADD", "2026-08", "2026-11-02T09:00:00Z"),
                // a rejected file names no period and counts for none
                received("startup-funding", "ADD", null, "2026-11-03T09:00:00Z"));

        // as of 2026-11-28: Aug, Sep, Oct have ended (Nov has not); October was due 10 November
        Map<String, CalendarEntry> byPeriod = calendar.evaluate(records, LocalDate.of(2026, 11, 28)).stream()
                .collect(Collectors.toMap(CalendarEntry::period, Function.identity()));

        assertThat(byPeriod).containsOnlyKeys("2026-08", "2026-09", "2026-10");
        assertThat(byPeriod.get("2026-08").status()).isEqualTo("on_time");
        assertThat(byPeriod.get("2026-08").receivedAt()).isEqualTo(Instant.parse("2026-09-10T10:30:00Z"));
        assertThat(byPeriod.get("2026-09").status()).isEqualTo("late");
        assertThat(byPeriod.get("2026-09").onTime()).isFalse();
        assertThat(byPeriod.get("2026-10").status()).isEqualTo("missing");
        assertThat(byPeriod.get("2026-10").dueDate()).isEqualTo(LocalDate.of(2026, 11, 10));

        // as of 2026-11-05, October has ended but is not due yet
        var early = calendar.evaluate(records, LocalDate.of(2026, 11, 5));
        assertThat(early).extracting(CalendarEntry::status).containsExactly("on_time", "late", "not_due");
    }

    @Test
    void periodKeysFollowTheTemplate() throws IOException {
        var calendar = calendar("""
                expectations:
                  - template: telecom-quarterly
                    submitters: [ANRT]
                    periodicity: quarterly
                    from: 2026-02-15
                    due: {days_after_end: 45}
                  - template: eservices-catalogue
                    submitters: [MTNRA]
                    periodicity: quarterly
                    from: 2026-01-01
                    due: {days_after_end: 15}
                  - template: digital-training
                    submitters: [UM5]
                    periodicity: semesterly
                    from: 2025-01-01
                    due: {days_after_end: 90}
                  - template: digital-economy-annual
                    submitters: [ODC]
                    periodicity: annual
                    from: 2024-06-01
                    due: {next_year_on: 03-31}
                  - template: un-egov-survey
                    submitters: [UNDESA]
                    periodicity: biennial
                    from: 2022-01-01
                    due: none
                """);

        var entries = calendar.evaluate(List.of(), LocalDate.of(2026, 11, 28));

        assertThat(entries)
                .extracting(e -> e.template() + " " + e.period() + " " + e.dueDate() + " " + e.status())
                .containsExactly(
                        "digital-economy-annual 2024 2025-03-31 missing",
                        "digital-economy-annual 2025 2026-03-31 missing",
                        "digital-training 2025-S1 2025-09-28 missing",
                        "digital-training 2025-S2 2026-03-31 missing",
                        "digital-training 2026-S1 2026-09-28 missing",
                        // a snapshot template is keyed by the quarter's last day
                        "eservices-catalogue 2026-03-31 2026-04-15 missing",
                        "eservices-catalogue 2026-06-30 2026-07-15 missing",
                        "eservices-catalogue 2026-09-30 2026-10-15 missing",
                        "telecom-quarterly 2026-Q1 2026-05-15 missing",
                        "telecom-quarterly 2026-Q2 2026-08-14 missing",
                        // Q3 ends 30 September, due 14 November
                        "telecom-quarterly 2026-Q3 2026-11-14 missing",
                        // 2022-2023 and 2024-2025 have ended; never due, so never missing
                        "un-egov-survey 2022 null not_due",
                        "un-egov-survey 2024 null not_due");
    }

    @Test
    void aWrongEntryNamesTheFileAndTheFix() {
        assertThatThrownBy(() -> calendar("""
                        expectations:
                          - template: telecom-quarterly
                            submitters: [NOBODY]
                            periodicity: quarterly
                            from: 2026-01-01
                            due: {days_after_end: 45}
                        """))
                .hasMessageContaining("test.yml:3: submitter 'NOBODY'")
                .hasMessageContaining("NOBODY")
                .hasMessageContaining("submitters.yml");
        assertThatThrownBy(() -> calendar("""
                        expectations:
                          - template: telecom-quarterly
                            submitters: [ANRT]
                            periodicity: weekly
                            from: 2026-01-01
                            due: {days_after_end: 45}
                        """)).hasMessageContaining("periodicity 'weekly'");
        assertThatThrownBy(() -> calendar("""
                        expectations:
                          - template: telecom-quarterly
                            submitters: [ANRT]
                            periodicity: quarterly
                            from: 2026-01-01
                            due: {day_of_next_month: 31}
                        """)).hasMessageContaining("1 to 28");
    }

    @Test
    void anUnknownOrMissingFieldIsRefusedWithFileLineAndSuggestion() {
        assertThatThrownBy(() -> calendar("""
                        expectations:
                          - template: telecom-quarterly
                            submitters: [ANRT]
                            periodicty: quarterly
                            from: 2026-01-01
                            due: {days_after_end: 45}
                        """))
                .hasMessageContaining("test.yml:4: unknown key 'periodicty'")
                .hasMessageContaining("did you mean 'periodicity'?");
        assertThatThrownBy(() -> calendar("""
                        expectations:
                          - template: telecom-quarterly
                            submitters: [ANRT]
                            from: 2026-01-01
                            due: {days_after_end: 45}
                        """)).hasMessageContaining("test.yml:2: 'periodicity' is missing");
    }

    @Test
    void theShippedCalendarLoads() {
        var calendar = SubmissionCalendar.load(ConfigFolder.shipped(), TemplateCatalog.shipped());
        assertThat(calendar.expectations())
                .extracting(Expectation::template)
                .contains("egov-requests", "startup-funding", "telecom-quarterly", "un-egov-survey");
    }
}
