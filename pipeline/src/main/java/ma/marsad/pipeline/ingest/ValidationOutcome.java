package ma.marsad.pipeline.ingest;

import java.util.List;
import java.util.Map;

/**
 * What happened to one submission: its status, period and exact counts.
 *
 * <p>Invariant: {@code rowsRead == rowsAccepted + rowsQuarantined}; for a rejected file all three are 0, {@code period}
 * is null and {@code fileErrorCode} is set.
 *
 * @param rowErrors at most 1,000 row errors, in file order (the counts stay exact)
 * @param rowErrorsTruncated whether more row errors exist than were kept
 */
public record ValidationOutcome(
        Status status,
        String period,
        long rowsRead,
        long rowsAccepted,
        long rowsQuarantined,
        String fileErrorCode,
        Map<String, Object> fileErrorArguments,
        List<Warning> warnings,
        List<RowError> rowErrors,
        boolean rowErrorsTruncated) {

    public enum Status {
        ACCEPTED("accepted"),
        ACCEPTED_WITH_QUARANTINE("accepted_with_quarantine"),
        REJECTED("rejected");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A non-fatal finding about the file (unknown column, footer rows…). */
    public record Warning(String code, Map<String, Object> arguments) {}
}
