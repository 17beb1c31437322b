package ma.marsad.pipeline.quality;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting periods: quarter and year values as submitters write them, and the period keys Marsad stores ({@code
 * 2026-11-28}, {@code 2026-11}, {@code 2026-Q3}, {@code 2026-S1}, {@code 2026}).
 */
public final class Periods {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final Pattern T_FORM = Pattern.compile("t([1-4]) +([0-9]{4})");
    private static final Pattern KEY_FORM = Pattern.compile("([0-9]{4})-q([1-4])");
    private static final Pattern FRENCH_FORM =
            Pattern.compile("(?:(1) *(?:er|re|ère)|([1-4]) *(?:e|ème|eme)) +trimestre +([0-9]{4})");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\u00A0\u202F]+");

    private Periods() {}

    /** A quarter as {@code T3 2026}, {@code 2026-Q3}, {@code 3e trimestre 2026}, {@code 3ème …}, {@code 1er …}. */
    public static String quarterKey(String raw) throws InvalidValueException {
        String text = Normalizer.normalize(Digits.toAscii(TextValues.removeFormatCharacters(raw)), Normalizer.Form.NFC);
        text = WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        int quarter;
        String year;
        Matcher m;
        if ((m = T_FORM.matcher(text)).matches()) {
            quarter = Integer.parseInt(m.group(1));
            year = m.group(2);
        } else if ((m = KEY_FORM.matcher(text)).matches()) {
            quarter = Integer.parseInt(m.group(2));
            year = m.group(1);
        } else if ((m = FRENCH_FORM.matcher(text)).matches()) {
            quarter = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            year = m.group(3);
        } else {
            throw badQuarter(raw);
        }
        int yearValue = Integer.parseInt(year);
        if (yearValue < FIRST_YEAR || yearValue > LAST_YEAR) {
            throw badQuarter(raw);
        }
        return year + "-Q" + quarter;
    }

    /** A year from 2000 to 2100, written with digits only. */
    public static int year(String raw) throws InvalidValueException {
        String text = Digits.toAscii(Digits.strip(TextValues.removeFormatCharacters(raw)));
        if (text.length() == 4 && Digits.allAscii(text)) {
            return checkYear(Integer.parseInt(text), raw);
        }
        throw badYear(raw);
    }

    /** A year already typed as a number (an XLSX number cell, a JSON number). */
    public static int checkYear(long year, Object raw) throws InvalidValueException {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw badYear(String.valueOf(raw));
        }
        return (int) year;
    }

    public static String dayKey(LocalDate date) {
        return date.toString();
    }

    public static String monthKey(LocalDate date) {
        return String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
    }

    public static String semesterKey(int year, String semester) {
        return year + "-" + semester;
    }

    public static String yearKey(int year) {
        return Integer.toString(year);
    }

    private static InvalidValueException badQuarter(String raw) {
        return new InvalidValueException(ReasonCode.BAD_PERIOD, Map.of("value", raw, "expected", "T3 2026"));
    }

    private static InvalidValueException badYear(String raw) {
        return new InvalidValueException(
                ReasonCode.BAD_PERIOD, Map.of("value", raw, "expected", FIRST_YEAR + " … " + LAST_YEAR));
    }
}
