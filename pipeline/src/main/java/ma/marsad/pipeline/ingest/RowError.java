package ma.marsad.pipeline.ingest;

import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * Why a row was quarantined, and exactly where.
 *
 * @param row data row number
 * @param line physical line or sheet row
 * @param cell {@code line 8, column 3}, {@code Sheet!C7} or a JSON pointer; the row's reference when no single cell
 * @param column canonical column name, or null for a row-level problem
 * @param header the header as submitted, or null
 * @param code the reason the row was set aside
 * @param value the raw value, or null
 * @param arguments values for the submitter's message (e.g. {@code pattern}, {@code min})
 */
public record RowError(
        int row,
        int line,
        String cell,
        String column,
        String header,
        ReasonCode code,
        String value,
        Map<String, Object> arguments) {}
