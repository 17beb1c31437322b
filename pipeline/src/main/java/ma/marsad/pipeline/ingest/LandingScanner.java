package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
 * <p>A file is complete when a sibling {@code <file>.done} exists or when its size and modification time do not change
 * over the stability check. Parts named {@code <base>.part<k>of<n>.<ext>} form one submission once all are complete.
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

    /** A complete submission found in the landing zone. */
    public record LandingSubmission(
            String template, String submitter, List<Path> parts, String displayName, Instant receivedAt) {

        public LandingSubmission {
            parts = List.copyOf(parts);
        }
    }

    /** Something in the landing zone that was not read, and why. */
    public record SkippedEntry(String path, String reason) {}

    /** What a scan found. */
    public record Scan(List<LandingSubmission> submissions, List<SkippedEntry> skipped, List<String> incomplete) {}

    public Scan scan(Path landing) throws IOException {
        List<SkippedEntry> skipped = new ArrayList<>();
        Map<Path, FileState> candidates = new TreeMap<>();
        if (!Files.isDirectory(landing)) {
            return new Scan(
                    List.of(), List.of(new SkippedEntry(landing.toString(), "landing folder missing")), List.of());
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
            for (Path submitterDir : sortedChildren(templateDir)) {
                String submitter = submitterDir.getFileName().toString();
                if (!Files.isDirectory(submitterDir, LinkOption.NOFOLLOW_LINKS)
                        || !SUBMITTER_CODE.matcher(submitter).matches()) {
                    skipped.add(new SkippedEntry(relative(landing, submitterDir), "not a submitter folder"));
                    continue;
                }
                for (Path file : sortedChildren(submitterDir)) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(DONE) && !name.equals(DONE)) {
                        continue;
                    }
                    String reason = skipReason(file, name);
                    if (reason != null) {
                        skipped.add(new SkippedEntry(relative(landing, file), reason));
                        continue;
                    }
                    candidates.put(file, FileState.of(file));
                }
            }
        }
        Predicate<Path> complete = completeness(candidates);
        return group(landing, candidates, complete, skipped);
    }

    private Predicate<Path> completeness(Map<Path, FileState> candidates) throws IOException {
        boolean needsCheck = candidates.keySet().stream().anyMatch(file -> !Files.exists(doneMarker(file)));
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
            boolean done = Files.exists(doneMarker(file));
            result.put(file, done || (Files.exists(file) && FileState.of(file).equals(entry.getValue())));
        }
        return file -> result.getOrDefault(file, false);
    }

    private Scan group(
            Path landing, Map<Path, FileState> candidates, Predicate<Path> complete, List<SkippedEntry> skipped)
            throws IOException {
        List<LandingSubmission> submissions = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
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
            submissions.add(submission(file.getParent(), List.of(file), name));
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
            submissions.add(submission(
                    ordered.get(0).getParent(),
                    ordered,
                    Path.of(group.getKey()).getFileName().toString()));
        }
        return new Scan(List.copyOf(submissions), List.copyOf(skipped), List.copyOf(incomplete));
    }

    private static LandingSubmission submission(Path submitterDir, List<Path> parts, String displayName)
            throws IOException {
        String submitter = submitterDir.getFileName().toString();
        String template = submitterDir.getParent().getFileName().toString();
        Instant received = Instant.MIN;
        for (Path part : parts) {
            Path marker = doneMarker(part);
            Path timed = Files.exists(marker) ? marker : part;
            Instant modified = Files.getLastModifiedTime(timed).toInstant();
            received = modified.isAfter(received) ? modified : received;
        }
        return new LandingSubmission(template, submitter, parts, displayName, received);
    }

    /** SHA-256 of a file's bytes, or of the parts' digests in order for a split submission. */
    public static String submissionId(List<Path> parts) throws IOException {
        if (parts.size() == 1) {
            return HexFormat.of().formatHex(digest(parts.get(0)));
        }
        MessageDigest combined = sha256();
        for (Path part : parts) {
            combined.update(digest(part));
        }
        return HexFormat.of().formatHex(combined.digest());
    }

    private static byte[] digest(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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

    private record FileState(long size, long modifiedMillis) {
        static FileState of(Path file) throws IOException {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileState(
                    attributes.size(), attributes.lastModifiedTime().toMillis());
        }
    }
}
