package ma.marsad.pipeline.lake;

import java.util.List;
import ma.marsad.pipeline.template.ColumnType;

/**
 * Accepted rows of one submission on their way to staging: the template's columns in a {@link ColumnBatch}, and for
 * each row where it came from (its data row number, and its line or reference in the file), from which the writer
 * makes the lineage columns.
 */
public final class StagingRows {

    public static final int DEFAULT_CAPACITY = 2048;

    private final List<ColumnType> columnTypes;
    private final ColumnBatch values;
    private final int[] rowNumbers;
    private final int[] lines;
    private final String[] references;
    private int size;

    public StagingRows(List<ColumnType> columnTypes, int capacity) {
        this.columnTypes = List.copyOf(columnTypes);
        this.values = new ColumnBatch(columnTypes, capacity);
        this.rowNumbers = new int[capacity];
        this.lines = new int[capacity];
        this.references = new String[capacity];
    }

    /** The template's columns; the row being filled is {@link #size()}. */
    public ColumnBatch values() {
        return values;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == values.capacity();
    }

    /**
     * Keeps the row being filled, found at this data row.
     *
     * @param reference where the row is ({@code Services!8}, {@code /12}), or null for a CSV line, whose reference
     *     {@code line N} the writer spells out itself
     */
    public void commit(int rowNumber, int line, String reference) {
        rowNumbers[size] = rowNumber;
        lines[size] = line;
        references[size] = reference;
        size++;
    }

    public void clear() {
        size = 0;
    }

    /** Keeps the first {@code rows} rows only. */
    public void truncate(int rows) {
        size = Math.min(size, rows);
    }

    /** Appends one of these rows, with where it came from, to another instance of the same columns. */
    public void appendRowTo(int row, StagingRows target) {
        values.copyRow(row, target.values, target.size);
        target.commit(rowNumbers[row], lines[row], references[row]);
    }

    public int rowNumber(int row) {
        return rowNumbers[row];
    }

    /** The row's place in its file: {@code line 8}, {@code Services!8}, {@code /12}. */
    public String reference(int row) {
        String reference = references[row];
        return reference == null ? "line " + lines[row] : reference;
    }

    public int line(int row) {
        return lines[row];
    }

    String explicitReference(int row) {
        return references[row];
    }

    /** An empty block of the same columns and capacity. */
    public StagingRows newEmpty() {
        return new StagingRows(columnTypes, values.capacity());
    }

    /** Copies the rows into another instance of the same columns, which must be empty. */
    public void copyTo(StagingRows target) {
        values.copyTo(target.values, size);
        System.arraycopy(rowNumbers, 0, target.rowNumbers, 0, size);
        System.arraycopy(lines, 0, target.lines, 0, size);
        System.arraycopy(references, 0, target.references, 0, size);
        target.size = size;
    }
}
