package ma.marsad.pipeline.quality;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dates and date-times in the patterns a template declares, and only those, parsed strictly ({@code 31/02/2026} is
 * refused). Arabic-Indic digits are accepted.
 */
public final class DateParser {

    /** The ISO layouts read without a formatter when a template declares them first (the common, large case). */
    private static final Set<String> ISO_DATE_TIME = Set.of("uuuu-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss");

    private static final Set<String> ISO_DATE = Set.of("uuuu-MM-dd", "yyyy-MM-dd");

    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters;
    private final boolean isoDateTimeFirst;
    private final boolean isoDateFirst;

    private DateParser(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.formatters = patterns.stream().map(DateParser::formatter).toList();
        this.isoDateTimeFirst = ISO_DATE_TIME.contains(patterns.get(0));
        this.isoDateFirst = ISO_DATE.contains(patterns.get(0));
    }

    /** A parser for these patterns ({@code DateTimeFormatter} syntax; {@code yyyy} is read as {@code uuuu}). */
    public static DateParser of(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a date column needs at least one pattern, e.g. dd/MM/uuuu");
        }
        return new DateParser(patterns);
    }

    /** The pattern as a strict formatter; throws IllegalArgumentException with the reason for a bad pattern. */
    public static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(strictYear(pattern), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * {@code yyyy} is the year-of-era, which STRICT resolution cannot turn into a date without an era; submitters and
     * contracts write {@code yyyy} and mean the proleptic year {@code uuuu}. Quoted literals are left alone.
     */
    static String strictYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    /** Whether date-times of these patterns are read first as {@code uuuu-MM-ddTHH:mm:ss}. */
    public static boolean isoDateTimeFirst(List<String> patterns) {
        return !patterns.isEmpty() && ISO_DATE_TIME.contains(patterns.get(0));
    }

    /** Whether dates of these patterns are read first as {@code uuuu-MM-dd}. */
    public static boolean isoDateFirst(List<String> patterns) {
        return !patterns.isEmpty() && ISO_DATE.contains(patterns.get(0));
    }

    public List<String> patterns() {
        return patterns;
    }

    public LocalDate parseDate(String raw) throws InvalidValueException {
        String text = Digits.toAscii(Digits.strip(raw));
        if (isoDateFirst) {
            long day = IsoDates.epochDay(text.toCharArray(), 0, text.length());
            if (day != IsoDates.NOT_ISO) {
                return LocalDate.ofEpochDay(day);
            }
        }
        for (DateTimeFormatter formatter : formatters) {
            try {
                return LocalDate.parse(text, formatter);
            } catch (DateTimeParseException e) {
                // try the next declared pattern
            }
        }
        throw badDate(raw);
    }

    public LocalDateTime parseDateTime(String raw) throws InvalidValueException {
        String text = Digits.toAscii(Digits.strip(raw));
        if (isoDateTimeFirst) {
            long second = IsoDates.epochSecond(text.toCharArray(), 0, text.length());
            if (second != IsoDates.NOT_ISO) {
                return LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            }
        }
        for (DateTimeFormatter formatter : formatters) {
            try {
                return LocalDateTime.parse(text, formatter);
            } catch (DateTimeParseException e) {
                // try the next declared pattern
            }
        }
        throw badDate(raw);
    }

    private InvalidValueException badDate(String raw) {
        return new InvalidValueException(
                ReasonCode.BAD_DATE, Map.of("value", raw, "pattern", String.join(" | ", patterns)));
    }
}
