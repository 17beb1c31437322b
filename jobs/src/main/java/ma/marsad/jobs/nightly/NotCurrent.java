package ma.marsad.jobs.nightly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.lake.RegistrySnapshot;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;

/**
 * Submissions accepted by this run that are not current although no later revision replaced them, each with the
 * revision that is: a new file never loses to an older or simultaneous one silently.
 */
final class NotCurrent {

    private static final String PREFIX = "accepted but not current: ";

    private NotCurrent() {}

    static List<String> of(List<PendingSubmissions.Pending> pending, SubmissionRegistry registry) throws IOException {
        List<String> notices = new ArrayList<>();
        if (pending.isEmpty()) {
            return notices;
        }
        RegistrySnapshot snapshot = registry.snapshot();
        for (PendingSubmissions.Pending entry : pending) {
            var found = registry.find(entry.submissionId());
            if (found.isEmpty()
                    || found.get().isRejected()
                    || snapshot.isWithdrawn(entry.submissionId())
                    || snapshot.isCurrent(found.get())) {
                continue;
            }
            SubmissionRecord record = found.get();
            var current = snapshot.current().stream()
                    .filter(other -> other.partitionKey().equals(record.partitionKey()))
                    .findFirst();
            if (current.isPresent() && current.get().receivedAt().isAfter(record.receivedAt())) {
                // an older revision arriving late (a first run, a backfill) is history, not a loss
                continue;
            }
            String currentName = current.map(other -> name(other) + " (received " + other.receivedAt()
                            + (other.receivedAt().equals(record.receivedAt())
                                    ? ", the same time: the one discovered later is current"
                                    : "")
                            + ")")
                    .orElse("none");
            notices.add(PREFIX + name(record) + " (received " + record.receivedAt() + ", period " + record.period()
                    + "); current is " + currentName);
        }
        return notices;
    }

    static boolean isNotice(String notice) {
        return notice.startsWith(PREFIX);
    }

    private static String name(SubmissionRecord record) {
        return "landing/" + record.template() + "/" + record.submitter() + "/" + String.join(" + ", record.fileNames());
    }
}
