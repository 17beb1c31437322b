package ma.marsad.pipeline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.lake.ColumnBatch;

/**
 * A quarantined row's cells as submitted, so that the quarantine names the business row it set aside.
 *
 * @param keyValues the template's key columns to their values as submitted, or null when the row had no cells
 * @param rawRow every cell of the row, header as submitted to the cell's text, in file order (a cell under a blank or
 *     repeated header, or beyond the header, is named {@code column N}); null when the row's cells were no longer at
 *     hand (a repeated row found among rows accepted in bulk)
 */
public record SubmittedCells(Map<String, String> keyValues, Map<String, String> rawRow) {

    private static final JsonFactory JSON = new JsonFactory();

    /** No cells: a row element that was not an object, say. */
    static final SubmittedCells NONE = new SubmittedCells(null, null);

    /** The cells of a row as read. */
    static SubmittedCells of(RawRow raw, PartHeader part, int[] keyColumns) {
        if (raw.cells().isEmpty()) {
            return NONE;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int column : keyColumns) {
            keys.put(part.columnNames().get(column), RowErrors.rawValue(part.cellOf(raw, column)));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> header = part.header();
        for (int position = 0; position < raw.cells().size(); position++) {
            String name = position < header.size() ? header.get(position) : null;
            if (name == null || name.isBlank() || cells.containsKey(name)) {
                name = "column " + (position + 1);
            }
            cells.put(name, RowErrors.rawValue(raw.cells().get(position)));
        }
        return new SubmittedCells(keys, cells);
    }

    /** The key values of a row typed and kept before its key was found to repeat; its raw cells are gone. */
    static SubmittedCells ofTyped(ColumnBatch batch, int at, List<String> columnNames, int[] keyColumns) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int column : keyColumns) {
            Object value = batch.get(column, at);
            keys.put(columnNames.get(column), value == null ? null : String.valueOf(value));
        }
        return new SubmittedCells(keys, null);
    }

    /** A JSON object of the cells, in their order ({@code null} for none), as the quarantine keeps them. */
    public static String json(Map<String, String> cells) {
        if (cells == null) {
            return null;
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, String> cell : cells.entrySet()) {
                json.writeStringField(cell.getKey(), cell.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
