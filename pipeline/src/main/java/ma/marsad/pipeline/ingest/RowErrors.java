package ma.marsad.pipeline.ingest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

/** Makes the row errors of a validation: where each points, and every value its message names. */
final class RowErrors {

    /**
     * Where a row error points.
     *
     * @param cell the cell, or the row's own reference when the error is about the row
     * @param column the contract column (or the key's columns), null for the row as a whole
     * @param header the column's header as submitted, or null
     */
    record Place(String cell, String column, String header) {

        /** The row as a whole. */
        static Place row(RawRow raw) {
            return new Place(raw.rowRef(), null, null);
        }
    }

    private RowErrors() {}

    /** An error about the row as a whole ({@code FIELD_COUNT}, {@code DUPLICATE_ROW}, a reader's row error). */
    static RowError ofRow(RawRow raw, int row, ReasonCode code, String value, Map<String, Object> details) {
        return of(raw, row, Place.row(raw), code, value, details);
    }

    /** An error about one column's cell, with the value as submitted. */
    static RowError ofCell(
            RawRow raw, int row, PartHeader part, int column, ReasonCode code, Map<String, Object> details) {
        RawCell cell = part.cellOf(raw, column);
        return of(raw, row, part.placeOf(raw, column, cell), code, rawValue(cell), details);
    }

    /**
     * An error with its place and the values of its message: the details, then the row, line and place, and the
     * value unless the details name one.
     */
    static RowError of(RawRow raw, int row, Place place, ReasonCode code, String value, Map<String, Object> details) {
        Map<String, Object> arguments = new LinkedHashMap<>(details);
        arguments.put("row", row);
        arguments.put("line", raw.line());
        arguments.put("cell", place.cell() == null ? "" : place.cell());
        if (place.column() != null) {
            arguments.put("column", place.column());
        }
        if (place.header() != null) {
            arguments.put("header", place.header());
        }
        if (value != null) {
            arguments.putIfAbsent("value", value);
        }
        return new RowError(row, raw.line(), place.cell(), place.column(), place.header(), code, value, arguments);
    }

    /** A cell's value as submitted: its text, or the value its format typed; null for an absent cell. */
    static String rawValue(RawCell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.text() != null) {
            return cell.text();
        }
        Object typed = cell.typed();
        if (typed instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return typed == null ? null : String.valueOf(typed);
    }
}
