package ma.marsad.dashboards.definition;

import java.util.Map;
import java.util.Set;
import ma.marsad.pipeline.config.InvalidConfigurationException;
import ma.marsad.pipeline.config.YamlDocument;
import ma.marsad.pipeline.quality.Language;

/** A text in French, Arabic and English; all three are required so no page falls back silently. */
public record LocalizedText(String fr, String ar, String en) {

    private static final Set<String> LANGUAGES = Set.of("fr", "ar", "en");

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

    static LocalizedText parse(YamlDocument.Entry entry) {
        if (!entry.isMapping()) {
            throw entry.error(
                    "'" + entry.name() + "' must be a map {fr: …, ar: …, en: …}", "write the three translations");
        }
        Map<String, YamlDocument.Entry> texts = entry.mapping(LANGUAGES);
        try {
            return new LocalizedText(text(texts.get("fr")), text(texts.get("ar")), text(texts.get("en")));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(entry.where() + ": " + entry.name() + ": " + e.getMessage());
        }
    }

    private static String text(YamlDocument.Entry entry) {
        return entry == null ? null : entry.text();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
