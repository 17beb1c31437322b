package ma.marsad.pipeline.quality;

import java.util.Arrays;
import java.util.Optional;

/** The languages Marsad speaks to submitters and dashboard viewers; French is the default. */
public enum Language {
    FR("fr", "fr-MA"),
    AR("ar", "ar-MA"),
    EN("en", "en-GB");

    private final String tag;
    private final String displayLocale;

    Language(String tag, String displayLocale) {
        this.tag = tag;
        this.displayLocale = displayLocale;
    }

    /** ISO 639-1 code, also the site folder of the language. */
    public String tag() {
        return tag;
    }

    /** BCP 47 locale in which numbers and dates are shown to readers of this language. */
    public String displayLocale() {
        return displayLocale;
    }

    /** {@code ltr} or {@code rtl}, for the HTML {@code dir} attribute. */
    public String direction() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
    }
}
