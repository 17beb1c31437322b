package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Appends rows of plain Java values to a DuckDB table through the Appender, DuckDB's bulk path. */
public final class Rows {

    private Rows() {}

    /** Appends every row to {@code schema.table}; values in the table's column order. */
    public static void append(Connection connection, String schema, String table, List<Object[]> rows)
            throws SQLException {
        DuckDBConnection duckDb = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = duckDb.createAppender(schema, table)) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (Object value : row) {
                    appendValue(appender, value);
                }
                appender.endRow();
            }
        }
    }

    private static void appendValue(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String text) {
            appender.append(text);
        } else if (value instanceof Long number) {
            appender.append(number.longValue());
        } else if (value instanceof Integer number) {
            appender.append(number.intValue());
        } else if (value instanceof Double number) {
            appender.append(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            appender.append(flag.booleanValue());
        } else if (value instanceof LocalDate date) {
            appender.append(date);
        } else if (value instanceof LocalDateTime dateTime) {
            appender.append(dateTime);
        } else if (value instanceof Instant instant) {
            appender.append(instant.atOffset(ZoneOffset.UTC)); // a TIMESTAMP WITH TIME ZONE column
        } else {
            throw new IllegalArgumentException(
                    "cannot append a " + value.getClass().getName() + " to DuckDB");
        }
    }
}
