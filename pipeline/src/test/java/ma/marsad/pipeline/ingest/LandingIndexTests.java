package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingIndexTests {

    @TempDir
    Path folder;

    @Test
    void aFileKeepsItsIdWhileItsSizeAndTimeStayAndLosesItWhenEitherChanges() throws Exception {
        // given a landing file remembered under an id, the index saved and loaded again
        Path file = folder.resolve("landing/egov-requests/ADD/requests.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "request_id\nR1\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-27T08:00:00Z")));
        LandingScanner scanner = new LandingScanner(Set.of("egov-requests"), Duration.ZERO);
        Path indexFile = folder.resolve("work/landing-index.tsv");
        LandingIndex index = LandingIndex.load(indexFile);
        index.remember(scanner.scan(folder.resolve("landing")).submissions().get(0), "abc123");
        index.save();

        // when nothing changed, then the id is known without reading the file
        LandingIndex loaded = LandingIndex.load(indexFile);
        assertThat(loaded.knownId(
                        scanner.scan(folder.resolve("landing")).submissions().get(0)))
                .contains("abc123");

        // when the time changes, or the size, then it is not
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-27T08:00:01Z")));
        assertThat(loaded.knownId(
                        scanner.scan(folder.resolve("landing")).submissions().get(0)))
                .isEmpty();
        Files.writeString(file, "request_id\nR1\nR2\n", StandardCharsets.UTF_8);
        assertThat(loaded.knownId(
                        scanner.scan(folder.resolve("landing")).submissions().get(0)))
                .isEmpty();
        // and a damaged index file is an empty index, not a failure
        Files.writeString(indexFile, "garbage\tline\n1\tnot-a-time\tx\ty\n");
        assertThat(LandingIndex.load(indexFile).size()).isZero();
    }
}
