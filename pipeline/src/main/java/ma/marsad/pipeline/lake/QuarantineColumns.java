package ma.marsad.pipeline.lake;

import java.util.List;
import ma.marsad.pipeline.template.ColumnType;

/**
 * The columns of quarantine Parquet files: the row's place, the reason, the submitter's messages and the row's cells.
 */
public final class QuarantineColumns {

    private QuarantineColumns() {}

    public static final List<LakeColumn> COLUMNS = List.of(
            LakeColumn.required("submission_id", ColumnType.TEXT),
            LakeColumn.required("template_id", ColumnType.TEXT),
            LakeColumn.required("submitter", ColumnType.TEXT),
            LakeColumn.optional("period", ColumnType.TEXT),
            LakeColumn.required("row", ColumnType.INTEGER),
            LakeColumn.required("line", ColumnType.INTEGER),
            LakeColumn.optional("cell", ColumnType.TEXT),
            LakeColumn.optional("column_name", ColumnType.TEXT),
            LakeColumn.optional("header", ColumnType.TEXT),
            LakeColumn.required("reason_code", ColumnType.TEXT),
            LakeColumn.optional("raw_value", ColumnType.TEXT),
            LakeColumn.optional("message_fr", ColumnType.TEXT),
            LakeColumn.optional("message_ar", ColumnType.TEXT),
            LakeColumn.optional("message_en", ColumnType.TEXT),
            // JSON objects: the template's key columns to their values, and every cell of the row under its header,
            // as submitted (absent from files written before them, which read as null)
            LakeColumn.optional("key_values", ColumnType.TEXT),
            LakeColumn.optional("raw_row", ColumnType.TEXT));

    /** Lineage columns appended to every staging row, after the template's own columns. */
    public static final List<LakeColumn> LINEAGE = List.of(
            LakeColumn.required("period", ColumnType.TEXT),
            LakeColumn.required("submitter", ColumnType.TEXT),
            LakeColumn.required("submission_id", ColumnType.TEXT),
            LakeColumn.required("source_row", ColumnType.INTEGER),
            LakeColumn.required("source_cell", ColumnType.TEXT));
}
