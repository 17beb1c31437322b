package ma.marsad.pipeline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * What a validation has found so far, and the outcome it makes: the exact counts of rows read, accepted and
 * quarantined, the first {@value #MAX_ROW_ERRORS} row errors, and the warnings, each said once.
 */
final class ValidationTally {

    /** Row errors kept in an outcome; the counts stay exact beyond it. */
    static final int MAX_ROW_ERRORS = 1000;

    private final List<RowError> rowErrors = new ArrayList<>();
    private final Map<String, ValidationOutcome.Warning> warnings = new LinkedHashMap<>();
    // per warning rule: the rows that broke it and the first of them
    private final Map<ReasonCode, long[]> ruleWarnings = new LinkedHashMap<>();
    private long rowsRead;
    private long rowsAccepted;
    private long rowsQuarantined;

    void read() {
        rowsRead++;
    }

    long rowsRead() {
        return rowsRead;
    }

    void accepted(int rows) {
        rowsAccepted += rows;
    }

    void quarantined(RowError error) {
        rowsQuarantined++;
        if (rowErrors.size() < MAX_ROW_ERRORS) {
            rowErrors.add(error);
        }
    }

    /** Headers that name no column: one warning each. */
    void unknownHeaders(List<String> headers) {
        for (String header : headers) {
            warnings.putIfAbsent(
                    ReasonCode.UNKNOWN_COLUMN.name() + "|" + header,
                    new ValidationOutcome.Warning(ReasonCode.UNKNOWN_COLUMN, Map.of("header", header)));
        }
    }

    /** What a reader noticed (footer rows …): one warning per code and detail. */
    void readerWarnings(List<ReportReader.ReaderWarning> readerWarnings) {
        for (ReportReader.ReaderWarning warning : readerWarnings) {
            Map<String, Object> arguments = new LinkedHashMap<>(warning.arguments());
            arguments.putIfAbsent("detail", String.valueOf(warning.detail()));
            warnings.putIfAbsent(
                    warning.code() + "|" + warning.detail(), new ValidationOutcome.Warning(warning.code(), arguments));
        }
    }

    /** A row that breaks a warning rule: one warning per rule, with the count and the first row. */
    void ruleWarning(ReasonCode code, int row) {
        ruleWarnings.computeIfAbsent(code, k -> new long[] {0, row})[0]++;
    }

    /** The outcome once every row is read: accepted, with quarantine, or rejected when no row was valid. */
    ValidationOutcome outcome(String period) {
        boolean truncated = rowsQuarantined > rowErrors.size();
        if (rowsAccepted == 0) {
            return ValidationOutcome.rejected(
                    ReasonCode.NO_VALID_ROWS, Map.of("rows", rowsRead), warnings(), rowErrors, truncated);
        }
        return new ValidationOutcome(
                rowsQuarantined == 0
                        ? ValidationOutcome.Status.ACCEPTED
                        : ValidationOutcome.Status.ACCEPTED_WITH_QUARANTINE,
                period,
                rowsRead,
                rowsAccepted,
                rowsQuarantined,
                null,
                Map.of(),
                warnings(),
                List.copyOf(rowErrors),
                truncated);
    }

    /** The outcome of a file rejected while it was read, with the warnings found until then. */
    ValidationOutcome rejected(Rejection rejection) {
        return ValidationOutcome.rejected(
                rejection.code(), rejection.arguments(), warnings(), rejection.rowErrors(), false);
    }

    private List<ValidationOutcome.Warning> warnings() {
        List<ValidationOutcome.Warning> list = new ArrayList<>(warnings.values());
        ruleWarnings.forEach((code, counts) ->
                list.add(new ValidationOutcome.Warning(code, Map.of("count", counts[0], "row", (int) counts[1]))));
        return list;
    }
}
