package ma.marsad.pipeline.quality;

/** Arabic-Indic digits are accepted wherever digits are: this turns them into ASCII digits. */
final class Digits {

    static final char ARABIC_DECIMAL_SEPARATOR = '\u066B';
    static final char ARABIC_THOUSANDS_SEPARATOR = '\u066C';

    private Digits() {}

    /** The ASCII digit for an ASCII, Arabic-Indic (U+0660–0669) or Extended Arabic-Indic (U+06F0–06F9) digit, or -1. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        return -1;
    }

    /** The text with every Arabic-Indic digit replaced by its ASCII digit; other characters unchanged. */
    static String toAscii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > '9') {
                int digit = value(c);
                if (digit >= 0) {
                    if (out == null) {
                        out = new StringBuilder(text);
                    }
                    out.setCharAt(i, (char) ('0' + digit));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether every character is an ASCII digit and there is at least one. */
    static boolean allAscii(CharSequence text) {
        if (text.length() == 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Removes spaces, tabs, NBSP and narrow NBSP around a value. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }
}
