package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingScannerTests {

    private static final Instant MARKED = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant REWRITTEN = Instant.parse("2026-11-27T18:30:00Z");

    @TempDir
    Path landing;

    private final LandingScanner scanner = new LandingScanner(Set.of("egov-requests"), Duration.ZERO);

    @Test
    void aFileRewrittenAfterItsDoneMarkerIsReceivedWhenRewrittenAndReported() throws Exception {
        // given a file corrected after its .done marker was written
        Path file = write("egov-requests/ADD/requests.csv", MARKED.minusSeconds(60));
        touch(file.resolveSibling("requests.csv.done"), MARKED);
        Files.setLastModifiedTime(file, FileTime.from(REWRITTEN));

        // when
        LandingScanner.Scan scan = scanner.scan(landing);

        // then its bytes were complete when rewritten, and the stale marker is reported
        assertThat(scan.submissions()).extracting(LandingSubmission::receivedAt).containsExactly(REWRITTEN);
        assertThat(scan.staleMarkers()).containsExactly("egov-requests/ADD/requests.csv");
    }

    @Test
    void aMarkerWrittenAfterItsFileDatesTheSubmission() throws Exception {
        Path file = write("egov-requests/ADD/requests.csv", MARKED.minusSeconds(60));
        touch(file.resolveSibling("requests.csv.done"), MARKED);

        LandingScanner.Scan scan = scanner.scan(landing);

        assertThat(scan.submissions()).extracting(LandingSubmission::receivedAt).containsExactly(MARKED);
        assertThat(scan.staleMarkers()).isEmpty();
    }

    @Test
    void eachSubmissionCarriesItsFilesStampsAndItsPlaceInTheScan() throws Exception {
        Path first = write("egov-requests/ADD/a.csv", MARKED);
        write("egov-requests/ADD/b.csv", MARKED);

        List<LandingSubmission> found = scanner.scan(landing).submissions();

        assertThat(found).extracting(LandingSubmission::discoveryOrder).containsExactly(0, 1);
        assertThat(found.get(0).discoveredAt())
                .isNotNull()
                .isEqualTo(found.get(1).discoveredAt());
        assertThat(found.get(0).stamps()).containsExactly(new LandingScanner.FileStamp(Files.size(first), MARKED));
    }

    private Path write(String relative, Instant modified) throws Exception {
        Path file = landing.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "request_id\nR1\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static void touch(Path file, Instant modified) throws Exception {
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
