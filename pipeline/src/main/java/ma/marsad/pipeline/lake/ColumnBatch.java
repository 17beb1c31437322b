package ma.marsad.pipeline.lake;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import ma.marsad.pipeline.template.ColumnType;
import org.apache.parquet.io.api.Binary;

/**
 * A block of rows held column by column in primitive arrays, in the form Parquet stores them: text as UTF-8 {@link
 * Binary}, INTEGER as long, YEAR as int, DECIMAL as double, DATE as days since 1970-01-01 and DATETIME as microseconds
 * since 1970-01-01T00:00 (local time, no zone). Rows are filled in place and reused, so a large file is typed and
 * written without an object per value.
 */
public final class ColumnBatch {

    /** How a column's values are held. */
    public enum Storage {
        TEXT,
        LONG,
        INT,
        DOUBLE;

        static Storage of(ColumnType type) {
            return switch (type) {
                case TEXT, ENUM, REGION, QUARTER -> TEXT;
                case INTEGER, DATETIME -> LONG;
                case YEAR, DATE -> INT;
                case DECIMAL -> DOUBLE;
            };
        }
    }

    private static final long TEXT_SEED = 0x54455854_00000006L;
    private static final long WORD_MULTIPLIER = 0x87c37b91114253d5L;
    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ColumnType[] types;
    private final Storage[] storage;
    private final Binary[][] texts;
    private final long[][] textHashes;
    private final long[][] longs;
    private final int[][] ints;
    private final double[][] doubles;
    private final boolean[][] nulls;
    private final int capacity;

    public ColumnBatch(List<ColumnType> columnTypes, int capacity) {
        this.capacity = capacity;
        int width = columnTypes.size();
        this.types = columnTypes.toArray(ColumnType[]::new);
        this.storage = new Storage[width];
        this.texts = new Binary[width][];
        this.textHashes = new long[width][];
        this.longs = new long[width][];
        this.ints = new int[width][];
        this.doubles = new double[width][];
        this.nulls = new boolean[width][capacity];
        for (int column = 0; column < width; column++) {
            storage[column] = Storage.of(types[column]);
            switch (storage[column]) {
                case TEXT -> {
                    texts[column] = new Binary[capacity];
                    textHashes[column] = new long[capacity];
                }
                case LONG -> longs[column] = new long[capacity];
                case INT -> ints[column] = new int[capacity];
                case DOUBLE -> doubles[column] = new double[capacity];
            }
        }
    }

    public int width() {
        return types.length;
    }

    public int capacity() {
        return capacity;
    }

    public ColumnType type(int column) {
        return types[column];
    }

    public Storage storage(int column) {
        return storage[column];
    }

    public boolean isNull(int column, int row) {
        return nulls[column][row];
    }

    public Binary text(int column, int row) {
        return texts[column][row];
    }

    /** The {@link #hash} of a text value, kept beside it. */
    public long textHash(int column, int row) {
        return textHashes[column][row];
    }

    public long longValue(int column, int row) {
        return longs[column][row];
    }

    public int intValue(int column, int row) {
        return ints[column][row];
    }

    public double doubleValue(int column, int row) {
        return doubles[column][row];
    }

    public void setNull(int column, int row) {
        nulls[column][row] = true;
    }

    /** A text value; the Binary must never change afterwards (several rows may share it). */
    public void setText(int column, int row, Binary value) {
        setText(column, row, value, hash(value));
    }

    /** A text value with its {@link #hash}, for callers that keep a value's hash with the value. */
    public void setText(int column, int row, Binary value, long hash) {
        texts[column][row] = value;
        textHashes[column][row] = hash;
        nulls[column][row] = false;
    }

    public void setLong(int column, int row, long value) {
        longs[column][row] = value;
        nulls[column][row] = false;
    }

    public void setInt(int column, int row, int value) {
        ints[column][row] = value;
        nulls[column][row] = false;
    }

    public void setDouble(int column, int row, double value) {
        doubles[column][row] = value;
        nulls[column][row] = false;
    }

