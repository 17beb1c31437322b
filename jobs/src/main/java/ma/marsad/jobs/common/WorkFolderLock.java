package ma.marsad.jobs.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One writing command ({@code nightly}, {@code backfill}, {@code rollback}, {@code demo}) per work folder at a time:
 * an OS file lock, released by the kernel when the process dies, so a crash never leaves the folder locked. The file
 * holds the owner's process id for messages and for {@code recover}.
 */
public final class WorkFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WorkFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or returns empty when another live process holds it. */
    public static Optional<WorkFolderLock> tryAcquire(Path work) throws IOException {
        return acquire(work, true);
    }

    private static Optional<WorkFolderLock> acquire(Path work, boolean recordOwner) throws IOException {
        Files.createDirectories(work);
        FileChannel channel = FileChannel.open(
                lockFile(work), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        if (recordOwner) {
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        return Optional.of(new WorkFolderLock(channel, lock));
    }

    /** What a command says when it finds the work folder locked: who holds it, and what to do. */
    public static String busyMessage(Path work, String command, String advice) {
        return "marsad " + command + ": another run (process " + holder(work).orElse(-1L) + ") is using " + work + "; "
                + advice;
    }

    /** The process id written by the current or last holder, if any. */
    public static Optional<Long> holder(Path work) {
        try {
            String text = Files.readString(lockFile(work)).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path lockFile(Path work) {
        return work.resolve(".marsad.lock");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the kernel releases the lock with the process anyway
        }
    }
}
