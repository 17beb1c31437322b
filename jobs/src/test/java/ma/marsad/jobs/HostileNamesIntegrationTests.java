package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run, in its own JVM with the application's logging configuration, on landing files whose names carry a
 * right-to-left override or a newline: the feedback report, the site and the log show them as visible escapes.
 */
class HostileNamesIntegrationTests {

    /** Shown as "demandes-txt.csv" by a bidi-aware viewer. */
    private static final String SPOOFED = "demandes-\u202Evsc.txt";

    /** A name that would print a forged log line of its own. */
    private static final String FORGING = "x.csv\n01:02:03.456 ERROR Forged";

    @TempDir
    Path folder;

    @Test
    void spoofedAndForgingNamesAreShownAsEscapesInFeedbackSiteAndLog() throws Exception {
        assumeThat(System.getProperty("sun.jnu.encoding"))
                .as("file names beyond ASCII need a UTF-8 file system encoding")
                .isEqualTo("UTF-8");
        // given a ".txt" that reads as a ".csv" (refused for its format, so it gets a feedback report) and a forging
        // name
        Path submitter = Files.createDirectories(folder.resolve("landing/egov-requests/ADD"));
        Files.writeString(submitter.resolve(SPOOFED), """
                request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction
                R1,DGI-001,01,web,2026-11-27T09:00:00,,submitted,
                R2,DGI-001,13,web,2026-11-27T09:30:00,,submitted,
                """, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(submitter.resolve(SPOOFED), FileTime.from(Instant.parse("2026-11-28T01:00:00Z")));
        Files.writeString(submitter.resolve(FORGING), "request_id\n", StandardCharsets.UTF_8);
        Path work = folder.resolve("work");
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");

        // when
        int exit = NightlyProcess.start(out, err, Map.of(), NightlyProcess.nightly(work, folder.resolve("landing")))
                .waitFor();

        // then the run refuses the ".txt" and skips the forging name
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(exit).as(log).isEqualTo(3);
        List<String> lines = log.lines().toList();
        assertThat(lines)
                .filteredOn(line -> line.contains("unsafe file name"))
                .singleElement()
                .asString()
                .contains("x.csv<U+000A>01:02:03.456 ERROR Forged");
        assertThat(lines).noneMatch(line -> line.startsWith("01:02:03.456 ERROR Forged"));
        assertThat(log + Files.readString(out, StandardCharsets.UTF_8)).doesNotContain("\u202E");

        Path feedback = work.resolve("feedback/ADD");
        try (Stream<Path> reports = Files.list(feedback)) {
            List<Path> pages =
                    reports.filter(path -> path.toString().endsWith(".html")).toList();
            assertThat(pages).hasSize(3); // French, Arabic and English
            for (Path page : pages) {
                assertThat(Files.readString(page, StandardCharsets.UTF_8))
                        .as(page.toString())
                        .contains("demandes-&lt;U+202E&gt;vsc.txt")
                        .doesNotContain("\u202E");
            }
        }
        for (String language : List.of("fr", "ar", "en")) {
            assertThat(Files.readString(work.resolve("site/" + language + "/data-supply.html"), StandardCharsets.UTF_8))
                    .as(language)
                    .contains("demandes-&lt;U+202E&gt;vsc.txt")
                    .doesNotContain("\u202E");
        }
    }
}
