package ma.marsad.pipeline.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the warehouse's instants ({@code TIMESTAMP WITH TIME ZONE}) as UTC date-times: the driver's own {@code
 * getTimestamp} would give them in the machine's zone.
 */
public final class Instants {

    private Instants() {}

    /**
     * The instant in a column as a UTC date-time, or null. A naive {@code TIMESTAMP}, as warehouses built before
     * instants had a zone hold them, is already a UTC date-time.
     */
    public static LocalDateTime utc(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime instant) {
            return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return result.getObject(column, LocalDateTime.class);
    }
}
