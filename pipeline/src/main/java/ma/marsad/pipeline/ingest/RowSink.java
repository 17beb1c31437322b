package ma.marsad.pipeline.ingest;

/**
 * Receives the outcome of every row read, in file order. What a sink writes stays provisional until the caller commits
 * it: a file rejected after some rows were sent (e.g. {@code KEY_CONFLICT}) must leave nothing behind.
 */
public interface RowSink {

    void accepted(ValidRow row, String periodKey);

    /** A row that goes to quarantine; called once per row, with its first error. */
    void quarantined(RowError error);

    /** A sink that keeps nothing, for validation without loading. */
    RowSink DISCARD = new RowSink() {
        @Override
        public void accepted(ValidRow row, String periodKey) {}

        @Override
        public void quarantined(RowError error) {}
    };
}
