package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds complete submissions in a landing zone laid out as {@code landing/<template>/<submitter>/<file>}, without
 * modifying it.
 *
 * <p>A file is complete when a sibling {@code <file>.done} written after it exists or when its size and modification
 * time do not change over the stability check; it is received when both it and its marker were there. A marker older
 * than its file (the file was rewritten after it) is reported. Parts named {@code <base>.part<k>of<n>.<ext>} form one submission once all are complete.
 * Lock files ({@code ~$…}), hidden files, unknown template folders and unsafe names are skipped and reported, never
 * opened.
 */
public final class LandingScanner {

    private static final Pattern SUBMITTER_CODE = Pattern.compile("[A-Z0-9-]{2,32}");
    private static final Pattern PART = Pattern.compile("^(.*)\\.part(\\d+)of(\\d+)(\\.[^.]+)$");
    private static final String DONE = ".done";

    private final Set<String> templateIds;
    private final Duration stabilityCheck;

    public LandingScanner(Set<String> templateIds, Duration stabilityCheck) {
        this.templateIds = Set.copyOf(templateIds);
        this.stabilityCheck = stabilityCheck;
    }

    /**
     * A complete submission found in the landing zone.
     *
     * @param receivedAt when its bytes became complete: the latest modification time of its parts and their markers
     * @param stamps each part's size and modification time when it was found, to tell whether it changed since; empty
     *     when not known (nothing is then checked)
     * @param discoveredAt when the scan that found it started, null when not known
     * @param discoveryOrder its place in that scan, which orders versions received at the same time
     */
    public record LandingSubmission(
            String template,
            String submitter,
            List<Path> parts,
            String displayName,
            Instant receivedAt,
            List<FileStamp> stamps,
            Instant discoveredAt,
            int discoveryOrder) {

        public LandingSubmission {
            parts = List.copyOf(parts);
            stamps = List.copyOf(stamps);
            if (!stamps.isEmpty() && stamps.size() != parts.size()) {
                throw new IllegalArgumentException("one stamp per part: " + parts);
            }
        }

        /** A submission whose parts are not checked for changes (a file given directly, not found by a scan). */
        public LandingSubmission(
                String template, String submitter, List<Path> parts, String displayName, Instant receivedAt) {
            this(template, submitter, parts, displayName, receivedAt, List.of(), null, 0);
        }
    }

    /** A file's size and modification time: when either changes, its bytes are read again. */
    public record FileStamp(long size, Instant modified) {

        public static FileStamp of(Path file) throws IOException {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(
                    attributes.size(), attributes.lastModifiedTime().toInstant());
        }
    }

    /** Something in the landing zone that was not read, and why. */
    public record SkippedEntry(String path, String reason) {}

    /**
     * What a scan found.
     *
     * @param staleMarkers files whose {@code .done} marker is older than the file: rewritten after being marked done
     */
    public record Scan(
            List<LandingSubmission> submissions,
            List<SkippedEntry> skipped,
            List<String> incomplete,
            List<String> staleMarkers) {}

