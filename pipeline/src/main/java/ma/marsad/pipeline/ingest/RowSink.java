package ma.marsad.pipeline.ingest;

import ma.marsad.pipeline.lake.StagingRows;

/**
 * Receives the outcome of every row read, in file order: accepted rows in blocks, each quarantined row as it is found.
 * What a sink writes stays provisional until the caller commits it: a file rejected after some rows were sent (e.g.
 * {@code KEY_CONFLICT}) must leave nothing behind.
 */
public interface RowSink {

    /** Accepted rows, all of this period; the block is reused once the call returns, so a sink copies what it keeps. */
    void accepted(StagingRows rows, String periodKey);

    /**
     * A row that goes to quarantine; called once per row, with its first error and its cells as submitted (a sink that
     * keeps them writes them out in blocks: a file may have millions of bad rows).
     */
    void quarantined(RowError error, SubmittedCells cells);

    /** A sink that keeps nothing, for validation without loading. */
    RowSink DISCARD = new RowSink() {
        @Override
        public void accepted(StagingRows rows, String periodKey) {}

        @Override
        public void quarantined(RowError error, SubmittedCells cells) {}
    };
}
