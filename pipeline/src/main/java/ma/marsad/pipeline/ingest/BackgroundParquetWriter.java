package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import ma.marsad.pipeline.lake.StagingParquetWriter;
import ma.marsad.pipeline.lake.StagingRows;

/**
 * Encodes accepted rows into a {@link StagingParquetWriter} on a thread of its own, so that reading and validating a
 * file (the caller's thread) and Parquet encoding and compression (this thread) use two cores. Blocks of rows are
 * copied into a small pool of buffers and travel through a bounded queue: memory stays flat whatever the file size,
 * and rows are written in the order they were given.
 *
 * <p>A failure of the writer is thrown to the caller at its next {@link #write} or at {@link #close()}; after a failure
 * the thread keeps draining the queue so the caller never blocks on it.
 */
final class BackgroundParquetWriter implements AutoCloseable {

    private static final int QUEUED_BLOCKS = 8;
    private static final Block END = new Block(null, null);

    private record Block(StagingRows rows, String period) {}

    private final StagingParquetWriter target;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(QUEUED_BLOCKS);
    private final BlockingQueue<StagingRows> free = new ArrayBlockingQueue<>(QUEUED_BLOCKS + 2);
    private final Thread thread;
    private volatile Throwable failure;
    private int buffers;
    private boolean closed;

    BackgroundParquetWriter(StagingParquetWriter target, String name) {
        this.target = target;
        this.thread = new Thread(this::drain, "parquet-writer-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a copy of the rows; the caller may reuse its block as soon as this returns. */
    void write(StagingRows rows, String period) {
        rethrow();
        StagingRows copy = free.poll();
        if (copy == null) {
            copy = buffers < QUEUED_BLOCKS + 2 ? rows.newEmpty() : take();
            buffers++;
        }
        rows.copyTo(copy);
        put(new Block(copy, period));
    }

    /** Writes what is queued, waits for the thread and closes the file; throws the writer's failure if any. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = false;
        try {
            put(END);
        } catch (UncheckedIOException e) {
            // the caller was interrupted: stop the writer where it is, the file is abandoned anyway
            interrupted = true;
            thread.interrupt();
        } finally {
            // never close the file while the writer thread may still be writing to it
            interrupted |= joinUninterruptibly();
            closeTarget();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the Parquet writer finished");
        }
        rethrow();
    }

    /** Closes the file; after a failure of the writer, that failure is the one the caller sees. */
    private void closeTarget() throws IOException {
        try {
            target.close();
        } catch (IOException | RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private boolean joinUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
    }

    private StagingRows take() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while queueing Parquet rows"));
        }
    }

    private void put(Block block) {
        try {
            queue.put(block);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while queueing Parquet rows"));
        }
    }

    private void drain() {
        try {
            while (true) {
                Block block = queue.take();
                if (block == END) {
                    return;
                }
                target.write(block.rows(), block.period());
                release(block);
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            drainAfterFailure();
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    private void release(Block block) {
        block.rows().clear();
        free.offer(block.rows());
    }

    private void drainAfterFailure() {
        try {
            Block block;
            while ((block = queue.take()) != END) {
                // the rows are lost anyway: keep the caller from blocking until it sees the failure
                release(block);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable cause = failure;
        if (cause == null) {
            return;
        }
        if (cause instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new UncheckedIOException(new InterruptedIOException("the Parquet writer was interrupted"));
    }
}
