package ma.marsad.pipeline.ingest;

import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.HeaderMatcher;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ColumnSpec;

/**
 * The header of one file of a submission, matched to the contract's columns: where each column stands in the file,
 * which positions have no header, which headers are not the contract's, and where a row error about a column points.
 *
 * @param format csv, xlsx or json
 * @param header the header cells as submitted
 * @param columnNames the contract's column names, in contract order
 * @param positions for each contract column, its position in the file, or -1 when the file lacks it
 * @param blankPositions positions whose header is blank
 * @param unknownHeaders headers that name no column of the contract
 */
record PartHeader(
        String format,
        List<String> header,
        List<String> columnNames,
        int[] positions,
        List<Integer> blankPositions,
        List<String> unknownHeaders) {

    /** Matches a file's header to the contract's columns; a missing or doubled column rejects the file. */
    static PartHeader match(List<String> header, List<ColumnSpec> columns, String format) throws Rejection {
        List<HeaderMatcher.ExpectedColumn> expected = columns.stream()
                .map(c -> new HeaderMatcher.ExpectedColumn(c.name(), c.required(), c.headerAliases()))
                .toList();
        HeaderMatcher.HeaderMatch match;
        try {
            match = new HeaderMatcher(expected, format.equals("json")).match(header);
        } catch (InvalidValueException e) {
            throw new Rejection(e.code(), e.arguments());
        }
        return new PartHeader(
                format,
                header,
                columns.stream().map(ColumnSpec::name).toList(),
                match.positionByColumn(),
                match.blankHeaderPositions(),
                match.unknownHeaders());
    }

    /** Whether a CSV record has another number of fields than the header. */
    boolean fieldCountDiffers(RawRow raw) {
        return format.equals("csv") && raw.cells().size() != header.size();
    }

    /** Rejects the file when a row has a value under a blank header: a column nobody can name. */
    void checkBlankHeaders(RawRow raw) throws Rejection {
        for (int position : blankPositions) {
            if (position < raw.cells().size() && !raw.cells().get(position).isBlank()) {
                RawCell cell = raw.cells().get(position);
                throw new Rejection(
                        ReasonCode.BLANK_HEADER,
                        Map.of("position", position + 1, "cell", cell.ref() == null ? raw.rowRef() : cell.ref()));
            }
        }
    }

    /** The row's cell of a contract column, or null when the file or the row lacks it. */
    RawCell cellOf(RawRow raw, int column) {
        int position = positions[column];
        return position < 0 || position >= raw.cells().size()
                ? null
                : raw.cells().get(position);
    }

    /** The header a contract column has in the file, or null when the file lacks it. */
    String headerOf(int column) {
        int position = positions[column];
        return position < 0 ? null : header.get(position);
    }

    /** Where a row error about a column points: the cell, the column and its header as submitted. */
    RowErrors.Place placeOf(RawRow raw, int column, RawCell cell) {
        return new RowErrors.Place(cellReference(raw, column, cell), columnNames.get(column), headerOf(column));
    }

    /** The cell's own reference, or one built from the row's when the cell is absent. */
    private String cellReference(RawRow raw, int column, RawCell cell) {
        if (cell != null && cell.ref() != null) {
            return cell.ref();
        }
        int position = positions[column];
        String rowRef = raw.rowRef() == null ? "" : raw.rowRef();
        return switch (format) {
            case "json" -> rowRef + "/" + columnNames.get(column);
            case "xlsx" -> {
                int bang = rowRef.lastIndexOf('!');
                String sheet = bang < 0 ? "" : rowRef.substring(0, bang + 1);
                yield position < 0 ? rowRef : sheet + CellReferences.columnLetters(position) + raw.line();
            }
            default -> position < 0 ? "line " + raw.line() : "line " + raw.line() + ", column " + (position + 1);
        };
    }
}
