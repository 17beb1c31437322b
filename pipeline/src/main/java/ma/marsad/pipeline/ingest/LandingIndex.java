package ma.marsad.pipeline.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ma.marsad.pipeline.ingest.LandingScanner.FileStamp;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;

/**
 * What discovery already knows of landing files: path, size and modification time → the submission id their bytes had
 * when they were last read. A file whose size and time are unchanged is not read again, so a night's discovery costs in
 * proportion to what arrived; {@code --rehash} ignores the index for a file rewritten with the same size and time.
 *
 * <p>The index is a cache of one machine's view of the landing file system, not a fact about submissions: it lives in
 * the work folder, not in the lake (which stays a function of the bytes received), and losing it costs one rehash.
 * Ids are used only when the registry holds them. One line per file: path, size, modification time, id, tab separated
 * (landing names never hold control characters).
 */
public final class LandingIndex {

    private final Path file;
    private final Map<String, Entry> entries;

    private record Entry(long size, Instant modified, String submissionId) {}

    private LandingIndex(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The index kept in {@code file}; an empty one when it is missing or unreadable (everything is hashed). */
    public static LandingIndex load(Path file) {
        Map<String, Entry> entries = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length == 4) {
                        entries.put(
                                fields[0], new Entry(Long.parseLong(fields[1]), Instant.parse(fields[2]), fields[3]));
                    }
                }
            } catch (IOException | NumberFormatException | DateTimeParseException e) {
                entries.clear(); // a damaged cache is rebuilt by hashing again
            }
        }
        return new LandingIndex(file, entries);
    }

    /** An index that knows nothing yet (every file is read), to be saved in {@code file}. */
    public static LandingIndex empty(Path file) {
        return new LandingIndex(file, new TreeMap<>());
    }

    /** The id of a submission's bytes when none of its parts changed since they were read, else empty. */
    public Optional<String> knownId(LandingSubmission submission) {
        List<FileStamp> stamps = submission.stamps();
        if (stamps.isEmpty()) {
            return Optional.empty();
        }
        String id = null;
        for (int i = 0; i < stamps.size(); i++) {
            Entry entry = entries.get(key(submission.parts().get(i)));
            FileStamp stamp = stamps.get(i);
            if (entry == null
                    || entry.size() != stamp.size()
                    || !entry.modified().equals(stamp.modified())
                    || (id != null && !id.equals(entry.submissionId()))) {
                return Optional.empty();
            }
            id = entry.submissionId();
        }
        return Optional.ofNullable(id);
    }

    /** Remembers that the submission's parts, as stamped when found, hold the bytes of {@code submissionId}. */
    public void remember(LandingSubmission submission, String submissionId) {
        List<FileStamp> stamps = submission.stamps();
        for (int i = 0; i < stamps.size(); i++) {
            FileStamp stamp = stamps.get(i);
            entries.put(key(submission.parts().get(i)), new Entry(stamp.size(), stamp.modified(), submissionId));
        }
    }

    public int size() {
        return entries.size();
    }

    /** Writes the index under a temporary name and renames it, leaving out files that are gone. */
    public void save() throws IOException {
        entries.keySet().removeIf(path -> !Files.exists(Path.of(path)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                Entry value = entry.getValue();
                out.write(entry.getKey() + "\t" + value.size() + "\t" + value.modified() + "\t" + value.submissionId()
                        + "\n");
            }
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String key(Path part) {
        return part.toAbsolutePath().normalize().toString();
    }
}
