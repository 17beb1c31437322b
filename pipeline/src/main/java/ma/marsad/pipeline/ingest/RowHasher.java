package ma.marsad.pipeline.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A 64-bit hash of a sequence of typed values, finished with MurmurHash3's fmix64 so that every bit depends on every
 * input. Text is hashed character by character (FNV-1a); numbers, dates and date-times by their exact binary value,
 * each through fmix64 with a tag of its type, so hashing a row never formats its values as text. Used for key
 * uniqueness within one validation; never stored.
 */
final class RowHasher {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final char SEPARATOR = '\u001F';
    private static final char NULL_MARK = '\u0000';
    private static final long LONG_TAG = 0x4c4f4e47_00000001L;
    private static final long INT_TAG = 0x494e5433_00000002L;
    private static final long DOUBLE_TAG = 0x444f5542_00000003L;
    private static final long DATE_TAG = 0x44415445_00000004L;
    private static final long DATE_TIME_TAG = 0x44415454_00000005L;

    private RowHasher() {}

    static long hash(Object[] values, int[] columns) {
        long h = OFFSET;
        for (int column : columns) {
            h = mix(h, values[column]);
        }
        return fmix64(h);
    }

    static long hashAll(Object[] values) {
        return fmix64(mixFrom(OFFSET, values, 0));
    }

    /** The number of leading columns that are exactly the key columns in order, or 0 when the key is not a prefix. */
    static int keyPrefixLength(int[] keyColumns) {
        for (int i = 0; i < keyColumns.length; i++) {
            if (keyColumns[i] != i) {
                return 0;
            }
        }
        return keyColumns.length;
    }

    /**
     * The key hash and the row hash at once, for a key made of the first {@code prefixLength} columns: the row hash
     * goes on from the key's state, so the key's text is read once. Equal to {@link #hash} and {@link #hashAll}.
     *
     * @param hashes receives the key hash at index 0 and the row hash at index 1
     */
    static void hashKeyPrefixAndAll(Object[] values, int prefixLength, long[] hashes) {
        long h = OFFSET;
        for (int i = 0; i < prefixLength; i++) {
            h = mix(h, values[i]);
        }
        hashes[0] = fmix64(h);
        hashes[1] = fmix64(mixFrom(h, values, prefixLength));
    }

    private static long mixFrom(long h, Object[] values, int from) {
        for (int i = from; i < values.length; i++) {
            h = mix(h, values[i]);
        }
        return h;
    }

    /** The exact text of the key, for the exact check behind a hash match and for messages. */
    static String text(Object[] values, int[] columns) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            Object value = values[columns[i]];
            out.append(value == null ? String.valueOf(NULL_MARK) : value.toString());
        }
        return out.toString();
    }

    /** The key as a submitter reads it. */
    static String display(String exactText) {
        return exactText.replace(String.valueOf(SEPARATOR), " | ").replace(String.valueOf(NULL_MARK), "");
    }

    private static long mix(long h, Object value) {
        if (value == null) {
            h = (h ^ NULL_MARK) * PRIME;
        } else if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * PRIME;
            }
        } else if (value instanceof Long number) {
            h = fmix64(h ^ fmix64(number ^ LONG_TAG));
        } else if (value instanceof Integer number) {
            h = fmix64(h ^ fmix64(number ^ INT_TAG));
        } else if (value instanceof Double number) {
            h = fmix64(h ^ fmix64(Double.doubleToLongBits(number) ^ DOUBLE_TAG));
        } else if (value instanceof LocalDate date) {
            h = fmix64(h ^ fmix64(date.toEpochDay() ^ DATE_TAG));
        } else if (value instanceof LocalDateTime dateTime) {
            h = fmix64(h ^ fmix64(dateTime.toEpochSecond(ZoneOffset.UTC) ^ DATE_TIME_TAG));
            h = fmix64(h ^ dateTime.getNano());
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * PRIME;
            }
        }
        return (h ^ SEPARATOR) * PRIME;
    }

    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
