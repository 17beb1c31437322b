package ma.marsad.dashboards.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The site's versions under {@code <work>/site-versions/}: each render goes to a staging folder, is named by the hash of
 * its content, and the site link is swapped to it atomically, so readers see the old site or the new one, never half.
 */
final class SiteVersions {

    private static final String STAGING_PREFIX = ".staging-";

    private final Path root;

    SiteVersions(Path root) {
        this.root = root;
    }

    Path newStagingFolder() throws IOException {
        Files.createDirectories(root);
        try (Stream<Path> children = Files.list(root)) {
            for (Path stale : children.filter(
                            path -> path.getFileName().toString().startsWith(STAGING_PREFIX))
                    .toList()) {
                deleteTree(stale); // left by a render that crashed
            }
        }
        return Files.createTempDirectory(root, STAGING_PREFIX);
    }

    /** Renames the staging folder to its content hash; an identical published version is reused. */
    Path publish(Path staging) throws IOException {
        Path version = root.resolve(contentHash(staging));
        if (Files.isDirectory(version)) {
            deleteTree(staging);
            return version;
        }
        Files.move(staging, version, StandardCopyOption.ATOMIC_MOVE);
        return version;
    }

    /**
     * Points {@code siteLink} at {@code version} with a temporary link renamed over it, then deletes every version but
     * the new one and the one the link pointed to before (so a page open in a browser keeps working).
     */
    void swapLink(Path siteLink, Path version) throws IOException {
        Path link = siteLink.toAbsolutePath().normalize();
        Path previous = null;
        if (Files.isSymbolicLink(link)) {
            previous = link.resolveSibling(Files.readSymbolicLink(link))
                    .toAbsolutePath()
                    .normalize();
        } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(
                    link.toString(),
                    null,
                    "the site link exists and is not a symbolic link: move it away and render again");
        }
        Files.createDirectories(link.getParent());
        Path target = link.getParent().relativize(version.toAbsolutePath().normalize());
        Path temporary = link.resolveSibling("." + link.getFileName() + ".next");
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, target);
        try {
            Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw new IOException(
                    "cannot swap " + link + " atomically on this file system: put the work folder on a"
                            + " local file system",
                    e);
        }
        Path current = version.toAbsolutePath().normalize();
        Path kept = previous;
        try (Stream<Path> children = Files.list(root)) {
            for (Path old : children.map(path -> path.toAbsolutePath().normalize())
                    .filter(path -> !path.equals(current) && !path.equals(kept))
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .toList()) {
                deleteTree(old);
            }
        }
    }

    /** SHA-256 of every file's relative path and bytes, in path order; the first 16 hex digits name the version. */
    static String contentHash(Path folder) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(path -> folder.relativize(path).toString()))
                    .toList();
            for (Path file : files) {
                digest.update(folder.relativize(file)
                        .toString()
                        .replace('\\', '/')
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
