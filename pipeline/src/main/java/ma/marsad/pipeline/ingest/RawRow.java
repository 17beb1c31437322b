package ma.marsad.pipeline.ingest;

import java.util.List;

/**
 * One data row as read, cells in header order.
 *
 * @param row 1-based number of the data row in the file (header, skipped blank lines and footer excluded; for JSON the
 *     element's 1-based position)
 * @param line physical line (CSV, NDJSON) or sheet row (XLSX); for a JSON array the line where the element starts
 * @param cells the cells aligned with {@link ReportReader#header()}; a CSV row may have more or fewer
 * @param rowRef where the row is, for lineage: {@code line 8}, {@code Services!8}, {@code /12}
 * @param rowError a reason code when the row as a whole is unreadable (JSON element that is not an object), else null
 */
public record RawRow(int row, int line, List<RawCell> cells, String rowRef, RawCell.ReasonCodeRef rowError) {}
