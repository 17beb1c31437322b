package ma.marsad.jobs.nightly;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import ma.marsad.dashboards.render.RunRecord;
import ma.marsad.jobs.common.MarsadSettings;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Summarises runs from the job repository and the registry, and writes each run's summary as JSON under
 * {@code work/runs/}, for monitoring and the data-supply page.
 */
@Component
public record RunSummaries(SubmissionRegistry registry, WarehousePublisher publisher, MarsadSettings settings) {

    /** What the run did so far, or in all when it has ended. */
    RunSummary of(JobExecution execution, Duration took) throws Exception {
        return RunSummary.of(
                execution, registry, publisher.published(), settings.site().resolve("index.html"), took);
    }

    /** The final records of the summarised runs, for the data-supply page. */
    public List<RunRecord> finalRecords() throws IOException {
        return OperationsTables.finalRecords(settings.runs());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    Path write(RunSummary summary) throws IOException {
        Path folder = settings.runs();
        Files.createDirectories(folder);
        Path target = folder.resolve(String.format("run-%06d.json", summary.runId()));
        Path temporary = folder.resolve(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary);
                JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("run_id", summary.runId());
            json.writeNumberField("job_instance_id", summary.instanceId());
            json.writeStringField("status", summary.status());
            json.writeStringField("as_of", summary.asOf());
            json.writeNumberField("seconds", summary.seconds());
            json.writeStringField("started_at", text(summary.startedAt()));
            json.writeStringField("finished_at", text(summary.finishedAt()));
            json.writeNumberField("files_accepted", summary.filesAccepted());
            json.writeNumberField("files_with_quarantine", summary.filesWithQuarantine());
            json.writeNumberField("files_rejected", summary.filesRejected());
            json.writeNumberField("files_deferred", summary.filesDeferred());
            json.writeNumberField("landing_entries_skipped", summary.entriesSkipped());
            json.writeNumberField("rows_loaded", summary.rowsLoaded());
            json.writeNumberField("rows_quarantined", summary.rowsQuarantined());
            json.writeObjectFieldStart("kpi_statuses");
            for (var entry : summary.kpiStatuses().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeStringField("warehouse_build", summary.warehouseBuild());
            json.writeArrayFieldStart("feedback_reports");
            for (String report : summary.feedbackReports()) {
                json.writeString(report);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("notices");
            for (String notice : summary.notices()) {
                json.writeString(notice);
            }
            json.writeEndArray();
            json.writeStringField("site_index", summary.siteIndex());
            json.writeStringField("failure", summary.failure());
            json.writeNumberField("exit_code", summary.exitCode());
            json.writeObjectFieldStart("step_seconds");
            for (var entry : summary.stepSeconds().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
