package ma.marsad.jobs.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import ma.marsad.jobs.common.WorkFolderLock;

/**
 * Empties a work folder for {@code demo --fresh}, under the work-folder lock, but keeps what readers have open: the
 * published warehouse and the published site stay until the new run replaces them atomically, as every run does.
 */
final class FreshWorkFolder {

    /** Paths relative to the work folder that survive: the lock itself and what is published. */
    private static final Set<Path> KEPT = Set.of(
            Path.of(".marsad.lock"), Path.of("warehouse"), Path.of("warehouse", "marsad.duckdb"), Path.of("site"));

    private FreshWorkFolder() {}

    /** Empties the folder and returns true, or returns false when another run holds the lock (nothing is deleted). */
    static boolean empty(Path work) throws IOException {
        if (!Files.exists(work)) {
            return true;
        }
        var lock = WorkFolderLock.tryAcquire(work);
        if (lock.isEmpty()) {
            return false;
        }
        try (var held = lock.get();
                Stream<Path> paths = Files.walk(work)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(work) && !kept(work.relativize(path))) {
                    Files.delete(path);
                }
            }
        }
        return true;
    }

    private static boolean kept(Path relative) {
        // the published site is a link into site-versions: keep the versions, the renderer prunes them
        return KEPT.contains(relative) || relative.startsWith("site-versions");
    }
}
