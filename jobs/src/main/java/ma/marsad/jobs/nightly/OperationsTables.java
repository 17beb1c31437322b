package ma.marsad.jobs.nightly;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.dashboards.render.RunRecord;
import ma.marsad.pipeline.warehouse.Rows;
import ma.marsad.pipeline.warehouse.SqlScript;

/**
 * Run metadata in the warehouse ({@code ops_*} tables): the run history from {@code work/runs/} plus the run being
 * built. These are the only tables that depend on when and how often the job ran; checksums of the warehouse leave
 * them aside.
 */
final class OperationsTables {

    private OperationsTables() {}

    /** The status of the run that built a warehouse file, from its publication on. */
    static final String PUBLISHED = "PUBLISHED";

    private static final String BUILDING = "BUILDING";

    /**
     * @param current the run being built, with what it ingested; it is recorded as {@code BUILDING} until {@link
     *     #markPublished} (every time is stored in UTC)
     */
    static void write(Connection connection, Path runsFolder, long buildId, RunRecord current)
            throws SQLException, IOException {
        long runId = current.runId();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create or replace table ops_build as select " + buildId
                    + "::bigint as build_id, current_timestamp as built_at");
        }
        SqlScript.execute(connection, OperationsTables.class, "ops-run.sql");
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> run : previousRuns(runsFolder)) {
            long previousRun = ((Number) run.getOrDefault("run_id", -1L)).longValue();
            if (previousRun == runId) {
                continue;
            }
            rows.add(new Object[] {
                previousRun,
                instant(run.get("started_at")),
                instant(run.get("finished_at")),
                parseDate(run.get("as_of")),
                run.get("status"),
                number(run, "files_accepted"),
                number(run, "files_with_quarantine"),
                number(run, "files_rejected"),
                number(run, "rows_loaded"),
                number(run, "rows_quarantined")
            });
        }
        rows.add(new Object[] {
            runId,
            current.startedAt(),
            null,
            current.asOf(),
            BUILDING,
            current.filesAccepted(),
            current.filesWithQuarantine(),
            current.filesRejected(),
            current.rowsLoaded(),
            current.rowsQuarantined()
        });
        Rows.append(connection, "main", "ops_run", rows);
    }

    /**
     * Records, in the built file about to be published, that its run published it and when: the run's own end comes
     * after (rendering), so its final status is in {@code work/runs/} and in the next night's file.
     */
    static void markPublished(Connection connection, long runId, Instant publishedAt) throws SQLException {
        try (var statement =
                connection.prepareStatement("update ops_run set status = ?, finished_at = ? where run_id = ?")) {
            statement.setString(1, PUBLISHED);
            statement.setObject(2, publishedAt.atOffset(ZoneOffset.UTC));
            statement.setLong(3, runId);
            statement.executeUpdate();
        }
    }

    private static Long number(Map<String, Object> run, String field) {
        Object value = run.get(field);
        return value instanceof Number number ? number.longValue() : null;
    }

    private static Instant instant(Object text) {
        LocalDateTime utc = utc(text);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Object instant) {
        try {
            return instant == null ? null : LocalDateTime.ofInstant(Instant.parse(instant.toString()), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The final records of the runs summarised in {@code work/runs/}, for the data-supply page. */
    static List<RunRecord> finalRecords(Path runsFolder) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        for (Map<String, Object> run : previousRuns(runsFolder)) {
            if (!(run.get("run_id") instanceof Number runId) || run.get("status") == null) {
                continue;
            }
            LocalDateTime started = utc(run.get("started_at"));
            LocalDateTime finished = utc(run.get("finished_at"));
            records.add(new RunRecord(
                    runId.longValue(),
                    parseDate(run.get("as_of")),
                    started == null ? null : started.toInstant(ZoneOffset.UTC),
                    finished == null ? null : finished.toInstant(ZoneOffset.UTC),
                    run.get("status").toString(),
                    number(run, "files_accepted"),
                    number(run, "files_with_quarantine"),
                    number(run, "files_rejected"),
                    number(run, "rows_loaded"),
                    number(run, "rows_quarantined")));
        }
        return records;
    }

    private static LocalDate parseDate(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Map<String, Object>> previousRuns(Path folder) throws IOException {
        List<Map<String, Object>> runs = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return runs;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "run-*.json")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        JsonFactory factory = new JsonFactory();
        for (Path file : files) {
            Map<String, Object> fields = new HashMap<>();
            try (JsonParser parser = factory.createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (token.isScalarValue()) {
                        fields.put(name, token.isNumeric() ? parser.getNumberValue() : parser.getValueAsString());
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                continue;
            }
            runs.add(fields);
        }
        return runs;
    }
}
