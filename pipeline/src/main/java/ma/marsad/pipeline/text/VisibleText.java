package ma.marsad.pipeline.text;

/**
 * The one rule for showing text that comes from outside (file names, cell values, headers): every character that is
 * invisible or changes how the text around it is shown becomes a visible {@code <U+XXXX>} escape, so a name with a
 * right-to-left override cannot pass for another and a newline cannot start a forged log line.
 *
 * <p>Escaped: control characters (C0 including tab, DEL, C1), line and paragraph separators (U+2028, U+2029), format
 * characters (bidirectional embeddings, overrides, isolates and marks U+061C, U+200E, U+200F, zero-width space,
 * invisible operators, BOM, tag characters …) and lone surrogates. Kept, because Arabic and French text needs them:
 * letters, digits of every script, diacritics, the zero-width joiner and non-joiner, the soft hyphen and the visible
 * Arabic number signs (U+0600–U+0605, U+06DD, U+0890, U+0891, U+08E2).
 */
public final class VisibleText {

    private VisibleText() {}

    /** The text with every unsafe character as {@code <U+XXXX>}; null stays null; safe text is returned as is. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int index = first; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            if (isEscaped(codePoint)) {
                out.append(escape(codePoint));
            } else {
                out.appendCodePoint(codePoint);
            }
            index += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** How an escaped character is shown: {@code <U+202E>}, four to six hexadecimal digits. */
    public static String escape(int codePoint) {
        String hex = Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT);
        return "<U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex + ">";
    }

    /** Whether a character is shown as an escape rather than as itself. */
    public static boolean isEscaped(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE ->
                true;
            case Character.FORMAT -> !isVisibleOrNeededFormat(codePoint);
            default -> false;
        };
    }

    private static int firstUnsafe(String text) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            // printable ASCII and Latin-1 letters are the common case: no look-up
            if ((c >= 0x20 && c < 0x7F) || (c > 0xA0 && c != 0xAD && c < 0x600)) {
                continue;
            }
            int codePoint = text.codePointAt(index);
            if (isEscaped(codePoint)) {
                return index;
            }
            if (Character.isSupplementaryCodePoint(codePoint)) {
                index++;
            }
        }
        return -1;
    }

    /** Format characters Arabic and French text uses on purpose, or that are drawn as a visible sign. */
    private static boolean isVisibleOrNeededFormat(int codePoint) {
        return codePoint == 0x00AD // soft hyphen
                || codePoint == 0x200C // zero-width non-joiner
                || codePoint == 0x200D // zero-width joiner
                || (codePoint >= 0x0600 && codePoint <= 0x0605) // Arabic number signs, drawn above digits
                || codePoint == 0x06DD // Arabic end of ayah
                || codePoint == 0x0890
                || codePoint == 0x0891
                || codePoint == 0x08E2;
    }
}
