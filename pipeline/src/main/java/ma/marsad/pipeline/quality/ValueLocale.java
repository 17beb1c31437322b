package ma.marsad.pipeline.quality;

import java.util.Arrays;
import java.util.Optional;

/** How numbers are written in a template: {@code fr-MA} (decimal comma, grouped thousands) or {@code en}. */
public enum ValueLocale {
    FR_MA("fr-MA"),
    EN("en");

    private final String tag;

    ValueLocale(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Optional<ValueLocale> fromTag(String tag) {
        return Arrays.stream(values()).filter(v -> v.tag.equals(tag)).findFirst();
    }
}
