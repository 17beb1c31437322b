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

    /** Regions and quarters each have one canonical key, reached from every form submitters write. */
    private static String canonicalKey(String field, String text) throws InvalidValueException {
        return switch (field) {
            case "region" -> Regions.normalize(text);
            case "quarter" -> Periods.quarterKey(text);
            default -> throw new IllegalArgumentException("no such field: " + field);
        };
    }

    @ParameterizedTest(name = "{0} \"{1}\" = {2}")
    @CsvSource({
        "region,1,01",
        "region,01,01",
        "region,12,12",
        "region, 7 ,07",
        "region,\u0661\u0662,12",
        "region,\u06F9,09",
        "quarter,T3 2026,2026-Q3",
        "quarter,t1  2024,2024-Q1",
        "quarter,2026-Q3,2026-Q3",
        "quarter,3e trimestre 2026,2026-Q3",
        "quarter,3ème trimestre 2026,2026-Q3",
        "quarter,1er trimestre 2026,2026-Q1",
        "quarter,4ème Trimestre 2030,2030-Q4",
        "quarter,T2 \u0662\u0660\u0662\u0666,2026-Q2"
    })
    void regionsAndQuartersInEveryAcceptedForm(String field, String text, String key) throws InvalidValueException {
        assertThat(canonicalKey(field, text)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} \"{1}\" refused")
    @CsvSource({
        "region,0,BAD_REGION",
        "region,00,BAD_REGION",
        "region,13,BAD_REGION",
        "region,001,BAD_REGION",
        "region,1.0,BAD_REGION",
        "region,RSK,BAD_REGION",
        "region,-1,BAD_REGION",
        "quarter,T5 2026,BAD_PERIOD",
        "quarter,T3 1999,BAD_PERIOD",
        "quarter,T3 2101,BAD_PERIOD",
        "quarter,Q3 2026,BAD_PERIOD",
        "quarter,2026 T3,BAD_PERIOD",
        "quarter,3 trimestre 2026,BAD_PERIOD",
        "quarter,T3-2026,BAD_PERIOD"
    })
    void otherRegionsAndQuartersAreRefused(String field, String text, ReasonCode code) {
        assertRefused(() -> canonicalKey(field, text), code);
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
