package ma.marsad.jobs.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run is in progress, SIGTERM (systemd, Kubernetes, {@code kill}) and SIGINT (Ctrl-C) ask Spring Batch to stop
 * the running execution: the partitions in flight finish, no new one starts, and the execution is left STOPPED, so the
 * next {@code marsad nightly} restarts it where it stopped. A second signal ends the process at once, as usual.
 *
 * <p>A signal handler rather than a shutdown hook: a hook runs while the JVM is already shutting down, concurrently
 * with Spring's own hook that closes the job repository's connections under the running job.
 */
final class StopOnSignal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StopOnSignal.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopOnSignal() {}

    static StopOnSignal install(JobOperator jobOperator, JobRepository jobRepository) {
        StopOnSignal installed = new StopOnSignal();
        AtomicBoolean stopRequested = new AtomicBoolean();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, received -> {
                    if (stopRequested.getAndSet(true)) {
                        log.warn("SIG{} again: ending the process now", received.getName());
                        System.exit(128 + received.getNumber());
                    }
                    requestStop(jobOperator, jobRepository, received.getName());
                });
                installed.signals.add(signal);
                installed.previous.add(before);
            } catch (IllegalArgumentException e) {
                // the signal is unknown or reserved on this platform (e.g. INT under some debuggers)
            }
        }
        return installed;
    }

    private static void requestStop(JobOperator jobOperator, JobRepository jobRepository, String signal) {
        try {
            JobInstance last = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
            JobExecution running = last == null ? null : jobRepository.getLastJobExecution(last);
            if (running == null || !running.isRunning()) {
                log.warn("SIG{}: no run in progress to stop", signal);
                return;
            }
            log.warn(
                    "SIG{}: stopping run {} after the steps in flight; 'marsad nightly' will restart it",
                    signal,
                    running.getId());
            jobOperator.stop(running);
        } catch (Exception e) {
            log.error("SIG{}: could not stop the run: {}", signal, e.getMessage());
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