    public Scan scan(Path landing) throws IOException {
        Instant started = Instant.now();
        List<SkippedEntry> skipped = new ArrayList<>();
        Map<Path, FileState> candidates = new TreeMap<>();
        if (!Files.isDirectory(landing)) {
            return new Scan(
                    List.of(),
                    List.of(new SkippedEntry(landing.toString(), "landing folder missing")),
                    List.of(),
                    List.of());
        }
        for (Path templateDir : sortedChildren(landing)) {
            String templateName = templateDir.getFileName().toString();
            if (!isSafeName(templateName) || !Files.isDirectory(templateDir, LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(new SkippedEntry(relative(landing, templateDir), "not a template folder"));
                continue;
            }
            if (!templateIds.contains(templateName)) {
                skipped.add(new SkippedEntry(relative(landing, templateDir), "unknown template folder"));
                continue;
            }
            for (Path submitterDir : listedChildren(landing, templateDir, skipped)) {
                String submitter = submitterDir.getFileName().toString();
                if (!Files.isDirectory(submitterDir, LinkOption.NOFOLLOW_LINKS)
                        || !SUBMITTER_CODE.matcher(submitter).matches()) {
                    skipped.add(new SkippedEntry(relative(landing, submitterDir), "not a submitter folder"));
                    continue;
                }
                for (Path file : listedChildren(landing, submitterDir, skipped)) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(DONE) && !name.equals(DONE)) {
                        continue;
                    }
                    String reason;
                    FileState state = null;
                    try {
                        reason = skipReason(file, name);
                        state = reason == null ? FileState.of(file) : null;
                    } catch (IOException e) {
                        // gone or not stat-able since the folder was listed: one file, not the night
                        reason = "cannot read its attributes: " + e.getMessage();
                    }
                    if (reason != null) {
                        skipped.add(new SkippedEntry(relative(landing, file), reason));
                        continue;
                    }
                    candidates.put(file, state);
                }
            }
        }
        Predicate<Path> complete = completeness(candidates);
        return group(landing, candidates, complete, skipped, started);
    }

    private Predicate<Path> completeness(Map<Path, FileState> candidates) throws IOException {
        boolean needsCheck =
                candidates.entrySet().stream().anyMatch(entry -> !markedDone(entry.getKey(), entry.getValue()));
        if (needsCheck && !stabilityCheck.isZero()) {
            try {
                Thread.sleep(stabilityCheck.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while checking that landing files are complete", e);
            }
        }
        Map<Path, Boolean> result = new HashMap<>();
        for (Map.Entry<Path, FileState> entry : candidates.entrySet()) {
            Path file = entry.getKey();
            boolean done = markedDone(file, entry.getValue());
            result.put(file, done || entry.getValue().equals(FileState.ofOrNull(file)));
        }
        return file -> result.getOrDefault(file, false);
    }

    /** A marker proves the file complete only if written after it: a file rewritten since may still be growing. */
    private static boolean markedDone(Path file, FileState state) {
        try {
            Path marker = doneMarker(file);
            return Files.exists(marker)
                    && !Files.getLastModifiedTime(marker).toInstant().isBefore(state.modified());
        } catch (IOException e) {
            return false;
        }
    }

    private Scan group(
            Path landing,
            Map<Path, FileState> candidates,
            Predicate<Path> complete,
            List<SkippedEntry> skipped,
            Instant started) {
        List<LandingSubmission> submissions = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<String> staleMarkers = new ArrayList<>();
        Submissions found = new Submissions(landing, candidates, started, submissions, skipped, staleMarkers);
        Map<String, TreeMap<Integer, Path>> partGroups = new TreeMap<>();
        Map<String, Integer> partCounts = new HashMap<>();
        for (Path file : candidates.keySet()) {
            String name = file.getFileName().toString();
            Matcher part = PART.matcher(name);
            if (part.matches()) {
                String groupKey =
                        file.getParent().resolve(part.group(1) + part.group(4)).toString();
                int index = Integer.parseInt(part.group(2));
                int count = Integer.parseInt(part.group(3));
                Integer known = partCounts.putIfAbsent(groupKey, count);
                if (index < 1 || index > count || (known != null && known != count)) {
                    skipped.add(new SkippedEntry(relative(landing, file), "inconsistent part numbering"));
                    continue;
                }
                partGroups.computeIfAbsent(groupKey, key -> new TreeMap<>()).put(index, file);
                continue;
            }
            if (!complete.test(file)) {
                incomplete.add(relative(landing, file));
                continue;
            }
            found.add(List.of(file), name);
        }
        for (Map.Entry<String, TreeMap<Integer, Path>> group : partGroups.entrySet()) {
            TreeMap<Integer, Path> parts = group.getValue();
            int expected = partCounts.get(group.getKey());
            boolean allComplete =
                    parts.size() == expected && parts.values().stream().allMatch(complete);
            if (!allComplete) {
                incomplete.add(relative(landing, Path.of(group.getKey())) + " (" + parts.size() + " of " + expected
                        + " parts complete)");
                continue;
            }
            List<Path> ordered = new ArrayList<>(parts.values());
            found.add(ordered, Path.of(group.getKey()).getFileName().toString());
        }
        return new Scan(
                List.copyOf(submissions), List.copyOf(skipped), List.copyOf(incomplete), List.copyOf(staleMarkers));
    }

    /** Turns complete files into submissions, in scan order, which is their discovery order. */
    private record Submissions(
            Path landing,
            Map<Path, FileState> candidates,
            Instant started,
            List<LandingSubmission> submissions,
            List<SkippedEntry> skipped,
            List<String> staleMarkers) {

        void add(List<Path> parts, String displayName) {
            Path submitterDir = parts.get(0).getParent();
            String submitter = submitterDir.getFileName().toString();
            String template = submitterDir.getParent().getFileName().toString();
            // the bytes are complete when both the file and its marker are there: a file rewritten after its
            // marker was written is received when it was rewritten, not when the marker was
            Instant received = Instant.MIN;
            List<FileStamp> stamps = new ArrayList<>();
            for (Path part : parts) {
                FileState state = candidates.get(part);
                Instant modified = state.modified();
                Instant marked;
                try {
                    Path marker = doneMarker(part);
                    marked = Files.exists(marker)
                            ? Files.getLastModifiedTime(marker).toInstant()
                            : null;
                } catch (IOException e) {
                    skipped.add(new SkippedEntry(relative(landing, part), "cannot read its marker: " + e.getMessage()));
                    return;
                }
                if (marked != null && marked.isBefore(modified)) {
                    staleMarkers.add(relative(landing, part));
                }
                Instant complete = marked != null && marked.isAfter(modified) ? marked : modified;
                received = complete.isAfter(received) ? complete : received;
                stamps.add(new FileStamp(state.size(), modified));
            }
            submissions.add(new LandingSubmission(
                    template, submitter, parts, displayName, received, stamps, started, submissions.size()));
        }
    }

    /** SHA-256 of a file's bytes, or of the parts' digests in order for a split submission. */
    public static String submissionId(List<Path> parts) throws IOException {
        return LandingIntake.submissionId(parts);
    }

    private static String skipReason(Path file, String name) throws IOException {
        if (!isSafeName(name)) {
            return "unsafe file name";
        }
        if (name.startsWith("~$")) {
            return "office lock file";
        }
        if (name.startsWith(".")) {
            return "hidden file";
        }
        BasicFileAttributes attributes =
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            return "symbolic link";
        }
        if (!attributes.isRegularFile()) {
            return "not a regular file";
        }
        return null;
    }

    static boolean isSafeName(String name) {
        if (name.isEmpty() || name.contains("..") || name.contains("/") || name.contains("\\")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static Path doneMarker(Path file) {
        return file.resolveSibling(file.getFileName() + DONE);
    }

    /** A folder's entries; a folder that cannot be listed is skipped and reported, the others are still read. */
    private static List<Path> listedChildren(Path landing, Path folder, List<SkippedEntry> skipped) {
        try {
            return sortedChildren(folder);
        } catch (IOException e) {
            skipped.add(new SkippedEntry(relative(landing, folder), "cannot list the folder: " + e));
            return List.of();
        }
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        return children;
    }

    private static String relative(Path landing, Path path) {
        return landing.relativize(path).toString();
    }

    private record FileState(long size, Instant modified) {
        static FileState of(Path file) throws IOException {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileState(
                    attributes.size(), attributes.lastModifiedTime().toInstant());
        }

        static FileState ofOrNull(Path file) {
            try {
                return of(file);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
