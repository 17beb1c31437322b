package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsoDatesTests {

    @Test
    void shortcutDatesCountDaysLikeTheCalendar() {
        for (String text :
                List.of("1970-01-01T00:00:00", "1969-12-31T23:59:59", "2000-02-29T12:00:00", "2100-03-01T00:00:00")) {
            char[] chars = ("," + text + ",").toCharArray();
            long second = IsoDates.epochSecond(chars, 1, chars.length - 1);
            assertThat(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC)).isEqualTo(LocalDateTime.parse(text));
            assertThat(IsoDates.epochDay(chars, 1, 11))
                    .isEqualTo(LocalDate.parse(text.substring(0, 10)).toEpochDay());
        }
    }

    @Test
    void anythingButTheExactLayoutWithARealDateIsNotIso() {
        for (String text : List.of(
                "2026-02-29T00:00:00",
                "2100-02-29T00:00:00",
                "2026-11-27T24:00:00",
                "2026-11-27 09:30:00",
                "2026-11-27T09:30",
                "2026-1-27T09:30:00",
                "٢٠٢٦-11-27T09:30:00")) {
            char[] chars = text.toCharArray();
            assertThat(IsoDates.epochSecond(chars, 0, chars.length)).as(text).isEqualTo(IsoDates.NOT_ISO);
        }
        assertThat(IsoDates.epochDay("2026-11-31".toCharArray(), 0, 10)).isEqualTo(IsoDates.NOT_ISO);
        assertThat(IsoDates.epochDay("2026-11-30x".toCharArray(), 0, 11)).isEqualTo(IsoDates.NOT_ISO);
    }
}
