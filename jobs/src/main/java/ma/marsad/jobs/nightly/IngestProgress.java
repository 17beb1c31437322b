package ma.marsad.jobs.nightly;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Progress of the ingestion step on the console: files done out of the total, rows per second and the time left, one
 * line at most every {@link #INTERVAL} plus a last one. Registered on the partitioned step (start, end) and on its
 * worker step (each submission done). Logged at INFO, so {@code --quiet} hides it and {@code --log-format json}
 * carries it as JSON. Plain lines on a terminal too: each file ingested is logged as it finishes, and those lines
 * would tear a status line redrawn in place.
 */
class IngestProgress implements StepExecutionListener {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger("progress");

    private final SubmissionRegistry registry;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong lastLine = new AtomicLong();
    private volatile int total;
    private volatile long started;

    IngestProgress(SubmissionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (isPartition(stepExecution)) {
            return;
        }
        total = PendingSubmissions.decode(stepExecution
                        .getJobExecution()
                        .getExecutionContext()
                        .getString(PendingSubmissions.CONTEXT_KEY, ""))
                .size();
        done.set(0);
        rows.set(0);
        started = System.nanoTime();
        lastLine.set(started);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (!isPartition(stepExecution)) {
            if (log.isInfoEnabled()) {
                log.info(line(done.get(), System.nanoTime(), "done"));
            }
            return null;
        }
        int finished = done.incrementAndGet();
        rows.addAndGet(rowsOf(stepExecution));
        long now = System.nanoTime();
        long previous = lastLine.get();
        if (log.isInfoEnabled() && now - previous >= INTERVAL.toNanos() && lastLine.compareAndSet(previous, now)) {
            log.info(line(finished, now, null));
        }
        return null;
    }

    private String line(int finished, long now, String end) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        long rate = Math.round(rows.get() / seconds);
        String left;
        if (end != null) {
            left = end + " in " + Math.round(seconds) + " s";
        } else {
            long remaining = finished == 0 ? -1 : Math.round(seconds * (total - finished) / finished);
            left = remaining < 0 ? "time left unknown" : "about " + remaining + " s left";
        }
        return String.format(
                "ingestSubmissionsStep: %d/%d files, %,d rows, %,d rows/s, %s",
                finished, total, rows.get(), rate, left);
    }

    private long rowsOf(StepExecution partition) {
        String entry = partition.getExecutionContext().getString(SubmissionPartitioner.ENTRY, "");
        try {
            for (PendingSubmissions.Pending pending : PendingSubmissions.decode(entry)) {
                var record = registry.find(pending.submissionId());
                if (record.isPresent()) {
                    return record.get().rowsRead();
                }
            }
        } catch (Exception e) {
            // progress is best effort: a record that cannot be read counts no rows
        }
        return 0;
    }

    private static boolean isPartition(StepExecution stepExecution) {
        return stepExecution.getStepName().contains(":");
    }
}
