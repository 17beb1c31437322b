package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import ma.marsad.pipeline.config.ConfigFolder;

/**
 * The warehouse's SQL macros, declared in {@code macros/*.sql} ({@code create or replace macro …;} statements): the
 * rules that models and KPI queries share, such as {@code period_end(period_key)}. They are stored in the warehouse,
 * so an analyst's query and {@code kpi_source_rows} find them too.
 */
public final class SqlMacros {

    static final String FOLDER = "macros";

    private final List<ConfigFolder.ConfigFile> files;

    private SqlMacros(List<ConfigFolder.ConfigFile> files) {
        this.files = List.copyOf(files);
    }

    public static SqlMacros load(ConfigFolder config) {
        return new SqlMacros(config.list(FOLDER, ".sql"));
    }

    /** Creates or replaces every macro, file by file in name order. */
    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (ConfigFolder.ConfigFile file : files) {
                for (String sql : statements(file.content())) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException("SQL macro file " + file.location() + " failed: " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** The statements of a file: each ends with ';' at the end of a line. */
    static List<String> statements(String script) {
        return Arrays.stream(script.split(";[ \\t]*(\\r?\\n|$)"))
                .filter(sql -> sql.lines()
                        .anyMatch(line -> !line.isBlank() && !line.strip().startsWith("--")))
                .toList();
    }
}
