package ma.marsad.pipeline.lake;

import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * Keeps {@code staging/} holding current partitions only: after the registry commits a revision, the partition it
 * supersedes moves to {@code history/} (and back, should a withdrawal make it current again). Idempotent, so a crash
 * between the registry commit and the move is repaired by the next run.
 */
public final class PartitionFiler {

    private final Lake lake;

    public PartitionFiler(Lake lake) {
        this.lake = lake;
    }

    /** Moves every accepted partition file to where the snapshot says it belongs; returns how many moved. */
    public int file(RegistrySnapshot snapshot) throws IOException {
        int moved = 0;
        for (SubmissionRecord record : snapshot.accepted()) {
            if (record.stagingFile() == null) {
                continue;
            }
            Path staging = new Path(lake.root(), "staging/" + record.stagingFile());
            Path history = new Path(lake.root(), "history/" + record.stagingFile());
            if (snapshot.isCurrent(record)) {
                moved += lake.move(history, staging) ? 1 : 0;
            } else {
                moved += lake.move(staging, history) ? 1 : 0;
            }
        }
        return moved;
    }

    /** Where an accepted partition's file is, given the snapshot. */
    public Path location(RegistrySnapshot snapshot, SubmissionRecord record) {
        String folder = snapshot.isCurrent(record) ? "staging/" : "history/";
        return new Path(lake.root(), folder + record.stagingFile());
    }
}
