package ma.marsad.pipeline.ingest;

import ma.marsad.pipeline.lake.ColumnBatch;

/**
 * A 64-bit hash of a row of typed values, finished with MurmurHash3's fmix64 so that every bit depends on every input.
 * Text enters by the hash its batch keeps beside it ({@link ColumnBatch#hash}); numbers, dates and date-times by their exact binary value as stored,
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
     * The key hash and the row hash of one row of a batch. When the key is the first {@code keyPrefixLength} columns,
     * the row hash goes on from the key's state, so the key is read once; the values are the same either way.
     *
     * @param hashes receives the key hash at index 0 and the row hash at index 1
     */
    static void hashKeyAndRow(ColumnBatch values, int row, int[] keyColumns, int keyPrefixLength, long[] hashes) {
        long h = OFFSET;
        if (keyPrefixLength > 0) {
            for (int column = 0; column < keyPrefixLength; column++) {
                h = mix(h, values, column, row);
            }
            hashes[0] = fmix64(h);
        } else {
            for (int column : keyColumns) {
                h = mix(h, values, column, row);
            }
            hashes[0] = fmix64(h);
            h = OFFSET;
        }
        for (int column = keyPrefixLength; column < values.width(); column++) {
            h = mix(h, values, column, row);
        }
        hashes[1] = fmix64(h);
    }

    /** The exact text of a batch row's key, equal to {@link #text(Object[], int[])} of the same values. */
    static String text(ColumnBatch values, int row, int[] columns) {
        Object[] keyValues = new Object[values.width()];
        for (int column : columns) {
            keyValues[column] = values.get(column, row);
        }
        return text(keyValues, columns);
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

    private static long mix(long h, ColumnBatch values, int column, int row) {
        if (values.isNull(column, row)) {
            h = (h ^ NULL_MARK) * PRIME;
        } else {
            switch (values.type(column)) {
                case TEXT, ENUM, REGION, QUARTER -> h = fmix64(h ^ values.textHash(column, row));
                case INTEGER -> h = fmix64(h ^ fmix64(values.longValue(column, row) ^ LONG_TAG));
                case DATETIME -> h = fmix64(h ^ fmix64(values.longValue(column, row) ^ DATE_TIME_TAG));
                case YEAR -> h = fmix64(h ^ fmix64(values.intValue(column, row) ^ INT_TAG));
                case DATE -> h = fmix64(h ^ fmix64(values.intValue(column, row) ^ DATE_TAG));
                case DECIMAL ->
                    h = fmix64(h ^ fmix64(Double.doubleToLongBits(values.doubleValue(column, row)) ^ DOUBLE_TAG));
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
