package ma.marsad.pipeline.template;

import java.util.Objects;
import ma.marsad.pipeline.quality.Language;

/** A name in the three languages of Marsad. */
public record Titles(String fr, String ar, String en) {

    public Titles {
        Objects.requireNonNull(fr, "fr");
        Objects.requireNonNull(ar, "ar");
        Objects.requireNonNull(en, "en");
    }

    public String in(Language language) {
        return switch (language) {
            case FR -> fr;
            case AR -> ar;
            case EN -> en;
        };
    }
}
