package ma.marsad.pipeline.ingest;

import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

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
        ReasonCode fileErrorCode,
        Map<String, Object> fileErrorArguments,
        List<Warning> warnings,
        List<RowError> rowErrors,
        boolean rowErrorsTruncated) {

    /** A rejected submission: no rows, no period, the reason and what the file said before it was refused. */
    public static ValidationOutcome rejected(
            ReasonCode code,
            Map<String, Object> arguments,
            List<Warning> warnings,
            List<RowError> rowErrors,
            boolean rowErrorsTruncated) {
        return new ValidationOutcome(
                Status.REJECTED,
                null,
                0,
                0,
                0,
                code,
                Map.copyOf(arguments),
                List.copyOf(warnings),
                List.copyOf(rowErrors),
                rowErrorsTruncated);
    }

    /** A submission rejected before any row was read. */
    public static ValidationOutcome rejected(ReasonCode code, Map<String, Object> arguments) {
        return rejected(code, arguments, List.of(), List.of(), false);
    }

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
    public record Warning(ReasonCode code, Map<String, Object> arguments) {}
}
