package ma.marsad.pipeline.ingest;

import java.util.HashMap;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;

/** A file that cannot be loaded at all; carries the reason code and the values the submitter's message needs. */
public class FileRejectedException extends Exception {

    private final ReasonCode code;
    private final Map<String, Object> arguments;

    public FileRejectedException(ReasonCode code, String detail, Map<String, Object> arguments) {
        super(code + ": " + detail);
        this.code = code;
        HashMap<String, Object> withDetail = new HashMap<>(arguments);
        withDetail.putIfAbsent("detail", detail);
        this.arguments = Map.copyOf(withDetail);
    }

    public FileRejectedException(ReasonCode code, String detail) {
        this(code, detail, Map.of("detail", detail));
    }

    public ReasonCode code() {
        return code;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }
}
