package ma.marsad.pipeline.quality;

import java.text.Normalizer;
import java.util.Map;
import ma.marsad.pipeline.text.VisibleText;

/**
 * Text as Marsad stores it: NFC-normalised, without C0 control characters (tab excepted), at most {@value
 * #MAX_LENGTH} characters; in codes and keys, without the invisible bidirectional and zero-width characters that make
 * two equal-looking codes differ.
 */
public final class TextValues {

    public static final int MAX_LENGTH = 10_000;

    /**
     * U+0300, the first combining mark: every character below it is unchanged by NFC and composes with nothing before
     * it, and every format character removed from codes is far above it.
     */
    private static final char FIRST_NOT_NFC_STABLE = '\u0300';

    private TextValues() {}

    /** The cleaned text of a free-text value (format characters kept). */
    public static String clean(String raw) throws InvalidValueException {
        return clean(raw, false);
    }

    /**
     * The cleaned text of a value.
     *
     * @param code whether the value is a code or part of a key, whose format characters are removed
     */
    public static String clean(String raw, boolean code) throws InvalidValueException {
        if (raw.length() > MAX_LENGTH && raw.codePointCount(0, raw.length()) > MAX_LENGTH) {
            throw new InvalidValueException(
                    ReasonCode.TOO_LONG,
                    Map.of("value", raw.substring(0, 50) + "…", "length", raw.length(), "max", MAX_LENGTH));
        }
        char highest = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 && c != '\t') {
                throw new InvalidValueException(
                        ReasonCode.CONTROL_CHARACTER,
                        Map.of("value", visible(raw), "character", String.format("U+%04X", (int) c)));
            }
            highest = c > highest ? c : highest;
        }
        if (highest < FIRST_NOT_NFC_STABLE) {
            return raw; // no combining mark and no format character: already NFC, nothing to remove (the common case)
        }
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC)
                ? raw
                : Normalizer.normalize(raw, Normalizer.Form.NFC);
        return code ? removeFormatCharacters(text) : text;
    }

    /** Removes U+200B–U+200F, U+202A–U+202E, U+2066–U+2069 and U+FEFF. */
    public static String removeFormatCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isFormatCharacter(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                    out.append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static boolean isFormatCharacter(char c) {
        return (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF';
    }

    /** Whether the text has at least one letter and every letter is in the Arabic script. */
    public static boolean isArabicScript(String text) {
        boolean arabicLetter = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetter(codePoint)) {
                if (Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.ARABIC) {
                    return false;
                }
                arabicLetter = true;
            }
            i += Character.charCount(codePoint);
        }
        return arabicLetter;
    }

    /** The value, at most 200 characters of it, with unsafe characters shown as escapes, so a message can quote it. */
    static String visible(String raw) {
        int limit = Math.min(raw.length(), 200);
        String shown = VisibleText.of(raw.substring(0, limit));
        return raw.length() > limit ? shown + "…" : shown;
    }
}
