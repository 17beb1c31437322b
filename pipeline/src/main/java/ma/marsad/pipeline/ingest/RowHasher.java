package ma.marsad.pipeline.ingest;

/**
 * A 64-bit hash of a sequence of typed values (FNV-1a over the values' canonical text, finished with MurmurHash3's
 * fmix64 so that every bit depends on every input). Used for key uniqueness; never stored.
 */
final class RowHasher {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final char SEPARATOR = '\u001F';
    private static final char NULL_MARK = '\u0000';

    private RowHasher() {}

    static long hash(Object[] values, int[] columns) {
        long h = OFFSET;
        for (int column : columns) {
            h = mix(h, values[column]);
        }
        return fmix64(h);
    }

    static long hashAll(Object[] values) {
        long h = OFFSET;
        for (Object value : values) {
            h = mix(h, value);
        }
        return fmix64(h);
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
