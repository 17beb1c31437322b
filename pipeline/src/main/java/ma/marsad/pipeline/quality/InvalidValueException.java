package ma.marsad.pipeline.quality;

import java.util.Map;

/**
 * A value that breaks a rule. It is data, not a failure: it carries the reason code and the values the submitter's
 * message needs, and no stack trace, because millions of rows may raise it.
 */
public final class InvalidValueException extends Exception {

    private final ReasonCode code;
    private final Map<String, Object> arguments;

    public InvalidValueException(ReasonCode code, Map<String, Object> arguments) {
        super(code.name() + " " + arguments, null, false, false);
        this.code = code;
        this.arguments = Map.copyOf(arguments);
    }

    public InvalidValueException(ReasonCode code) {
        this(code, Map.of());
    }

    public ReasonCode code() {
        return code;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }
}
