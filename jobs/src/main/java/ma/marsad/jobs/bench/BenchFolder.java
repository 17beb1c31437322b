package ma.marsad.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder a bench works in, emptied first: {@code <work>/<name>}, kept for inspection, or without {@code --work} a
 * temporary folder deleted at the end.
 */
final class BenchFolder {

    /** What a bench does in its folder. */
    @FunctionalInterface
    interface Bench {
        void run(Path folder) throws Exception;
    }

    private BenchFolder() {}

    static void run(Path work, String name, Bench bench) throws Exception {
        Path folder = work == null
                ? Files.createTempDirectory("marsad-" + name)
                : work.toAbsolutePath().resolve(name);
        try {
            empty(folder);
            Files.createDirectories(folder);
            bench.run(folder);
        } finally {
            if (work == null) {
                empty(folder);
                Files.deleteIfExists(folder);
            }
        }
    }

    private static void empty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.delete(path);
                }
            }
        }
    }
}