    /** Sets a value given as a Java object of the column's type (String, Long, Integer, Double, LocalDate, LocalDateTime). */
    public void set(int column, int row, Object value) {
        if (value == null) {
            setNull(column, row);
            return;
        }
        switch (types[column]) {
            case TEXT, ENUM, REGION, QUARTER -> setText(column, row, utf8((String) value));
            case INTEGER -> setLong(column, row, ((Number) value).longValue());
            case YEAR -> setInt(column, row, ((Number) value).intValue());
            case DECIMAL -> setDouble(column, row, ((Number) value).doubleValue());
            case DATE -> setInt(column, row, (int) ((LocalDate) value).toEpochDay());
            case DATETIME -> setLong(column, row, epochMicros((LocalDateTime) value));
        }
    }

    /** A value as a Java object of the column's type, or null. */
    public Object get(int column, int row) {
        if (nulls[column][row]) {
            return null;
        }
        return switch (types[column]) {
            case TEXT, ENUM, REGION, QUARTER -> texts[column][row].toStringUsingUTF8();
            case INTEGER -> longs[column][row];
            case YEAR -> ints[column][row];
            case DECIMAL -> doubles[column][row];
            case DATE -> LocalDate.ofEpochDay(ints[column][row]);
            case DATETIME -> dateTime(longs[column][row]);
        };
    }

    /** Copies the first {@code rows} rows of every column into another batch of the same columns. */
    public void copyTo(ColumnBatch target, int rows) {
        for (int column = 0; column < types.length; column++) {
            System.arraycopy(nulls[column], 0, target.nulls[column], 0, rows);
            switch (storage[column]) {
                case TEXT -> {
                    System.arraycopy(texts[column], 0, target.texts[column], 0, rows);
                    System.arraycopy(textHashes[column], 0, target.textHashes[column], 0, rows);
                }
                case LONG -> System.arraycopy(longs[column], 0, target.longs[column], 0, rows);
                case INT -> System.arraycopy(ints[column], 0, target.ints[column], 0, rows);
                case DOUBLE -> System.arraycopy(doubles[column], 0, target.doubles[column], 0, rows);
            }
        }
    }

    /** Copies one row into a row of another batch of the same columns. */
    public void copyRow(int row, ColumnBatch target, int targetRow) {
        for (int column = 0; column < types.length; column++) {
            target.nulls[column][targetRow] = nulls[column][row];
            switch (storage[column]) {
                case TEXT -> {
                    target.texts[column][targetRow] = texts[column][row];
                    target.textHashes[column][targetRow] = textHashes[column][row];
                }
                case LONG -> target.longs[column][targetRow] = longs[column][row];
                case INT -> target.ints[column][targetRow] = ints[column][row];
                case DOUBLE -> target.doubles[column][targetRow] = doubles[column][row];
            }
        }
    }

    /**
     * A 64-bit hash of a text's UTF-8 bytes, eight bytes at a time, for key checks: one encoding of the text, whichever
     * reader typed it. The length is mixed in, so texts that differ only by trailing zero bytes differ.
     */
    public static long hash(Binary value) {
        byte[] bytes = value.getBytesUnsafe();
        long h = TEXT_SEED ^ bytes.length;
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            h = Long.rotateLeft(h ^ ((long) LITTLE_ENDIAN_LONGS.get(bytes, i) * WORD_MULTIPLIER), 27) * 5 + 0x52dce729;
        }
        long tail = 0;
        for (int shift = 0; i < bytes.length; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h ^= tail * WORD_MULTIPLIER;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** The UTF-8 bytes of a text, as Parquet stores it. */
    public static Binary utf8(String value) {
        return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
    }

    public static long epochMicros(LocalDateTime value) {
        return value.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + value.getNano() / 1_000;
    }

    public static LocalDateTime dateTime(long epochMicros) {
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(epochMicros, 1_000_000L),
                (int) Math.floorMod(epochMicros, 1_000_000L) * 1_000,
                ZoneOffset.UTC);
    }
}
