package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The raw local file system, setting permissions through {@code java.nio} instead of a {@code chmod} process: without
 * Hadoop's native library every file created and every folder made forks one, which was most of the time a small
 * submission took to ingest. The permission bits set are the same.
 */
public class LocalLakeFileSystem extends RawLocalFileSystem {

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
        String symbols = permission.getUserAction().SYMBOL
                + permission.getGroupAction().SYMBOL
                + permission.getOtherAction().SYMBOL;
        try {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(symbols));
        } catch (UnsupportedOperationException notPosix) {
            super.setPermission(path, permission);
        }
    }
}
