package ma.marsad.pipeline.demo;

/** Writes numbers the way {@code fr-MA} submitters type them: {@code 1 234 567,5}. */
final class FrenchNumbers {

    static final char SPACE = ' ';
    static final char NO_BREAK_SPACE = '\u00A0';
    static final char NARROW_NO_BREAK_SPACE = '\u202F';
    static final char NONE = 0;

    private FrenchNumbers() {}

    /** An integer with groups of three digits separated by {@code grouping} ({@link #NONE} for plain digits). */
    static String integer(long value, char grouping) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            text.append('-');
        }
        int firstGroup = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        text.append(digits, 0, firstGroup);
        for (int start = firstGroup; start < digits.length(); start += 3) {
            if (grouping != NONE) {
                text.append(grouping);
            }
            text.append(digits, start, start + 3);
        }
        return text.toString();
    }

    /** A decimal rounded half-up to {@code decimals} places, comma as decimal separator. */
    static String decimal(double value, int decimals, char grouping) {
        java.math.BigDecimal rounded =
                java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integerPart = dot < 0 ? plain : plain.substring(0, dot);
        String text = integer(Long.parseLong(integerPart), grouping);
        if (rounded.signum() < 0) {
            text = "-" + text;
        }
        return dot < 0 ? text : text + "," + plain.substring(dot + 1);
    }
}
