package ma.marsad.pipeline.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.quality.DateParser;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.IsoDates;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.ColumnType;
import ma.marsad.pipeline.template.TemplateContract;
import org.apache.parquet.io.api.Binary;

/**
 * Types CSV fields straight from the reader's character buffer into a {@link ColumnBatch}, for the common case of a
 * large file of plain values: codes, enums and regions are looked up by their characters among the texts the column
 * already accepted, ISO date-times and plain integers are read digit by digit, and ids are copied as bytes. Nothing
 * here decides a value differently from {@link RowTyper} (the ISO shortcut is {@link IsoDates}, which {@link
 * DateParser} uses too): a field that is not plain printable ASCII, or that these
 * shortcuts do not settle, is typed by {@link RowTyper} itself, and a field that {@link RowTyper} refuses is reported
 * as not typed, so the caller sends the whole row through the full validation that builds its error.
 */
final class CsvFieldTyper {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private enum Kind {
        KNOWN_TEXTS,
        DATE_TIME,
        DATE,
        INTEGER,
        OTHER
    }

    private final RowTyper typer;
    private final ColumnSpec[] specs;
    private final Kind[] kinds;
    private final KnownTexts[] knownTexts;
    private final boolean[] plainText;
    private final long[] minimum;
    private final long[] maximum;

    CsvFieldTyper(TemplateContract contract, RowTyper typer) {
        this.typer = typer;
        List<ColumnSpec> columns = contract.columns();
        int width = columns.size();
        this.specs = columns.toArray(ColumnSpec[]::new);
        this.kinds = new Kind[width];
        this.knownTexts = new KnownTexts[width];
        this.plainText = new boolean[width];
        this.minimum = new long[width];
        this.maximum = new long[width];
        for (int column = 0; column < width; column++) {
            ColumnSpec spec = specs[column];
            kinds[column] = kindOf(spec);
            if (kinds[column] == Kind.KNOWN_TEXTS) {
                knownTexts[column] = new KnownTexts();
            }
            // a text column without checks on its text keeps the text as it is (plain ASCII is already clean)
            plainText[column] = spec.type() == ColumnType.TEXT && spec.pattern() == null && !spec.arabicScript();
            minimum[column] = spec.min() == null
                    ? Long.MIN_VALUE
                    : spec.min()
                            .setScale(0, RoundingMode.CEILING)
                            .max(BigDecimal.valueOf(Long.MIN_VALUE))
                            .longValue();
            maximum[column] = spec.max() == null
                    ? Long.MAX_VALUE
                    : spec.max()
                            .setScale(0, RoundingMode.FLOOR)
                            .min(BigDecimal.valueOf(Long.MAX_VALUE))
                            .longValue();
        }
    }

    private static Kind kindOf(ColumnSpec spec) {
        return switch (spec.type()) {
            case TEXT, ENUM, REGION, QUARTER -> Kind.KNOWN_TEXTS;
            case DATETIME -> DateParser.isoDateTimeFirst(spec.datePatterns()) ? Kind.DATE_TIME : Kind.OTHER;
            case DATE -> DateParser.isoDateFirst(spec.datePatterns()) ? Kind.DATE : Kind.OTHER;
            case INTEGER -> Kind.INTEGER;
            default -> Kind.OTHER;
        };
    }

    /**
     * Types one field into the batch row; false when the field is refused (the row then goes through the full
     * validation, which reports why).
     *
     * @param start the field's first character in {@code chars}, or -1 when the file has no column for it
     * @param column the contract column
     * @param line the record's line, for the cell's reference
     * @param position the field's 0-based position in the record
     */
    boolean type(int column, char[] chars, int start, int end, ColumnBatch values, int row, int line, int position) {
        if (start < 0 || start == end) {
            if (specs[column].required()) {
                return false;
            }
            values.setNull(column, row);
            return true;
        }
        // each shortcut reads only characters it checks itself (digits, separators, a remembered plain text), so
        // whatever it accepts is plain ASCII; everything else is typed by RowTyper from the text
        return switch (kinds[column]) {
            case KNOWN_TEXTS -> knownText(column, chars, start, end, values, row, line, position);
            case DATE_TIME -> {
                long second = IsoDates.epochSecond(chars, start, end);
                if (second == IsoDates.NOT_ISO) {
                    yield typeAsText(column, new String(chars, start, end - start), values, row, line, position);
                }
                values.setLong(column, row, second * MICROS_PER_SECOND);
                yield true;
            }
            case DATE -> {
                long day = IsoDates.epochDay(chars, start, end);
                if (day == IsoDates.NOT_ISO) {
                    yield typeAsText(column, new String(chars, start, end - start), values, row, line, position);
                }
                values.setInt(column, row, (int) day);
                yield true;
            }
            case INTEGER -> {
                long number = plainInteger(chars, start, end);
                if (number == Long.MIN_VALUE || number < minimum[column] || number > maximum[column]) {
                    yield typeAsText(column, new String(chars, start, end - start), values, row, line, position);
                }
                values.setLong(column, row, number);
                yield true;
            }
            case OTHER -> typeAsText(column, new String(chars, start, end - start), values, row, line, position);
        };
    }

