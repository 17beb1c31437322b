package ma.marsad.dashboards.definition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.marsad.pipeline.quality.Language;

/** The site's interface strings in French, Arabic and English, read from {@code messages.yml}. */
public final class Messages {

    private final Map<String, LocalizedText> texts;
    private final List<String> pillarOrder;

    Messages(Map<String, LocalizedText> texts, List<String> pillarOrder) {
        this.texts = Map.copyOf(new TreeMap<>(texts));
        this.pillarOrder = List.copyOf(pillarOrder);
    }

    /** The text of {@code key}; fails naming the key when messages.yml lacks it. */
    public LocalizedText text(String key) {
        LocalizedText text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException(
                    "message '" + key + "' missing from dashboards/messages.yml: add it with fr, ar and en");
        }
        return text;
    }

    public String get(String key, Language language) {
        return text(key).in(language);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** Pillars in menu order; pillars of the catalogue not listed here come after, by name. */
    public List<String> pillarOrder() {
        return pillarOrder;
    }
}
