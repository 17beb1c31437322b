package ma.marsad.jobs.nightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per pending submission, read from the job's execution context before the step splits. */
class SubmissionPartitioner implements Partitioner, StepExecutionListener {

    static final String ENTRY = "marsad.submission";

    private volatile String pending = "";

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String text =
                stepExecution.getJobExecution().getExecutionContext().getString(PendingSubmissions.CONTEXT_KEY, "");
        this.pending = text;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<PendingSubmissions.Pending> entries = PendingSubmissions.decode(pending);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (PendingSubmissions.Pending entry : entries) {
            ExecutionContext context = new ExecutionContext();
            context.putString(ENTRY, PendingSubmissions.encode(List.of(entry)));
            partitions.put("submission-" + entry.submissionId().substring(0, 16), context);
        }
        return partitions;
    }
}
