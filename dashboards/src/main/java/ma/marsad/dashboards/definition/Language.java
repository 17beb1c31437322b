package ma.marsad.dashboards.definition;

/** The languages of the site, French first (the default). */
public enum Language {
    FR("fr", "ltr", "fr-MA"),
    AR("ar", "rtl", "ar-MA"),
    EN("en", "ltr", "en-GB");

    private final String code;
    private final String direction;
    private final String locale;

    Language(String code, String direction, String locale) {
        this.code = code;
        this.direction = direction;
        this.locale = locale;
    }

    /** ISO 639-1 code, also the site folder of the language. */
    public String code() {
        return code;
    }

    /** {@code ltr} or {@code rtl}, for the {@code dir} attribute. */
    public String direction() {
        return direction;
    }

    /** BCP 47 locale used by the browser's Intl formatters. */
    public String locale() {
        return locale;
    }

    public boolean isRightToLeft() {
        return "rtl".equals(direction);
    }
}
