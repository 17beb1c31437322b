package ma.marsad.pipeline.ingest;

/**
 * A row that passed every rule: values aligned with the contract's columns, typed as {@link
 * ma.marsad.pipeline.template.ColumnType} documents (null for an empty optional value).
 *
 * @param row the data row number (see {@link RawRow#row()})
 * @param sourceCell where the row starts, for lineage ({@code line 8}, {@code Services!A8}, {@code /12})
 * @param values typed values in contract column order
 */
public record ValidRow(int row, String sourceCell, Object[] values) {}
