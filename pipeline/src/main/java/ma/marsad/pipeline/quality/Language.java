package ma.marsad.pipeline.quality;

import java.util.Arrays;
import java.util.Optional;

/** The languages Marsad speaks to submitters and dashboard viewers; French is the default. */
public enum Language {
    FR("fr"),
    AR("ar"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
    }
}
