package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission's row in the lake's registry table that no longer matches the lake stops the night with a message
 * naming it, and the warehouse published by the previous run stays as it was.
 */
class RegistryMetadataIntegrationTests {

    private static final Pattern ACCEPTED = Pattern.compile("\"rows_accepted\" : (\\d+)");

    @TempDir
    static Path root;

    static Path landing;

    @BeforeAll
    static void landing() throws Exception {
        landing = TestLandingZones.subset(TestLandingZones.demo(root), root.resolve("landing"), 1, 0);
    }

    /** A work folder of its own (a copy's Iceberg metadata would name the original's files) after a first night. */
    private static SeededWork seeded(String name) throws Exception {
        Path work = root.resolve(name);
        Path log = root.resolve(name + "-seed.log");
        int seeded = NightlyProcess.run(log, Map.of(), NightlyProcess.nightly(work, landing));
        assertThat(seeded).as(Files.readString(log)).isIn(0, 3);
        return SeededWork.of(work);
    }

    @Test
    void aRecordEditedToCountFewerRowsFailsTheRunNamingTheSubmissionAndKeepsTheWarehouse() throws Exception {
        SeededWork copy = seeded("edited-count");
        // an accepted submission without quarantine, its row edited to count 4 rows fewer (rows_read too, so it adds
        // up), as a hand edit of the file would
        Path row = rowWith(copy.work(), "accepted", 5);
        String entry = entryOf(row);
        long rows = rowsAccepted(entry);
        rewriteEntry(
                row,
                entry.replace("\"rows_read\" : " + rows + ",", "\"rows_read\" : " + (rows - 4) + ",")
                        .replace("\"rows_accepted\" : " + rows + ",", "\"rows_accepted\" : " + (rows - 4) + ","));
        String id = row.getFileName().toString().replace(".parquet", "");

        String output = failedNight(copy, "edited-count");

        assertThat(output)
                .containsPattern("fct_[a-z_]+: submission " + id + " \\(template [a-z-]+, submitter [A-Z0-9-]+, file"
                        + " [^)]+\\) has " + rows + " row\\(s\\)")
                .contains("its row in the lake table marsad.submission records rows_accepted = " + (rows - 4));
        copy.assertPublishedWarehouseUnchanged();
    }

    @Test
    void aTruncatedFileOfTheRegistryTableFailsTheRunNamingItAndKeepsTheWarehouse() throws Exception {
        SeededWork copy = seeded("truncated");
        Path row = rowWith(copy.work(), "accepted", 1);
        byte[] bytes = Files.readAllBytes(row);
        Files.write(row, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        String output = failedNight(copy, "truncated");

        assertThat(output)
                .contains("the lake table marsad.submission could not be read")
                .contains(row.toAbsolutePath().toString())
                .contains("Fix: restore the damaged file from a backup of the lake");
        copy.assertPublishedWarehouseUnchanged();
    }

    /** Runs the night on the edited copy, checks that it failed, and returns what it printed. */
    private static String failedNight(SeededWork copy, String name) throws Exception {
        Path log = root.resolve(name + ".log");
        int exit = NightlyProcess.run(log, Map.of(), NightlyProcess.nightly(copy.work(), landing));
        String output = Files.readString(log);
        assertThat(exit).as(output).isEqualTo(1);
        return output;
    }

    /**
     * The first file, by name, of the lake's registry table {@code marsad.submission} holding a submission of the given
     * status with at least {@code minRows} accepted rows.
     */
    private static Path rowWith(Path work, String status, long minRows) throws Exception {
        List<Path> rows;
        try (Stream<Path> files = Files.walk(work.resolve("lake/iceberg/marsad/submission/data"))) {
            rows = files.filter(file -> file.getFileName().toString().matches("[0-9a-f]{64}\\.parquet"))
                    .sorted()
                    .toList();
        }
        for (Path row : rows) {
            String entry = entryOf(row);
            if (entry.contains("\"status\" : \"" + status + "\"") && rowsAccepted(entry) >= minRows) {
                return row;
            }
        }
        throw new AssertionError("no " + status + " row with " + minRows + " rows in " + work);
    }

    /** The submission's record, as JSON, in its row's file. */
    private static String entryOf(Path row) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select registry_entry from read_parquet('" + row + "')")) {
            result.next();
            return result.getString(1);
        }
    }

    /** Rewrites the record in a row's file, every other column as it was. */
    private static void rewriteEntry(Path row, String entry) throws Exception {
        Path edited = row.resolveSibling("edited.tmp");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("copy (select * replace ('" + entry.replace("'", "''")
                    + "'::varchar as registry_entry) from read_parquet('" + row + "')) to '" + edited
                    + "' (format parquet)");
        }
        Files.move(edited, row, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static long rowsAccepted(String entry) {
        Matcher matcher = ACCEPTED.matcher(entry);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
