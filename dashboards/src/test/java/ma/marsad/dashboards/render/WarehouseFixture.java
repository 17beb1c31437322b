package ma.marsad.dashboards.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds the small published warehouse of {@code render/warehouse-fixture.sql} as a real DuckDB file. */
final class WarehouseFixture {

    private WarehouseFixture() {}

    /** The fixture in {@code <work>/warehouse/}, as a run leaves it. */
    static Path buildIn(Path work) throws IOException, SQLException {
        return buildIn(work, "");
    }

    static Path buildIn(Path work, String extraSql) throws IOException, SQLException {
        return build(Files.createDirectories(work.resolve("warehouse")), extraSql);
    }

    static Path build(Path folder) throws IOException, SQLException {
        return build(folder, "");
    }

    /** The fixture plus extra statements (to make a different warehouse). */
    static Path build(Path folder, String extraSql) throws IOException, SQLException {
        Path file = folder.resolve("marsad.duckdb");
        String script;
        try (InputStream in = WarehouseFixture.class.getResourceAsStream("/render/warehouse-fixture.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            for (String sql : (script + ";" + extraSql).split(";\\s*\\n|;$")) {
                String withoutComments = sql.replaceAll("(?m)^--.*$", "").trim();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
            statement.execute("checkpoint");
        }
        return file;
    }
}
