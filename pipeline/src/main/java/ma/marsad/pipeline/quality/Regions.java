package ma.marsad.pipeline.quality;

import java.util.Map;

/** HCP region codes {@code 01}..{@code 12}; {@code 1}..{@code 12} and Arabic-Indic digits are accepted. */
public final class Regions {

    private Regions() {}

    /** The two-digit codes by number, one instance each: no string is built per row. */
    private static final String[] CODES = {null, "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"
    };

    public static String normalize(String raw) throws InvalidValueException {
        String text = Digits.toAscii(Digits.strip(TextValues.removeFormatCharacters(raw)));
        if (text.length() >= 1 && text.length() <= 2 && Digits.allAscii(text)) {
            int code = Integer.parseInt(text);
            if (code >= 1 && code <= 12) {
                return CODES[code];
            }
        }
        throw new InvalidValueException(ReasonCode.BAD_REGION, Map.of("value", raw));
    }
}
