package ma.marsad.pipeline.ingest;

import java.util.Arrays;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;

/**
 * An XLSX shared-string table held as one character buffer and the offset where each entry ends: about 4 bytes per
 * entry plus 2 per character, instead of a {@code String} (some 50 bytes) per entry. Its count and total length are
 * capped ({@link ReaderLimits}), so a workbook of millions of tiny or one enormous string is rejected, not held.
 */
final class SharedStrings {

    private char[] chars = new char[1024];
    private int[] ends = new int[64];
    private int size;
    private int length;

    int size() {
        return size;
    }

    String get(int index) {
        int start = index == 0 ? 0 : ends[index - 1];
        return new String(chars, start, ends[index] - start);
    }

    /** Appends an entry, refusing the workbook when the table would pass its caps. */
    void add(CharSequence text) throws FileRejectedException {
        if (size >= ReaderLimits.MAX_SHARED_STRINGS) {
            throw new FileRejectedException(
                    ReasonCode.TOO_MANY_SHARED_STRINGS,
                    "the workbook holds more than " + ReaderLimits.MAX_SHARED_STRINGS + " shared strings",
                    Map.of("max", ReaderLimits.MAX_SHARED_STRINGS));
        }
        long newLength = (long) length + text.length();
        if (newLength > ReaderLimits.MAX_SHARED_STRING_CHARS) {
            throw new FileRejectedException(
                    ReasonCode.SHARED_STRINGS_TOO_LARGE,
                    "the shared strings total more than " + ReaderLimits.MAX_SHARED_STRING_CHARS + " characters",
                    Map.of("max", ReaderLimits.MAX_SHARED_STRING_CHARS));
        }
        if (newLength > chars.length) {
            chars = Arrays.copyOf(chars, (int) Math.min(
                    ReaderLimits.MAX_SHARED_STRING_CHARS, Math.max(newLength, chars.length + (chars.length >> 1))));
        }
        for (int i = 0; i < text.length(); i++) {
            chars[length + i] = text.charAt(i);
        }
        length = (int) newLength;
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, Math.min(ReaderLimits.MAX_SHARED_STRINGS, size + (size >> 1)));
        }
        ends[size++] = length;
    }
}
