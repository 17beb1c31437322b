package ma.marsad.pipeline.ingest;

import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * A file-level problem found while a submission is validated: it unwinds to {@link SubmissionValidator}, which rejects
 * the submission with its code, the values of its message and the row errors that explain it ({@code KEY_CONFLICT}
 * names both rows).
 */
final class Rejection extends Exception {

    private final ReasonCode code;
    private final Map<String, Object> arguments;
    private final List<RowError> rowErrors;

    Rejection(ReasonCode code, Map<String, Object> arguments, List<RowError> rowErrors) {
        super(code.name(), null, false, false);
        this.code = code;
        this.arguments = arguments;
        this.rowErrors = rowErrors;
    }

    Rejection(ReasonCode code, Map<String, Object> arguments) {
        this(code, arguments, List.of());
    }

    ReasonCode code() {
        return code;
    }

    Map<String, Object> arguments() {
        return arguments;
    }

    List<RowError> rowErrors() {
        return rowErrors;
    }
}
