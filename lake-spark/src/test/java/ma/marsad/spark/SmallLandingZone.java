package ma.marsad.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import ma.marsad.pipeline.demo.DemoLandingZone;

/**
 * The demo's landing zone cut down so a night takes seconds: every template and submitter, the newest
 * {@value #FILES_PER_FOLDER} files of each folder, without the day of 200,000 e-service requests.
 */
final class SmallLandingZone {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static final int FILES_PER_FOLDER = 3;
    private static final String BIG_FILE = "egov-requests/ADD/demandes-2026-11-27.csv";

    private SmallLandingZone() {}

    static Path create(Path landing) throws IOException {
        DemoLandingZone.generate(landing, DemoLandingZone.DEFAULT_SEED, AS_OF);
        deleteWithMarker(landing.resolve(BIG_FILE));
        List<Path> folders;
        try (Stream<Path> paths = Files.walk(landing, 2)) {
            folders = paths.filter(path -> landing.relativize(path).getNameCount() == 2)
                    .filter(Files::isDirectory)
                    .toList();
        }
        for (Path folder : folders) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().endsWith(".done"))
                        .sorted(Comparator.comparing(Path::toString))
                        .forEach(files::add);
            }
            for (Path older : files.subList(0, Math.max(0, files.size() - FILES_PER_FOLDER))) {
                deleteWithMarker(older);
            }
        }
        return landing;
    }

    private static void deleteWithMarker(Path file) throws IOException {
        Files.delete(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".done"));
    }
}
