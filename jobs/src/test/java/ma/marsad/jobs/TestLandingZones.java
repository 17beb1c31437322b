package ma.marsad.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import ma.marsad.pipeline.demo.DemoLandingZone;

/**
 * Small landing zones cut from the demo's: every template and submitter, but only each folder's latest files, so a
 * nightly run takes seconds. Copies keep the files' modification times, which are their received times.
 */
final class TestLandingZones {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    /** The demo's day of e-service requests, 200,000+ rows: left out of small zones, used where a big file is needed. */
    static final String BIG_FILE = "egov-requests/ADD/demandes-2026-11-27.csv";

    private TestLandingZones() {}

    private static Path demo;

    /** The demo landing zone as of {@link #AS_OF}, generated once per test JVM and deleted when it ends. */
    static synchronized Path demo(Path unused) throws IOException {
        if (demo == null) {
            Path folder = Files.createTempDirectory("marsad-demo-landing");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            DemoLandingZone.generate(folder, DemoLandingZone.DEFAULT_SEED, AS_OF);
            demo = folder;
        }
        return demo;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** The last {@code skipLast + keep} files of each folder, less the last {@code skipLast}; markers follow. */
    static Path subset(Path demo, Path target, int keep, int skipLast) throws IOException {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        try (Stream<Path> files = Files.walk(demo)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().endsWith(".done"))
                    .filter(file -> !demo.relativize(file).toString().equals(BIG_FILE))
                    .forEach(file -> byFolder.computeIfAbsent(file.getParent(), f -> new ArrayList<>())
                            .add(file));
        }
        for (List<Path> files : byFolder.values()) {
            files.sort(Comparator.comparing(Path::toString));
            int end = Math.max(0, files.size() - skipLast);
            for (Path file : files.subList(Math.max(0, end - keep), end)) {
                copy(demo, file, target);
                Path marker = file.resolveSibling(file.getFileName() + ".done");
                if (Files.exists(marker)) {
                    copy(demo, marker, target);
                }
            }
        }
        return target;
    }

    static void copy(Path root, Path file, Path target) throws IOException {
        Path copy = target.resolve(root.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies a whole folder (a work folder at a known state), keeping modification times. */
    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isSymbolicLink(path)) {
                    Path link = Files.readSymbolicLink(path);
                    Files.createSymbolicLink(
                            copy,
                            link.isAbsolute()
                                    ? target.resolve(source.relativize(link).toString())
                                    : link);
                } else if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (!path.getFileName().toString().equals(".marsad.lock")) {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
