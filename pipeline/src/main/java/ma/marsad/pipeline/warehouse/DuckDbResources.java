package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The memory and threads every DuckDB database of a night may use, set explicitly: DuckDB's own defaults (80 % of the
 * machine's memory, one thread per core) do not depend on the JVM's heap and would let the warehouse build take most
 * of the machine beside a full heap. With the launcher's default heap of 1 GB, 512 MB here keeps a night's peak
 * resident memory under 2 GB; a larger build spills to a temporary folder beside the warehouse file instead.
 */
public final class DuckDbResources {

    /** DuckDB's memory limit (buffer pool, hash tables, sorts) for one database. */
    public static final String MEMORY_LIMIT = "512MB";

    /** More threads than this cost memory for no gain on the warehouse's size. */
    static final int MAX_THREADS = 4;

    private DuckDbResources() {}

    /** Connection properties carrying the limits; DuckDB applies them when it opens the database. */
    public static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", MEMORY_LIMIT);
        properties.setProperty("threads", Integer.toString(threads()));
        return properties;
    }

    /**
     * Sets the session's time zone to UTC: instants ({@code TIMESTAMP WITH TIME ZONE}) are then shown, cast and
     * compared with naive timestamps in UTC whatever the machine's zone, which DuckDB would otherwise take.
     */
    public static Connection inUtc(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set TimeZone = 'UTC'");
        }
        return connection;
    }

    static int threads() {
        return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }
}
