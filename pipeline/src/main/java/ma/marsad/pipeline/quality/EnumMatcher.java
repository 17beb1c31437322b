package ma.marsad.pipeline.quality;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Matches an enum value case-insensitively after trimming, with the value aliases a template lists. */
public final class EnumMatcher {

    private final List<String> values;
    private final Map<String, String> canonicalByFolded = new HashMap<>();

    /**
     * Values already matched, as written: folding (NFC, lower case) cost more than the rest of a row's checks, and a
     * column holds the same few spellings millions of times. Bounded, and safe to share between threads.
     */
    private final Map<String, String> matched = new ConcurrentHashMap<>();

    private static final int MAX_MATCHED = 1024;

    /**
     * @param values the canonical values, stored as written
     * @param aliases alias → canonical value (e.g. {@code guichet → counter})
     */
    public EnumMatcher(List<String> values, Map<String, String> aliases) {
        this.values = List.copyOf(values);
        for (String value : values) {
            canonicalByFolded.put(fold(value), value);
        }
        aliases.forEach((alias, value) -> {
            if (!values.contains(value)) {
                throw new IllegalArgumentException(
                        "alias '" + alias + "' points to '" + value + "', which is not one of the values " + values);
            }
            canonicalByFolded.put(fold(alias), value);
        });
    }

    public List<String> values() {
        return values;
    }

    public String match(String raw) throws InvalidValueException {
        String known = matched.get(raw);
        if (known != null) {
            return known;
        }
        String canonical = canonicalByFolded.get(fold(raw));
        if (canonical != null && matched.size() < MAX_MATCHED) {
            matched.put(raw, canonical);
        }
        if (canonical == null) {
            throw new InvalidValueException(
                    ReasonCode.BAD_ENUM, Map.of("value", raw, "allowed", String.join(", ", values)));
        }
        return canonical;
    }

    private static String fold(String text) {
        String stripped = Digits.strip(TextValues.removeFormatCharacters(text));
        return Normalizer.normalize(stripped, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
