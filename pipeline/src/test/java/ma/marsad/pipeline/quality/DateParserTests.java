package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct reading of ISO dates accepts exactly what the strict formatter accepts, with the same value. */
class DateParserTests {

    private static final List<String> DATE_TIMES = List.of(
            "2026-11-27T10:12:00",
            "2024-02-29T23:59:59", // leap day
            "2026-02-29T10:00:00", // not a leap year
            "2026-09-31T10:12:00", // 31 September
            "2026-11-27T24:00:00",
            "2026-11-27T10:60:00",
            "2026-11-27T10:12:60",
            "2026-13-01T00:00:00",
            "2026-00-10T00:00:00",
            "2026-11-00T00:00:00",
            "2026-11-27 10:12:00",
            "2026-11-27T10:12",
            "2026-11-27T10:12:00Z",
            "+2026-11-27T10:12:00",
            "0000-01-01T00:00:00",
            "  2026-11-27T10:12:00 ",
            "٢٠٢٦-١١-٢٧T١٠:١٢:٠٠", // Arabic-Indic digits
            "2026-1a-27T10:12:00");

    @Test
    void dateTimesMatchTheStrictFormatter() {
        DateParser parser = DateParser.of(List.of("uuuu-MM-dd'T'HH:mm:ss"));
        DateTimeFormatter strict = DateParser.formatter("uuuu-MM-dd'T'HH:mm:ss");
        for (String text : DATE_TIMES) {
            LocalDateTime expected = strictDateTime(strict, text);
            assertThat(parseDateTime(parser, text)).as(text).isEqualTo(expected);
        }
        // spot checks of the expectation itself
        assertThat(parseDateTime(parser, "2024-02-29T23:59:59")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        assertThat(parseDateTime(parser, "2026-09-31T10:12:00")).isNull();
    }

    @Test
    void datesMatchTheStrictFormatter() {
        DateParser parser = DateParser.of(List.of("yyyy-MM-dd"));
        DateTimeFormatter strict = DateParser.formatter("yyyy-MM-dd");
        for (String text : List.of("2026-11-27", "2026-02-29", "2028-02-29", "2026-04-31", "2026-4-30", "20261127")) {
            LocalDate expected;
            try {
                expected = LocalDate.parse(text, strict);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            LocalDate actual;
            try {
                actual = parser.parseDate(text);
            } catch (InvalidValueException e) {
                assertThat(e.code()).isEqualTo(ReasonCode.BAD_DATE);
                actual = null;
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    private static LocalDateTime strictDateTime(DateTimeFormatter strict, String text) {
        try {
            return LocalDateTime.parse(Digits.toAscii(Digits.strip(text)), strict);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime parseDateTime(DateParser parser, String text) {
        try {
            return parser.parseDateTime(text);
        } catch (InvalidValueException e) {
            assertThat(e.code()).isEqualTo(ReasonCode.BAD_DATE);
            return null;
        }
    }
}
