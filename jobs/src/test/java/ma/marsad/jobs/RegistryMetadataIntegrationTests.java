package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry entry that no longer matches the lake stops the night with a message naming it, and the warehouse
 * published by the previous run stays as it was.
 */
class RegistryMetadataIntegrationTests {

    private static final Pattern ACCEPTED = Pattern.compile("\"rows_accepted\" : (\\d+)");

    @TempDir
    static Path root;

    static Path landing;
    static Path seededWork;

    @BeforeAll
    static void seed() throws Exception {
        landing = TestLandingZones.subset(TestLandingZones.demo(root), root.resolve("landing"), 1, 0);
        seededWork = root.resolve("seeded-work");
        int seeded =
                NightlyProcess.run(root.resolve("seed.log"), Map.of(), NightlyProcess.nightly(seededWork, landing));
        assertThat(seeded).as(Files.readString(root.resolve("seed.log"))).isIn(0, 3);
    }

    @Test
    void anEntryEditedToCountFewerRowsFailsTheRunNamingTheSubmissionAndKeepsTheWarehouse() throws Exception {
        SeededWork copy = SeededWork.copy(seededWork, root.resolve("edited-count"));
        // an accepted submission without quarantine, edited to count 4 rows fewer (rows_read too, so it adds up)
        Path entry = entryWith(copy.work(), "accepted", 5);
        String content = Files.readString(entry);
        long rows = rowsAccepted(content);
        Files.writeString(
                entry,
                content.replace("\"rows_read\" : " + rows + ",", "\"rows_read\" : " + (rows - 4) + ",")
                        .replace("\"rows_accepted\" : " + rows + ",", "\"rows_accepted\" : " + (rows - 4) + ","));
        String id = entry.getFileName().toString().replace(".json", "");

        String output = failedNight(copy, "edited-count");

        assertThat(output)
                .containsPattern("fct_[a-z_]+: submission " + id + " \\(template [a-z-]+, submitter [A-Z0-9-]+, file"
                        + " [^)]+\\) has " + rows + " row\\(s\\)")
                .contains("records rows_accepted = " + (rows - 4));
        copy.assertPublishedWarehouseUnchanged();
    }

    @Test
    void aTruncatedEntryFailsTheRunNamingItsPathAndKeepsTheWarehouse() throws Exception {
        SeededWork copy = SeededWork.copy(seededWork, root.resolve("truncated"));
        Path entry = entryWith(copy.work(), "accepted", 1);
        String content = Files.readString(entry);
        Files.writeString(entry, content.substring(0, content.length() / 3));

        String output = failedNight(copy, "truncated");

        assertThat(output).contains("registry entry " + entry.toAbsolutePath() + " is damaged: not valid JSON");
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

    /** The first registry entry, by name, of the given status with at least {@code minRows} accepted rows. */
    private static Path entryWith(Path work, String status, long minRows) throws Exception {
        try (Stream<Path> entries = Files.list(work.resolve("lake/_registry/submissions"))) {
            for (Path entry : entries.sorted().toList()) {
                String content = Files.readString(entry);
                if (content.contains("\"status\" : \"" + status + "\"") && rowsAccepted(content) >= minRows) {
                    return entry;
                }
            }
        }
        throw new AssertionError("no " + status + " entry with " + minRows + " rows in " + work);
    }

    private static long rowsAccepted(String entry) {
        Matcher matcher = ACCEPTED.matcher(entry);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
