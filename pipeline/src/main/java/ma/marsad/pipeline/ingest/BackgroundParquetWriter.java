package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import ma.marsad.pipeline.lake.ParquetTableWriter;

/**
 * Encodes rows into a {@link ParquetTableWriter} on a thread of its own, so that reading and validating a file (the
 * caller's thread) and Parquet encoding and compression (this thread) use two cores. Rows travel in batches through a
 * small bounded queue: memory stays flat whatever the file size, and rows are written in the order they were given.
 *
 * <p>A failure of the writer is thrown to the caller at its next {@link #write} or at {@link #close()}; after a failure
 * the thread keeps draining the queue so the caller never blocks on it.
 */
final class BackgroundParquetWriter implements AutoCloseable {

    static final int BATCH_ROWS = 2048;
    private static final int QUEUED_BATCHES = 8;
    private static final Object[][] END = new Object[0][];

    private final ParquetTableWriter target;
    private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private volatile Throwable failure;
    private Object[][] batch = new Object[BATCH_ROWS][];
    private int batchSize;
    private boolean closed;

    BackgroundParquetWriter(ParquetTableWriter target, String name) {
        this.target = target;
        this.thread = new Thread(this::drain, "parquet-writer-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues one row; the row array must not be changed afterwards. */
    void write(Object[] row) {
        batch[batchSize++] = row;
        if (batchSize == BATCH_ROWS) {
            hand(batch, batchSize);
            batch = new Object[BATCH_ROWS][];
            batchSize = 0;
        }
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
            if (batchSize > 0 && failure == null) {
                put(Arrays.copyOf(batch, batchSize));
            }
            put(END);
        } catch (UncheckedIOException e) {
            // the caller was interrupted: stop the writer where it is, the file is abandoned anyway
            interrupted = true;
            thread.interrupt();
        } finally {
            // never close the file while the writer thread may still be writing to it
            interrupted |= joinUninterruptibly();
            target.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the Parquet writer finished");
        }
        rethrow();
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

    private void hand(Object[][] rows, int size) {
        rethrow();
        put(size == rows.length ? rows : Arrays.copyOf(rows, size));
    }

    private void put(Object[][] rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while queueing Parquet rows"));
        }
    }

    private void drain() {
        try {
            while (true) {
                Object[][] rows = queue.take();
                if (rows == END) {
                    return;
                }
                if (failure == null) {
                    for (Object[] row : rows) {
                        target.write(row);
                    }
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            drainAfterFailure();
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    private void drainAfterFailure() {
        try {
            while (queue.take() != END) {
                // the rows are lost anyway: keep the caller from blocking until it sees the failure
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
