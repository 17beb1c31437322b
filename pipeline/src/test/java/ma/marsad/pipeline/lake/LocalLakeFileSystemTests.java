package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLakeFileSystemTests {

    @TempDir
    java.nio.file.Path folder;

    @Test
    void aLocalLakeSetsThePermissionsHadoopAsksFor() throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        FileSystem fileSystem = lake.fileSystem();
        assertThat(fileSystem).isInstanceOf(LocalLakeFileSystem.class);

        // a folder and a file created with explicit modes, as Hadoop and parquet-java create them
        Path partition = new Path(lake.root(), "staging/egov-requests/period=2026-11");
        assertThat(fileSystem.mkdirs(partition, new FsPermission((short) 0750))).isTrue();
        Path file = new Path(partition, "part.parquet");
        try (FSDataOutputStream out =
                fileSystem.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
            out.write(new byte[] {1, 2, 3});
        }
        fileSystem.setPermission(file, new FsPermission((short) 0604));

        java.nio.file.Path local = folder.resolve("lake/staging/egov-requests/period=2026-11");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local)))
                .isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local.resolve("part.parquet"))))
                .isEqualTo("rw----r--");
        assertThat(Files.readAllBytes(local.resolve("part.parquet"))).containsExactly(1, 2, 3);
    }
}
