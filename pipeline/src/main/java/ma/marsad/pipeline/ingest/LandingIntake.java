package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import ma.marsad.pipeline.ingest.LandingScanner.FileStamp;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * Takes a submission's bytes out of the landing zone in one pass: each part is copied into a folder only Marsad
 * writes, and everything after (parsing, the submission id, the raw copy in the lake) reads that copy, so what is
 * loaded is exactly what is hashed. A part that cannot be read, or whose size or modification time is not what
 * discovery saw when the copy ends, defers the submission to the next night.
 */
final class LandingIntake {

    /** Called after each chunk copied; lets a test change a landing file while it is being read. */
    @FunctionalInterface
    interface ChunkListener {
        void copied(Path part, long bytes) throws IOException;
    }

    static final long DEFAULT_CHUNK_BYTES = 64L << 20;

    private final long chunkBytes;
    private final ChunkListener listener;

    LandingIntake(long chunkBytes, ChunkListener listener) {
        this.chunkBytes = chunkBytes;
        this.listener = listener;
    }

    /** Copies every part into {@code folder} under its own name; returns the copies in part order. */
    List<Path> copy(LandingSubmission submission, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < submission.parts().size(); i++) {
            Path part = submission.parts().get(i);
            FileStamp stamp =
                    submission.stamps().isEmpty() ? null : submission.stamps().get(i);
            Path copy = folder.resolve(part.getFileName().toString());
            copyPart(submission, part, stamp, copy);
            copies.add(copy);
        }
        return copies;
    }

    private void copyPart(LandingSubmission submission, Path part, FileStamp stamp, Path copy) throws IOException {
        String name = landingName(submission, part);
        try (FileChannel in = open(name, part);
                FileChannel out = FileChannel.open(
                        copy,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            checkUnchanged(name, part, stamp, "before it was read");
            long position = 0;
            try {
                long size = in.size();
                while (position < size) {
                    // file to file inside the kernel: no copy through the Java heap
                    long moved = in.transferTo(position, Math.min(chunkBytes, size - position), out);
                    if (moved <= 0) {
                        break;
                    }
                    position += moved;
                    listener.copied(part, position);
                }
                // a read past the size seen, which is also what surfaces an I/O error on a file that reports no size
                if (in.read(ByteBuffer.allocate(1), position) > 0) {
                    throw changed(name, "it grew while it was read (" + position + " bytes copied)");
                }
            } catch (SubmissionDeferredException | InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                throw new SubmissionDeferredException(
                        ReasonCode.LANDING_UNREADABLE, name, "read failed after " + position + " bytes: " + e, e);
            }
            checkUnchanged(name, part, stamp, "while it was read");
            if (stamp != null && position != stamp.size()) {
                throw changed(name, position + " bytes read, " + stamp.size() + " expected");
            }
        }
    }

    private static FileChannel open(String name, Path part) throws SubmissionDeferredException {
        try {
            return FileChannel.open(part, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new SubmissionDeferredException(ReasonCode.LANDING_UNREADABLE, name, "cannot open: " + e, e);
        }
    }

    private static void checkUnchanged(String name, Path part, FileStamp stamp, String when)
            throws SubmissionDeferredException {
        if (stamp == null) {
            return;
        }
        FileStamp now;
        try {
            now = FileStamp.of(part);
        } catch (IOException e) {
            throw new SubmissionDeferredException(ReasonCode.LANDING_UNREADABLE, name, "cannot stat: " + e, e);
        }
        if (!now.equals(stamp)) {
            throw changed(
                    name,
                    "changed " + when + ": " + stamp.size() + " bytes at " + stamp.modified() + " when found, "
                            + now.size() + " bytes at " + now.modified() + " now");
        }
    }

    private static SubmissionDeferredException changed(String name, String detail) {
        return new SubmissionDeferredException(ReasonCode.LANDING_CHANGED, name, detail, null);
    }

    static String landingName(LandingSubmission submission, Path part) {
        return submission.template() + "/" + submission.submitter() + "/" + part.getFileName();
    }

    /** The submission id of copies: SHA-256 of a file, or of the parts' digests in order. */
    static String submissionId(List<Path> copies) throws IOException {
        if (copies.size() == 1) {
            return HexFormat.of().formatHex(digest(copies.get(0)));
        }
        MessageDigest combined = sha256();
        for (Path copy : copies) {
            combined.update(digest(copy));
        }
        return HexFormat.of().formatHex(combined.digest());
    }

    private static byte[] digest(Path file) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
