package ma.marsad.dashboards.render;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The final record of a nightly run, known after the warehouse was published: it replaces the run's row of {@code
 * ops_run} (written while the run was still going) on the data-supply page.
 *
 * @param status the job's status as the job repository writes it (COMPLETED, FAILED …)
 * @param finishedAt null while the run is still going
 */
public record RunRecord(
        long runId,
        LocalDate asOf,
        Instant startedAt,
        Instant finishedAt,
        String status,
        Long filesAccepted,
        Long filesWithQuarantine,
        Long filesRejected,
        Long rowsLoaded,
        Long rowsQuarantined) {

    public RunRecord {
        Objects.requireNonNull(status, "status");
    }
}
