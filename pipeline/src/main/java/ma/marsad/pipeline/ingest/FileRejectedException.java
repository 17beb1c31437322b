package ma.marsad.pipeline.ingest;

import java.util.Map;

/** A file that cannot be loaded at all; carries the reason code and the values the submitter's message needs. */
public class FileRejectedException extends Exception {

    private final String code;
    private final Map<String, Object> arguments;

    public FileRejectedException(String code, String detail, Map<String, Object> arguments) {
        super(code + ": " + detail);
        this.code = code;
        java.util.HashMap<String, Object> withDetail = new java.util.HashMap<>(arguments);
        withDetail.putIfAbsent("detail", detail);
        this.arguments = Map.copyOf(withDetail);
    }

    public FileRejectedException(String code, String detail) {
        this(code, detail, Map.of("detail", detail));
    }

    public String code() {
        return code;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }
}
