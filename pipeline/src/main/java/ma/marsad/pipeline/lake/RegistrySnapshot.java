package ma.marsad.pipeline.lake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry at one moment, with validity derived from it: per (template, submitter, period) the latest accepted,
 * not withdrawn revision is current; each revision is valid from its received time until the next one's.
 */
public final class RegistrySnapshot {

    private final List<SubmissionRecord> records;
    private final Map<String, Validity> validity;
    private final Map<String, String> withdrawals;
    private final LakeSnapshots tables;

    private RegistrySnapshot(
            List<SubmissionRecord> records,
            Map<String, Validity> validity,
            Map<String, String> withdrawals,
            LakeSnapshots tables) {
        this.records = records;
        this.validity = validity;
        this.withdrawals = withdrawals;
        this.tables = tables;
    }

    /** Validity of one accepted revision; {@code validTo} is null while it is current. */
    public record Validity(Instant validFrom, Instant validTo, boolean current) {}

    static RegistrySnapshot of(List<SubmissionRecord> recordsInRevisionOrder, Map<String, String> withdrawals) {
        return of(recordsInRevisionOrder, withdrawals, LakeSnapshots.none());
    }

    static RegistrySnapshot of(
            List<SubmissionRecord> recordsInRevisionOrder, Map<String, String> withdrawals, LakeSnapshots tables) {
        Map<String, List<SubmissionRecord>> byPartition = new LinkedHashMap<>();
        for (SubmissionRecord record : recordsInRevisionOrder) {
            if (!record.isRejected()) {
                byPartition
                        .computeIfAbsent(record.partitionKey(), key -> new ArrayList<>())
                        .add(record);
            }
        }
        Map<String, Validity> validity = new HashMap<>();
        for (List<SubmissionRecord> revisions : byPartition.values()) {
            List<SubmissionRecord> live = revisions.stream()
                    .filter(record -> !withdrawals.containsKey(record.submissionId()))
                    .toList();
            for (SubmissionRecord record : revisions) {
                int index = live.indexOf(record);
                if (index < 0) {
                    validity.put(record.submissionId(), new Validity(record.receivedAt(), record.receivedAt(), false));
                    continue;
                }
                Instant validTo = index + 1 < live.size() ? live.get(index + 1).receivedAt() : null;
                validity.put(record.submissionId(), new Validity(record.receivedAt(), validTo, validTo == null));
            }
        }
        return new RegistrySnapshot(List.copyOf(recordsInRevisionOrder), validity, Map.copyOf(withdrawals), tables);
    }

    /** The lake tables' snapshots, pinned just before the registry was read: what a warehouse is built from. */
    public LakeSnapshots tables() {
        return tables;
    }

    /** Every submission, in revision order. */
    public List<SubmissionRecord> records() {
        return records;
    }

    /** Accepted revisions that are current, in revision order. */
    public List<SubmissionRecord> current() {
        return records.stream().filter(this::isCurrent).toList();
    }

    /** Every accepted revision, current or superseded. */
    public List<SubmissionRecord> accepted() {
        return records.stream().filter(record -> !record.isRejected()).toList();
    }

    public boolean isCurrent(SubmissionRecord record) {
        Validity v = validity.get(record.submissionId());
        return v != null && v.current();
    }

    /** Validity of an accepted revision, or null for a rejected submission. */
    public Validity validity(SubmissionRecord record) {
        return validity.get(record.submissionId());
    }

    public boolean isWithdrawn(String submissionId) {
        return withdrawals.containsKey(submissionId);
    }
}
