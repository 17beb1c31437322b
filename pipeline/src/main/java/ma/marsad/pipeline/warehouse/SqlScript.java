package ma.marsad.pipeline.warehouse;

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

/**
 * The engines' own SQL (the tables they write, the KPI marts), shipped as {@code .sql} files beside the classes that
 * run them: read, stripped of comment lines, split on ';' and executed.
 */
public final class SqlScript {

    private SqlScript() {}

    /** The text of a script found beside {@code owner} (or at an absolute resource path). */
    public static String read(Class<?> owner, String resourceName) {
        try (InputStream in = owner.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resourceName + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resourceName, e);
        }
    }

    /** Runs each statement of a script found beside {@code owner}, in order. */
    public static void execute(Connection connection, Class<?> owner, String resourceName) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(owner, resourceName))) {
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
