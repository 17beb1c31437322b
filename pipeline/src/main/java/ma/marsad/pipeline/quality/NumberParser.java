package ma.marsad.pipeline.quality;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads a number written as text, exactly as the templates' locale says, and refuses anything it would have to guess.
 *
 * <p>{@code fr-MA}: optional sign ({@code -}, {@code +}, U+2212); an integer part of plain digits or of groups of
 * exactly three digits separated by one grouping character used consistently (space, NBSP, narrow NBSP, {@code .} or
 * the Arabic thousands separator U+066C); optionally {@code ,} (or U+066B) and a fraction. A {@code .} that cannot be a
 * thousands separator ({@code 1.5}, {@code 1 234.5}, {@code 1,234.5}) is {@link ReasonCode#AMBIGUOUS_NUMBER}.
 *
 * <p>{@code en}: optional sign, digits, optionally {@code .} (or U+066B) and a fraction; no grouping except U+066C.
 *
 * <p>Everywhere: a {@code %}, a currency sign or any letter is {@link ReasonCode#UNIT_IN_VALUE}; Arabic-Indic digits
 * are digits.
 */
public final class NumberParser {

    private NumberParser() {}

    /** The exact value of a non-blank text, or the reason it is not a number. */
    public static BigDecimal parse(String raw, ValueLocale locale) throws InvalidValueException {
        String text = Digits.strip(raw);
        if (text.isEmpty()) {
            throw notANumber(raw, locale);
        }
        rejectUnits(raw, text);
        int start = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '\u2212') {
            negative = true;
            start = 1;
        } else if (first == '+') {
            start = 1;
        }
        String body = Digits.toAscii(text.substring(start));
        String plain = locale == ValueLocale.FR_MA ? frenchDigits(raw, body) : englishDigits(raw, body);
        BigDecimal value = new BigDecimal(plain);
        return negative ? value.negate() : value;
    }

    private static void rejectUnits(String raw, String text) throws InvalidValueException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    || c == '\u2030'
                    || c == '\u066A'
                    || Character.getType(c) == Character.CURRENCY_SYMBOL
                    || Character.isLetter(c)) {
                throw new InvalidValueException(ReasonCode.UNIT_IN_VALUE, Map.of("value", raw));
            }
        }
    }

    private static String frenchDigits(String raw, String body) throws InvalidValueException {
        int decimalCount = 0;
        int decimalAt = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ',' || c == Digits.ARABIC_DECIMAL_SEPARATOR) {
                decimalCount++;
                decimalAt = i;
            } else if (!(c >= '0' && c <= '9') && !isFrenchGrouping(c)) {
                throw notANumber(raw, ValueLocale.FR_MA);
            }
        }
        if (decimalCount > 1) {
            throw ambiguous(raw, ValueLocale.FR_MA);
        }
        String integerPart = decimalAt < 0 ? body : body.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : body.substring(decimalAt + 1);
        if (decimalAt >= 0 && !Digits.allAscii(fraction)) {
            if (fraction.indexOf('.') >= 0) {
                throw ambiguous(raw, ValueLocale.FR_MA);
            }
            throw notANumber(raw, ValueLocale.FR_MA);
        }
        String digits = groupedDigits(raw, integerPart, ValueLocale.FR_MA);
        return decimalAt < 0 ? digits : digits + "." + fraction;
    }

    private static String englishDigits(String raw, String body) throws InvalidValueException {
        int pointAt = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '.' || c == Digits.ARABIC_DECIMAL_SEPARATOR) {
                if (pointAt >= 0) {
                    throw notANumber(raw, ValueLocale.EN);
                }
                pointAt = i;
            } else if (c == ',') {
                // a comma is a decimal comma or a thousands separator: en files may not use either
                throw ambiguous(raw, ValueLocale.EN);
            } else if (!(c >= '0' && c <= '9') && c != Digits.ARABIC_THOUSANDS_SEPARATOR) {
                throw notANumber(raw, ValueLocale.EN);
            }
        }
        String integerPart = pointAt < 0 ? body : body.substring(0, pointAt);
        String fraction = pointAt < 0 ? "" : body.substring(pointAt + 1);
        if (pointAt >= 0 && !Digits.allAscii(fraction)) {
            throw notANumber(raw, ValueLocale.EN);
        }
        String digits = groupedDigits(raw, integerPart, ValueLocale.EN);
        return pointAt < 0 ? digits : digits + "." + fraction;
    }

    /** Plain digits, or groups of exactly three after a first group of one to three, with one separator. */
    private static String groupedDigits(String raw, String integerPart, ValueLocale locale)
            throws InvalidValueException {
        if (Digits.allAscii(integerPart)) {
            return integerPart;
        }
        if (integerPart.isEmpty()) {
            throw notANumber(raw, locale);
        }
        char separator = 0;
        StringBuilder digits = new StringBuilder(integerPart.length());
        int groupLength = 0;
        boolean firstGroup = true;
        boolean valid = true;
        boolean pointSeen = false;
        for (int i = 0; i < integerPart.length(); i++) {
            char c = integerPart.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                groupLength++;
                continue;
            }
            pointSeen |= c == '.';
            if (separator == 0) {
                separator = c;
            } else if (c != separator) {
                valid = false;
            }
            if (firstGroup ? groupLength < 1 || groupLength > 3 : groupLength != 3) {
                valid = false;
            }
            firstGroup = false;
            groupLength = 0;
        }
        if (groupLength != 3) {
            valid = false;
        }
        if (valid) {
            return digits.toString();
        }
        // a '.' that is not a valid thousands separator may have been meant as a decimal point
        if (pointSeen) {
            throw ambiguous(raw, locale);
        }
        throw notANumber(raw, locale);
    }

    private static boolean isFrenchGrouping(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '.' || c == Digits.ARABIC_THOUSANDS_SEPARATOR;
    }

    private static InvalidValueException ambiguous(String raw, ValueLocale locale) {
        return new InvalidValueException(ReasonCode.AMBIGUOUS_NUMBER, Map.of("value", raw, "example", example(locale)));
    }

    private static InvalidValueException notANumber(String raw, ValueLocale locale) {
        return new InvalidValueException(
                ReasonCode.NOT_A_NUMBER, Map.of("value", raw, "locale", locale.tag(), "example", example(locale)));
    }

    /** How a number is written in the locale, for messages. */
    public static String example(ValueLocale locale) {
        return locale == ValueLocale.FR_MA ? "1 234 567,5" : "1234567.5";
    }
}
