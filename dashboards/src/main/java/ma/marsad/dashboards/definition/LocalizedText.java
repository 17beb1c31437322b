package ma.marsad.dashboards.definition;

import java.util.Map;
import ma.marsad.pipeline.quality.Language;

/** A text in French, Arabic and English; all three are required so no page falls back silently. */
public record LocalizedText(String fr, String ar, String en) {

    public LocalizedText {
        if (isBlank(fr) || isBlank(ar) || isBlank(en)) {
            throw new IllegalArgumentException(
                    "text needs fr, ar and en, got fr=" + fr + ", ar=" + ar + ", en=" + en + ": give all three");
        }
    }

    public String in(Language language) {
        return switch (language) {
            case FR -> fr;
            case AR -> ar;
            case EN -> en;
        };
    }

    /** Replaces {@code {name}} by the matching text of {@code value} in each language. */
    public LocalizedText with(String name, LocalizedText value) {
        String placeholder = "{" + name + "}";
        return new LocalizedText(
                fr.replace(placeholder, value.fr),
                ar.replace(placeholder, value.ar),
                en.replace(placeholder, value.en));
    }

    static LocalizedText parse(Object yaml, String where) {
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    where + " must be a map {fr: …, ar: …, en: …}, got " + yaml + ": write the three translations");
        }
        try {
            return new LocalizedText(text(map.get("fr")), text(map.get("ar")), text(map.get("en")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
