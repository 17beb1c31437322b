package ma.marsad.pipeline.lake;

import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * Keeps every accepted partition file in {@code staging/}, where it was committed: the lake's Iceberg snapshots name
 * files by their path, so a superseded revision no longer moves. Lakes written before the Iceberg tables filed
 * superseded partitions under {@code history/}; filing brings them back, idempotently.
 */
public final class PartitionFiler {

    private final Lake lake;

    public PartitionFiler(Lake lake) {
        this.lake = lake;
    }

    /** Moves accepted partition files left under {@code history/} back to {@code staging/}; returns how many moved. */
    public int file(RegistrySnapshot snapshot) throws IOException {
        int moved = 0;
        for (SubmissionRecord record : snapshot.accepted()) {
            if (record.stagingFile() != null) {
                moved += lake.move(
                                new Path(lake.root(), "history/" + record.stagingFile()),
                                new Path(lake.root(), "staging/" + record.stagingFile()))
                        ? 1
                        : 0;
            }
        }
        return moved;
    }

    /** Where an accepted partition's file is, current or not. */
    public Path location(RegistrySnapshot snapshot, SubmissionRecord record) {
        return new Path(lake.root(), "staging/" + record.stagingFile());
    }
}
