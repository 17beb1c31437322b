package ma.marsad.pipeline.warehouse;

import java.util.List;

/** Data tests failed on a new warehouse: it must not be published. */
public class DataTestFailure extends RuntimeException {

    private final List<String> failures;

    public DataTestFailure(List<String> failures) {
        super("data tests failed, the previous warehouse stays published:\n  - " + String.join("\n  - ", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
