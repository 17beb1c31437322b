package ma.marsad.pipeline.quality;

/**
 * The ISO layouts {@code uuuu-MM-dd} and {@code uuuu-MM-dd'T'HH:mm:ss} read digit by digit, without a formatter and
 * without objects: the shortcut for the large files whose templates declare these layouts first. Only exactly that
 * layout with a real date and time is read; anything else is {@link #NOT_ISO}, and the declared formatters decide, so
 * the shortcut never accepts what a strict formatter would refuse.
 */
public final class IsoDates {

    /** The answer for text that is not exactly the layout with a real date (and time). */
    public static final long NOT_ISO = Long.MIN_VALUE;

    private IsoDates() {}

    /** {@code uuuu-MM-ddTHH:mm:ss} in {@code chars[start, end)}: seconds since 1970-01-01T00:00, or {@link #NOT_ISO}. */
    public static long epochSecond(char[] chars, int start, int end) {
        if (end - start != 19 || chars[start + 10] != 'T' || chars[start + 13] != ':' || chars[start + 16] != ':') {
            return NOT_ISO;
        }
        long day = epochDayAt(chars, start);
        int hour = twoDigits(chars, start + 11);
        int minute = twoDigits(chars, start + 14);
        int second = twoDigits(chars, start + 17);
        if (day == NOT_ISO || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_ISO;
        }
        return day * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** {@code uuuu-MM-dd} in {@code chars[start, end)}: days since 1970-01-01, or {@link #NOT_ISO}. */
    public static long epochDay(char[] chars, int start, int end) {
        return end - start == 10 ? epochDayAt(chars, start) : NOT_ISO;
    }

    /** {@code uuuu-MM-dd} at {@code start}, whatever follows. */
    private static long epochDayAt(char[] chars, int start) {
        int high = twoDigits(chars, start);
        int low = twoDigits(chars, start + 2);
        int month = twoDigits(chars, start + 5);
        int day = twoDigits(chars, start + 8);
        if (high < 0 || low < 0 || chars[start + 4] != '-' || chars[start + 7] != '-' || month < 1 || month > 12) {
            return NOT_ISO;
        }
        int year = high * 100 + low;
        if (day < 1 || day > lengthOfMonth(year, month)) {
            return NOT_ISO;
        }
        return epochDay(year, month, day);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** The two ASCII digits at {@code at}, or -1. */
    private static int twoDigits(char[] chars, int at) {
        char tens = chars[at];
        char units = chars[at + 1];
        if (tens < '0' || tens > '9' || units < '0' || units > '9') {
            return -1;
        }
        return (tens - '0') * 10 + (units - '0');
    }
}