    private boolean knownText(
            int column, char[] chars, int start, int end, ColumnBatch values, int row, int line, int position) {
        KnownTexts known = knownTexts[column];
        if (known.isRemembering()) {
            int slot = known.find(chars, start, end);
            if (slot >= 0) {
                values.setText(column, row, known.value(slot), known.hash(slot)); // a remembered text is a plain one
                return true;
            }
        }
        boolean plain = isPlainAscii(chars, start, end);
        if (plain && plainText[column] && !known.isRemembering()) {
            values.setText(column, row, asciiBinary(chars, start, end));
            return true;
        }
        String text = new String(chars, start, end - start);
        if (!typeAsText(column, text, values, row, line, position)) {
            return false;
        }
        if (plain && known.isRemembering() && !values.isNull(column, row)) {
            known.put(text, values.text(column, row), values.textHash(column, row));
        }
        return true;
    }

    /** The field typed by {@link RowTyper}, as any text cell; false when it refuses the value. */
    private boolean typeAsText(int column, String text, ColumnBatch values, int row, int line, int position) {
        try {
            values.set(column, row, typer.type(column, RawCell.csv(text, line, position + 1)));
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /**
     * Printable ASCII with no space at either end: such text is unchanged by cleaning (no control character, nothing
     * NFC changes, no format character) and by stripping, so it is the value {@link RowTyper} would keep for a text
     * column without checks, and the same text always gives the same value.
     */
    private static boolean isPlainAscii(char[] chars, int start, int end) {
        if (chars[start] == ' ' || chars[end - 1] == ' ') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static Binary asciiBinary(char[] chars, int start, int end) {
        byte[] bytes = new byte[end - start];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) chars[start + i];
        }
        return Binary.fromConstantByteArray(bytes);
    }

    /** Digits only, at most 18 of them: the value; otherwise Long.MIN_VALUE (signs and separators go the long way). */
    private static long plainInteger(char[] chars, int start, int end) {
        if (end - start > 18) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The values a column gave for the plain texts it accepted, looked up by their characters without making a
     * String: open addressing over at most {@value #MAX_ENTRIES} entries, then the column stops remembering.
     */
    private static final class KnownTexts {
        private static final int MAX_ENTRIES = 1024;
        private static final int SLOTS = 4096;

        private char[][] texts = new char[SLOTS][];
        private Binary[] values = new Binary[SLOTS];
        private long[] hashes = new long[SLOTS];
        private int size;

        boolean isRemembering() {
            return texts != null;
        }

        /** The slot of a remembered text, or -1. */
        int find(char[] chars, int start, int end) {
            int slot = hash(chars, start, end) & (SLOTS - 1);
            while (true) {
                char[] text = texts[slot];
                if (text == null) {
                    return -1;
                }
                if (equal(text, chars, start, end)) {
                    return slot;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
        }

        Binary value(int slot) {
            return values[slot];
        }

        long hash(int slot) {
            return hashes[slot];
        }

        void put(String text, Binary value, long valueHash) {
            if (size >= MAX_ENTRIES) {
                texts = null;
                values = null;
                hashes = null;
                return;
            }
            char[] chars = text.toCharArray();
            int slot = hash(chars, 0, chars.length) & (SLOTS - 1);
            while (texts[slot] != null) {
                if (equal(texts[slot], chars, 0, chars.length)) {
                    return;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            texts[slot] = chars;
            values[slot] = value;
            hashes[slot] = valueHash;
            size++;
        }

        private static int hash(char[] chars, int start, int end) {
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + chars[i];
            }
            return h ^ (h >>> 16);
        }

        private static boolean equal(char[] text, char[] chars, int start, int end) {
            return Arrays.equals(text, 0, text.length, chars, start, end);
        }
    }
}
