package ma.marsad.pipeline.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;
import ma.marsad.pipeline.demo.DemoSummary.PlantedProblem;
import ma.marsad.pipeline.demo.DemoSummary.PlantedRow;
import ma.marsad.pipeline.demo.DemoSummary.WrittenFile;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * The landing folder being filled: places files under {@code <template>/<submitter>/}, stamps their modification
 * times (the pipeline's {@code received_at}) and keeps the summary's lists.
 */
final class LandingFolder {

    /** Submitters' clocks: received times are local times in Morocco, made absolute with the tz database. */
    static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    private final Path root;
    private final LocalDate asOf;
    private final List<WrittenFile> files = new ArrayList<>();
    private final List<PlantedProblem> plantedProblems = new ArrayList<>();

    LandingFolder(Path root, LocalDate asOf) {
        this.root = root;
        this.asOf = asOf;
    }

    LocalDate asOf() {
        return asOf;
    }

    /** Whether a file received on {@code day} already arrived when the run of {@link #asOf()} starts. */
    boolean arrivedBy(LocalDate day) {
        return !day.isAfter(asOf);
    }

    /** The path of a new file, its folders created. */
    Path newFile(String template, String submitter, String fileName) throws IOException {
        Path folder = root.resolve(template).resolve(submitter);
        Files.createDirectories(folder);
        return folder.resolve(fileName);
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(MOROCCO).toInstant();
    }

    /** Stamps a written submission file and records it in the summary. */
    WrittenFile submitted(Path file, String period, long dataRows, Instant receivedAt) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(receivedAt));
        WrittenFile written = new WrittenFile(
                templateOf(file), submitterOf(file), relative(file), period, dataRows, receivedAt, false);
        files.add(written);
        return written;
    }

    /**
     * Stamps a submission that announces its completeness with a {@code .done} marker: the file a minute before the
     * marker, the marker at {@code receivedAt}.
     */
    WrittenFile submittedWithDoneMarker(Path file, String period, long dataRows, Instant receivedAt)
            throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(receivedAt.minusSeconds(60)));
        Path marker = file.resolveSibling(file.getFileName() + ".done");
        Files.write(marker, new byte[0]);
        Files.setLastModifiedTime(marker, FileTime.from(receivedAt));
        WrittenFile written = new WrittenFile(
                templateOf(file), submitterOf(file), relative(file), period, dataRows, receivedAt, true);
        files.add(written);
        return written;
    }

    /** Stamps a file that is not a submission (lock file, hidden file) and records why it is there. */
    void notASubmission(Path file, Instant modifiedAt, String explanation) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modifiedAt));
        plantedProblems.add(new PlantedProblem(relative(file), ExpectedOutcome.SKIPPED, null, List.of(), explanation));
    }

    void planted(Path file, ExpectedOutcome outcome, ReasonCode reasonCode, List<PlantedRow> rows, String explanation) {
        plantedProblems.add(new PlantedProblem(relative(file), outcome, reasonCode, rows, explanation));
    }

    DemoSummary summary(long seed) {
        return new DemoSummary(seed, asOf, files, plantedProblems);
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private String templateOf(Path file) {
        return root.relativize(file).getName(0).toString();
    }

    private String submitterOf(Path file) {
        return root.relativize(file).getName(1).toString();
    }
}
