package ma.marsad.pipeline.ingest;

import java.util.HashMap;

/**
 * The values a column gave for the texts it already accepted, for columns whose checks depend on the text alone (a
 * pattern, Arabic script, a region or quarter code). Most such columns hold a few codes repeated on millions of rows:
 * a known text skips the checks, and every row then shares one instance of the value, which the Parquet writer finds
 * in its own cache without hashing a new string. A column that turns out to have more than {@value #MAX_ENTRIES}
 * distinct texts (ids, free text) stops remembering, so it pays one failed lookup per value for its first rows only.
 * Texts that fail a check are never remembered: they are checked again and give the same row error each time.
 */
final class ValueMemo {

    static final int MAX_ENTRIES = 1024;

    private HashMap<String, String> entries = new HashMap<>();

    /** The value remembered for this text, or null. */
    String get(String text) {
        return entries == null ? null : entries.get(text);
    }

    /** Remembers the value a text gave, while the column has few distinct texts. */
    void put(String text, String value) {
        if (entries == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries = null;
            return;
        }
        entries.put(text, value);
    }

    /** For tests: whether the column still remembers its texts. */
    boolean isRemembering() {
        return entries != null;
    }
}
