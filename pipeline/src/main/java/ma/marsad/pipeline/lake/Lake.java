package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The Parquet lake on any Hadoop FileSystem (a local folder, {@code hdfs://…}, {@code s3a://…}), laid out Hive-style:
 *
 * <pre>
 * raw/&lt;template&gt;/&lt;sha256&gt;.&lt;ext&gt;                                   bytes as received
 * staging/&lt;template&gt;/period=…/submitter=…/&lt;sha256&gt;.parquet       rows and lineage of every revision
 * quarantine/&lt;template&gt;/period=…/submitter=…/&lt;sha256&gt;.parquet    rejected rows with reasons
 * iceberg/marsad/&lt;table&gt;/                                          Iceberg tables over those files ({@link IcebergLake});
 *                                                               marsad.submission is the registry
 * _tmp/                                                         files being written
 * </pre>
 *
 * Lakes written before the Iceberg tables also have {@code history/}, emptied back into {@code staging/} by
 * {@link PartitionFiler}; lakes written before {@code marsad.submission} was the registry have {@code _registry/}, one
 * JSON entry per submission, adopted once ({@link LegacyRegistryFolder}).
 *
 * Every file is written under {@code _tmp/} and renamed into place, so a reader never sees half a file.
 */
public final class Lake {

    private final Path root;
    private final FileSystem fileSystem;
    private final Configuration configuration;

    private Lake(Path root, FileSystem fileSystem, Configuration configuration) {
        this.root = root;
        this.fileSystem = fileSystem;
        this.configuration = configuration;
    }

    /**
     * Opens the lake at {@code uri}. Hadoop properties (e.g. {@code fs.s3a.endpoint}) are passed through; local paths
     * use the raw local file system so no {@code .crc} side files are written ({@link LocalLakeFileSystem}: permissions
     * set without a process per file).
     */
    public static Lake open(URI uri, Map<String, String> hadoopProperties) throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", LocalLakeFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        hadoopProperties.forEach(conf::set);
        URI normalized = uri.getScheme() == null
                ? java.nio.file.Path.of(uri.getPath()).toAbsolutePath().toUri()
                : uri;
        Path root = new Path(normalized);
        FileSystem fs = root.getFileSystem(conf);
        fs.mkdirs(root);
        return new Lake(fs.makeQualified(root), fs, conf);
    }

    /** Opens a lake in a local folder. */
    public static Lake local(java.nio.file.Path folder) throws IOException {
        return open(folder.toAbsolutePath().toUri(), Map.of());
    }

    public Path root() {
        return root;
    }

    public FileSystem fileSystem() {
        return fileSystem;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Whether DuckDB can read the lake's files in place. */
    public boolean isLocal() {
        return "file".equals(root.toUri().getScheme());
    }

    public Path raw(String template, String fileName) {
        return new Path(root, "raw/" + template + "/" + fileName);
    }

    public Path staging(String template, String period, String submitter, String submissionId) {
        return new Path(root, "staging/" + partition(template, period, submitter, submissionId));
    }

    public Path quarantine(String template, String period, String submitter, String submissionId) {
        return new Path(root, "quarantine/" + partition(template, period, submitter, submissionId));
    }

    /** A path in the {@code _registry/} folder of a lake older than its registry table. */
    Path registry(String relative) {
        return new Path(root, "_registry/" + relative);
    }

    /** A temporary name for a file about to be written; unique per final name so a retry overwrites its own leftover. */
    public Path temporary(String name) {
        return new Path(root, "_tmp/" + name);
    }

    /** Makes a fully written temporary file visible under its final name, replacing what was there. */
    public void publish(Path temporary, Path target) throws IOException {
        fileSystem.mkdirs(target.getParent());
        if (fileSystem.exists(target)) {
            fileSystem.delete(target, false);
        }
        if (!fileSystem.rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target + " in the lake");
        }
    }

    /** Moves a file if it is at {@code from}; true when it moved. */
    public boolean move(Path from, Path to) throws IOException {
        if (!fileSystem.exists(from)) {
            return false;
        }
        fileSystem.mkdirs(to.getParent());
        if (fileSystem.exists(to)) {
            fileSystem.delete(to, false);
        }
        if (!fileSystem.rename(from, to)) {
            throw new IOException("cannot move " + from + " to " + to + " in the lake");
        }
        return true;
    }

    public boolean exists(Path path) throws IOException {
        return fileSystem.exists(path);
    }

    /** Copies a local file into the lake under a temporary name, then renames it into place. */
    public void copyIn(java.nio.file.Path local, Path target) throws IOException {
        if (fileSystem.exists(target) && fileSystem.getFileStatus(target).getLen() == Files.size(local)) {
            return;
        }
        Path temporary = temporary(target.getName());
        if (isLocal()) {
            copyLocally(local, temporary);
        } else {
            try (InputStream in = Files.newInputStream(local);
                    OutputStream out = fileSystem.create(temporary, true)) {
                in.transferTo(out);
            }
        }
        publish(temporary, target);
    }

    /** File to file inside the kernel (no copy through the Java heap): a large submission is copied in a fraction. */
    private void copyLocally(java.nio.file.Path local, Path temporary) throws IOException {
        fileSystem.mkdirs(temporary.getParent());
        try (FileChannel in = FileChannel.open(local, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(
                        java.nio.file.Path.of(temporary.toUri()),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                position += in.transferTo(position, size - position, out);
            }
        }
    }

    /**
     * A local path DuckDB can read for a lake file: the file itself on a local lake, otherwise a copy in {@code cache}
     * keyed by the file's name (lake file names are content hashes, so a cached copy never goes stale).
     */
    public java.nio.file.Path localCopy(Path file, java.nio.file.Path cache) throws IOException {
        if (isLocal()) {
            return java.nio.file.Path.of(file.toUri());
        }
        java.nio.file.Path cached = cache.resolve(file.getParent().getName() + "-" + file.getName());
        if (!Files.exists(cached)) {
            Files.createDirectories(cache);
            java.nio.file.Path partial = cache.resolve(cached.getFileName() + ".partial");
            try (InputStream in = fileSystem.open(file)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return cached;
    }

    /** Path of a lake file relative to the lake root, as stored in the registry. */
    public String relative(Path file) {
        String rootText = root.toUri().getPath();
        String fileText = fileSystem.makeQualified(file).toUri().getPath();
        if (!fileText.startsWith(rootText)) {
            throw new IllegalArgumentException(file + " is not in the lake " + root);
        }
        String relative = fileText.substring(rootText.length());
        return relative.startsWith("/") ? relative.substring(1) : relative;
    }

    public Path resolve(String relative) {
        return new Path(root, relative);
    }

    private static String partition(String template, String period, String submitter, String submissionId) {
        return template + "/period=" + period + "/submitter=" + submitter + "/" + submissionId + ".parquet";
    }
}
