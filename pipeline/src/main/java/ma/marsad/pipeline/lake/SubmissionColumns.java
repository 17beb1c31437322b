package ma.marsad.pipeline.lake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import ma.marsad.pipeline.template.ColumnType;

/**
 * The columns of a submission, defined once: the fields of its record as JSON ({@link SubmissionEntries}), the columns
 * of its row in the lake's {@code marsad.submission} table and of the warehouse's {@code src.submission}, in this order.
 */
public final class SubmissionColumns {

    /**
     * One column.
     *
     * @param column name, type and whether it may be null, in Parquet and in the warehouse
     * @param entryKey its field in the JSON record (the column name but for {@code template}, older than the tables)
     * @param value its value in a record: a {@code List<String>} for a list (a JSON array in the record, joined with
     *     {@code " + "} in a table), an {@link Instant} for a DATETIME (UTC)
     */
    public record Column(LakeColumn column, String entryKey, Function<SubmissionRecord, Object> value) {

        public String name() {
            return column.name();
        }

        /** The value as a table holds it: lists joined, instants as UTC date-times. */
        public Object tableValue(SubmissionRecord record) {
            Object value = value().apply(record);
            if (value instanceof List<?> list) {
                return String.join(" + ", list.stream().map(String::valueOf).toList());
            }
            if (value instanceof Instant instant) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            return value;
        }
    }

    public static final List<Column> COLUMNS = List.of(
            column(LakeColumn.required("submission_id", ColumnType.TEXT), SubmissionRecord::submissionId),
            new Column(LakeColumn.required("template_id", ColumnType.TEXT), "template", SubmissionRecord::template),
            column(LakeColumn.required("submitter", ColumnType.TEXT), SubmissionRecord::submitter),
            column(LakeColumn.optional("period", ColumnType.TEXT), SubmissionRecord::period),
            column(LakeColumn.required("status", ColumnType.TEXT), SubmissionRecord::status),
            column(LakeColumn.required("received_at", ColumnType.DATETIME), SubmissionRecord::receivedAt),
            column(LakeColumn.required("file_names", ColumnType.TEXT), SubmissionRecord::fileNames),
            column(LakeColumn.required("rows_read", ColumnType.INTEGER), SubmissionRecord::rowsRead),
            column(LakeColumn.required("rows_accepted", ColumnType.INTEGER), SubmissionRecord::rowsAccepted),
            column(LakeColumn.required("rows_quarantined", ColumnType.INTEGER), SubmissionRecord::rowsQuarantined),
            column(LakeColumn.optional("file_error_code", ColumnType.TEXT), SubmissionRecord::fileErrorCode),
            // French: the one language of the entries written before the other two
            column(LakeColumn.optional("file_error_message", ColumnType.TEXT), SubmissionRecord::fileErrorMessage),
            column(LakeColumn.optional("file_error_message_ar", ColumnType.TEXT), SubmissionRecord::fileErrorMessageAr),
            column(LakeColumn.optional("file_error_message_en", ColumnType.TEXT), SubmissionRecord::fileErrorMessageEn),
            column(LakeColumn.optional("staging_file", ColumnType.TEXT), SubmissionRecord::stagingFile),
            column(LakeColumn.optional("quarantine_file", ColumnType.TEXT), SubmissionRecord::quarantineFile),
            // null for submissions ingested before templates had versions: their version 1
            column(
                    LakeColumn.optional("template_version", ColumnType.INTEGER),
                    record -> record.templateVersion() == null
                            ? null
                            : record.templateVersion().longValue()));

    private SubmissionColumns() {}

    /** The lake columns, for a Parquet file or a table schema. */
    public static List<LakeColumn> lakeColumns() {
        return COLUMNS.stream().map(Column::column).toList();
    }

    /** A record's values in column order, as the warehouse holds them: lists joined, instants kept (TIMESTAMPTZ). */
    public static Object[] warehouseValues(SubmissionRecord record) {
        return COLUMNS.stream()
                .map(column ->
                        column.value().apply(record) instanceof Instant instant ? instant : column.tableValue(record))
                .toArray();
    }

    /** A record's values in column order, as a table holds them. */
    public static Object[] tableValues(SubmissionRecord record) {
        return COLUMNS.stream().map(column -> column.tableValue(record)).toArray();
    }

    private static Column column(LakeColumn column, Function<SubmissionRecord, Object> value) {
        return new Column(column, column.name(), value);
    }
}
