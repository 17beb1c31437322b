package ma.marsad.jobs.nightly;

import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.ingest.SubmissionDeferredException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Submissions left for the next night (landing file unreadable or changed while read), kept in the execution
 * contexts that found them (discovery's job context, each ingest partition's step context) as lines of code, file and
 * detail separated by tabs, so the run summary and metrics report them even after a restart.
 */
final class DeferredSubmissions {

    static final String CONTEXT_KEY = "marsad.deferred";

    private DeferredSubmissions() {}

    record Deferred(String code, String file, String detail) {
        static Deferred of(SubmissionDeferredException e) {
            return new Deferred(e.code().name(), e.file(), e.detail());
        }

        String line() {
            return code + ": landing/" + file + " (" + detail + ")";
        }
    }

    static void add(ExecutionContext context, Deferred deferred) {
        String text = context.getString(CONTEXT_KEY, "");
        context.putString(
                CONTEXT_KEY,
                text + deferred.code() + "\t" + deferred.file() + "\t" + oneLine(deferred.detail()) + "\n");
    }

    /** Appends the submissions deferred in one context to another (a worker's partition to its manager step). */
    static void copy(ExecutionContext from, ExecutionContext to) {
        String text = from.getString(CONTEXT_KEY, "");
        if (!text.isEmpty()) {
            to.putString(CONTEXT_KEY, to.getString(CONTEXT_KEY, "") + text);
        }
    }

    /** Every submission deferred by a run, discovery's first, then the partitions'. */
    static List<Deferred> of(JobExecution execution) {
        List<Deferred> deferred = new ArrayList<>(decode(execution.getExecutionContext()));
        for (StepExecution step : execution.getStepExecutions()) {
            deferred.addAll(decode(step.getExecutionContext()));
        }
        return deferred;
    }

    private static List<Deferred> decode(ExecutionContext context) {
        List<Deferred> deferred = new ArrayList<>();
        for (String line : context.getString(CONTEXT_KEY, "").split("\n")) {
            String[] fields = line.split("\t", 3);
            if (fields.length == 3) {
                deferred.add(new Deferred(fields[0], fields[1], fields[2]));
            }
        }
        return deferred;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ");
    }
}
