package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * A submission that cannot be loaded this night for a reason outside its bytes (its landing file cannot be read, or
 * changed while it was read): nothing of it is kept, nothing is registered, and the next run tries it again.
 */
public final class SubmissionDeferredException extends IOException {

    private final ReasonCode code;
    private final String file;
    private final String detail;

    public SubmissionDeferredException(ReasonCode code, String file, String detail, Throwable cause) {
        super(code + ": " + file + ": " + detail, cause);
        this.code = code;
        this.file = file;
        this.detail = detail;
    }

    public ReasonCode code() {
        return code;
    }

    /** The landing file, as template/submitter/name. */
    public String file() {
        return file;
    }

    public String detail() {
        return detail;
    }

    /** The values the code's message names. */
    public Map<String, Object> arguments() {
        return Map.of("file", file, "detail", detail);
    }
}
