package ma.marsad.pipeline.template;

import java.util.Objects;
import ma.marsad.pipeline.quality.Language;

/**
 * What a column holds, in the words a submitter reads: French and Arabic are required by every shipped contract,
 * English is optional and falls back to French.
 */
public record ColumnDescription(String fr, String ar, String en) {

    public static final ColumnDescription NONE = new ColumnDescription("", "", "");

    public ColumnDescription {
        fr = Objects.requireNonNullElse(fr, "").strip();
        ar = Objects.requireNonNullElse(ar, "").strip();
        en = Objects.requireNonNullElse(en, "").strip();
    }

    /** The description in a language; English falls back to French when the contract gives none. */
    public String in(Language language) {
        return switch (language) {
            case FR -> fr;
            case AR -> ar;
            case EN -> en.isEmpty() ? fr : en;
        };
    }

    /** Whether a submitter can read it in both languages they are addressed in. */
    public boolean hasFrenchAndArabic() {
        return !fr.isEmpty() && !ar.isEmpty();
    }
}
