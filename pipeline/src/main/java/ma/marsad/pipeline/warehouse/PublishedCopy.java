package ma.marsad.pipeline.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies the published warehouse to where the night builds the next one. Readers may have the published file open
 * (read-only): copying does not disturb them, and the copy is what the night changes, never the published file.
 */
final class PublishedCopy {

    private PublishedCopy() {}

    static void copy(Path published, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(published, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long copied = 0;
            while (copied < size) {
                // transferTo lets the kernel copy (copy_file_range or sendfile), without the bytes crossing the heap
                copied += in.transferTo(copied, size - copied, out);
            }
            out.force(true);
        }
    }
}
