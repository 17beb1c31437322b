package ma.marsad.pipeline.ingest;

import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.lake.StagingRows;

/**
 * A row that passed every rule: values aligned with the contract's columns, typed as {@link
 * ma.marsad.pipeline.template.ColumnType} documents (null for an empty optional value).
 *
 * @param row the data row number (see {@link RawRow#row()})
 * @param sourceCell where the row starts, for lineage ({@code line 8}, {@code Services!A8}, {@code /12})
 * @param values typed values in contract column order
 */
public record ValidRow(int row, String sourceCell, Object[] values) {

    /** One row of a block of accepted rows, as Java values. */
    public static ValidRow of(StagingRows rows, int index) {
        ColumnBatch batch = rows.values();
        Object[] values = new Object[batch.width()];
        for (int column = 0; column < values.length; column++) {
            values[column] = batch.get(column, index);
        }
        return new ValidRow(rows.rowNumber(index), rows.reference(index), values);
    }
}
