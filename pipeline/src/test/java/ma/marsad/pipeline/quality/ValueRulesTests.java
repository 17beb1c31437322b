package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueRulesTests {

    private static void assertRefused(ThrowingCallable call, ReasonCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    @Test
    void datesOnlyInTheDeclaredPatternParsedStrictly() throws InvalidValueException {
        DateParser dayFirst = DateParser.of(List.of("dd/MM/yyyy"));
        assertThat(dayFirst.parseDate("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(dayFirst.parseDate("\u0661\u0660/\u0660\u0663/\u0662\u0660\u0662\u0666"))
                .isEqualTo(LocalDate.of(2026, 3, 10));
        assertRefused(() -> dayFirst.parseDate("31/02/2026"), ReasonCode.BAD_DATE);
        assertRefused(() -> dayFirst.parseDate("29/02/2025"), ReasonCode.BAD_DATE);
        assertRefused(() -> dayFirst.parseDate("2026-03-10"), ReasonCode.BAD_DATE);
        assertRefused(() -> dayFirst.parseDate("10/03/26"), ReasonCode.BAD_DATE);
        assertRefused(() -> dayFirst.parseDate("45750"), ReasonCode.BAD_DATE);

        DateParser timestamp = DateParser.of(List.of("uuuu-MM-dd'T'HH:mm:ss"));
        assertThat(timestamp.parseDateTime("2026-11-28T10:15:00")).isEqualTo(LocalDateTime.of(2026, 11, 28, 10, 15));
        assertRefused(() -> timestamp.parseDateTime("2026-11-28 10:15:00"), ReasonCode.BAD_DATE);
        assertRefused(() -> timestamp.parseDateTime("2026-11-28T24:00:00"), ReasonCode.BAD_DATE);
        assertRefused(() -> timestamp.parseDateTime("2026-11-28T10:15:00+01:00"), ReasonCode.BAD_DATE);
    }

    @ParameterizedTest(name = "region \"{0}\" = {1}")
    @CsvSource({"1,01", "01,01", "12,12", " 7 ,07", "\u0661\u0662,12", "\u06F9,09"})
    void regionsAreNormalised(String text, String expected) throws InvalidValueException {
        assertThat(Regions.normalize(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "region \"{0}\" refused")
    @ValueSource(strings = {"0", "00", "13", "001", "1.0", "RSK", "-1"})
    void otherRegionsAreRefused(String text) {
        assertRefused(() -> Regions.normalize(text), ReasonCode.BAD_REGION);
    }

    @ParameterizedTest(name = "quarter \"{0}\" = {1}")
    @CsvSource({
        "T3 2026,2026-Q3",
        "t1  2024,2024-Q1",
        "2026-Q3,2026-Q3",
        "3e trimestre 2026,2026-Q3",
        "3ème trimestre 2026,2026-Q3",
        "1er trimestre 2026,2026-Q1",
        "4ème Trimestre 2030,2030-Q4",
        "T2 \u0662\u0660\u0662\u0666,2026-Q2"
    })
    void quartersInEveryAcceptedForm(String text, String key) throws InvalidValueException {
        assertThat(Periods.quarterKey(text)).isEqualTo(key);
    }

    @ParameterizedTest(name = "quarter \"{0}\" refused")
    @ValueSource(strings = {"T5 2026", "T3 1999", "T3 2101", "Q3 2026", "2026 T3", "3 trimestre 2026", "T3-2026"})
    void otherQuartersAreRefused(String text) {
        assertRefused(() -> Periods.quarterKey(text), ReasonCode.BAD_PERIOD);
    }

    @Test
    void yearsFrom2000To2100AndPeriodKeys() throws InvalidValueException {
        assertThat(Periods.year("2026")).isEqualTo(2026);
        assertThat(Periods.year("\u0662\u0660\u0662\u0666")).isEqualTo(2026);
        assertRefused(() -> Periods.year("1999"), ReasonCode.BAD_PERIOD);
        assertRefused(() -> Periods.year("2101"), ReasonCode.BAD_PERIOD);
        assertRefused(() -> Periods.year("26"), ReasonCode.BAD_PERIOD);
        assertThat(Periods.dayKey(LocalDate.of(2026, 11, 28))).isEqualTo("2026-11-28");
        assertThat(Periods.monthKey(LocalDate.of(2026, 3, 28))).isEqualTo("2026-03");
        assertThat(Periods.semesterKey(2026, "S1")).isEqualTo("2026-S1");
        assertThat(Periods.yearKey(2026)).isEqualTo("2026");
    }

    @Test
    void enumsMatchIgnoringCaseAndSpacesWithAliases() throws InvalidValueException {
        EnumMatcher channel = new EnumMatcher(List.of("web", "mobile", "counter"), Map.of("guichet", "counter"));
        assertThat(channel.match(" WEB ")).isEqualTo("web");
        assertThat(channel.match("Guichet")).isEqualTo("counter");
        assertRefused(() -> channel.match("bus"), ReasonCode.BAD_ENUM);
        EnumMatcher operators = new EnumMatcher(List.of("IAM", "ORANGE"), Map.of());
        assertThat(operators.match("iam")).isEqualTo("IAM");
    }

    @Test
    void textIsCleanedAndLimited() throws InvalidValueException {
        // "e" + combining acute becomes the single character é (NFC)
        assertThat(TextValues.clean("Caf\u0065\u0301")).isEqualTo("Caf\u00E9");
        assertThat(TextValues.clean("a\tb")).isEqualTo("a\tb");
        assertRefused(() -> TextValues.clean("a\u0000b"), ReasonCode.CONTROL_CHARACTER);
        assertRefused(() -> TextValues.clean("line\nbreak"), ReasonCode.CONTROL_CHARACTER);
        assertThat(TextValues.clean("x".repeat(10_000))).hasSize(10_000);
        assertRefused(() -> TextValues.clean("x".repeat(10_001)), ReasonCode.TOO_LONG);
        // bidi and zero-width characters: removed from codes and keys, kept in free text
        String spoofed = "\u202EDGI\u200B-001\uFEFF";
        assertThat(TextValues.clean(spoofed, true)).isEqualTo("DGI-001");
        assertThat(TextValues.clean(spoofed, false)).isEqualTo(spoofed);
    }

    @Test
    void arabicScriptRule() {
        assertThat(TextValues.isArabicScript("الخدمة الرقمية 2")).isTrue();
        assertThat(TextValues.isArabicScript("service الخدمة")).isFalse();
        assertThat(TextValues.isArabicScript("123")).isFalse();
    }
}
