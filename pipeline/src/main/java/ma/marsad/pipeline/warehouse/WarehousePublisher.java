package ma.marsad.pipeline.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes a built warehouse by renaming it atomically over {@code warehouse/marsad.duckdb}. Analysts' connections
 * opened on the previous file keep reading it (the old file lives on until they close it), and new connections see the
 * new one: never a mix. The previous versions are kept under {@code warehouse/versions/} for rollback.
 */
public final class WarehousePublisher {

    public static final String PUBLISHED_NAME = "marsad.duckdb";

    private final Path warehouseDir;
    private final int versionsKept;

    public WarehousePublisher(Path warehouseDir, int versionsKept) {
        if (versionsKept < 0) {
            throw new IllegalArgumentException("versions kept must be >= 0, not " + versionsKept);
        }
        this.warehouseDir = warehouseDir;
        this.versionsKept = versionsKept;
    }

    public Path published() {
        return warehouseDir.resolve(PUBLISHED_NAME);
    }

    /** Checkpoints and closes the built file, then swaps it in; the file previously published becomes a version. */
    public void publish(Path built, String versionLabel) throws IOException, SQLException {
        publish(built, versionLabel, () -> {});
    }

    /** As {@link #publish(Path, String)}, running {@code beforeSwap} once the file is checkpointed. */
    public void publish(Path built, String versionLabel, Runnable beforeSwap) throws IOException, SQLException {
        if (!Files.exists(built)) {
            throw new IOException("no built warehouse at " + built + " to publish");
        }
        try (Connection connection = WarehouseBuilder.open(built);
                Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        }
        Files.deleteIfExists(built.resolveSibling(built.getFileName() + ".wal"));
        beforeSwap.run();
        Files.createDirectories(versions());
        replacePublished(built, "marsad-" + versionLabel + ".duckdb");
        prune();
    }

    /** Publishes the newest kept version again; returns its name, or empty when there is none. */
    public Optional<String> rollback(String label) throws IOException {
        List<Path> versions = listVersions();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Path previous = versions.get(versions.size() - 1);
        Path staged = warehouseDir.resolve(".rollback-" + label + ".duckdb");
        Files.deleteIfExists(staged);
        Files.createLink(staged, previous);
        replacePublished(staged, "rolled-back-" + label + ".duckdb");
        Files.delete(previous);
        return Optional.of(previous.getFileName().toString());
    }

    /**
     * Keeps the published file, if any, as {@code versions/keptAs} (a hard link: no copy), then moves the replacement
     * into its place in one atomic step, so a reader opens either file whole.
     */
    private void replacePublished(Path replacement, String keptAs) throws IOException {
        Path published = published();
        if (Files.exists(published)) {
            Path kept = versions().resolve(keptAs);
            Files.deleteIfExists(kept);
            Files.createLink(kept, published);
        }
        Files.move(replacement, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Kept versions, oldest first. */
    public List<Path> listVersions() throws IOException {
        if (!Files.isDirectory(versions())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(versions())) {
            List<Path> sorted = new ArrayList<>(
                    files.filter(path -> path.getFileName().toString().startsWith("marsad-"))
                            .toList());
            sorted.sort(Comparator.comparing((Path path) -> {
                        try {
                            return Files.getLastModifiedTime(path).toMillis();
                        } catch (IOException e) {
                            return 0L;
                        }
                    })
                    .thenComparing(Path::toString));
            return sorted;
        }
    }

    private Path versions() {
        return warehouseDir.resolve("versions");
    }

    private void prune() throws IOException {
        List<Path> versions = listVersions();
        for (int i = 0; i < versions.size() - versionsKept; i++) {
            Files.deleteIfExists(versions.get(i));
        }
    }
}
