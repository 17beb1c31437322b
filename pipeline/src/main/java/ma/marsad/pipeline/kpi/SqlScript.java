package ma.marsad.pipeline.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The engine's own SQL, shipped beside its classes: read, stripped of comment lines, split on ';' and executed. */
final class SqlScript {

    private SqlScript() {}

    static String read(String resourceName) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resourceName + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resourceName, e);
        }
    }

    static void execute(Connection connection, String resourceName) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(resourceName))) {
                statement.execute(sql);
            }
        }
    }

    static List<String> statements(String script) {
        String withoutComments =
                script.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }
}
