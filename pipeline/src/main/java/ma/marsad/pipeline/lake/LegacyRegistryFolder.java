package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code _registry/} folder of a lake written before {@code marsad.submission} was its registry: one JSON entry per
 * submission and one per withdrawal. Adopted once: every entry the tables lack is committed, in revision order, then
 * its withdrawals, as ingestion and {@code withdraw} would have (a commit the tables' history already names is
 * skipped, so a crash midway is finished by the next run); then the folder is renamed {@code _registry-adopted/}, kept
 * as it was, and read no more.
 */
final class LegacyRegistryFolder {

    private static final Logger log = LoggerFactory.getLogger(LegacyRegistryFolder.class);
    static final String ADOPTED = "_registry-adopted";

    /** A withdrawal as an entry of the folder recorded it. */
    private record WithdrawalEntry(String submissionId, String reason, Instant at) {}

    private final Lake lake;
    private final IcebergCommits iceberg;

    LegacyRegistryFolder(Lake lake, IcebergCommits iceberg) {
        this.lake = lake;
        this.iceberg = iceberg;
    }

    /** Adopts the folder if the lake has one; returns whether it had. */
    boolean adopt(IcebergCommits.Records records) throws IOException {
        Path folder = lake.registry("");
        if (!lake.exists(folder)) {
            return false;
        }
        List<SubmissionRecord> all = submissions();
        log.info("adopting the lake's {} entries of _registry/ into its table marsad.submission", all.size());
        for (SubmissionRecord record : all) {
            if (!iceberg.isCommitted(record.submissionId())) {
                iceberg.commit(record, SubmissionEntries.toJson(record), records);
            }
        }
        Map<String, String> applied = new LinkedHashMap<>();
        for (WithdrawalEntry withdrawal : withdrawals()) {
            applied.put(withdrawal.submissionId(), withdrawal.reason());
            Optional<SubmissionRecord> withdrawn = all.stream()
                    .filter(record -> record.submissionId().equals(withdrawal.submissionId()))
                    .findFirst();
            if (withdrawn.isEmpty()) {
                continue;
            }
            Optional<SubmissionRecord> nowCurrent = RegistrySnapshot.of(all, applied).current().stream()
                    .filter(record ->
                            record.partitionKey().equals(withdrawn.get().partitionKey()))
                    .findFirst();
            iceberg.withdraw(
                    withdrawn.get(),
                    nowCurrent,
                    new IcebergCommits.Withdrawal(withdrawal.reason(), withdrawal.at()),
                    SubmissionEntries.toJson(withdrawn.get()));
        }
        Path adopted = new Path(lake.root(), ADOPTED);
        if (lake.exists(adopted)) {
            adopted = new Path(lake.root(), ADOPTED + "-" + System.currentTimeMillis());
        }
        if (!lake.fileSystem().rename(folder, adopted) && lake.exists(folder)) {
            throw new IOException("could not rename " + folder + " to " + adopted + " after adopting its entries");
        }
        return true;
    }

    private List<SubmissionRecord> submissions() throws IOException {
        List<SubmissionRecord> records = new ArrayList<>();
        for (Path entry : entries("submissions")) {
            String name = entry.getName();
            records.add(SubmissionEntries.read(
                    read(entry), where(entry), name.substring(0, name.length() - ".json".length())));
        }
        records.sort(SubmissionRecord::compareRevisions);
        return records;
    }

    private List<WithdrawalEntry> withdrawals() throws IOException {
        List<WithdrawalEntry> withdrawals = new ArrayList<>();
        for (Path entry : entries("withdrawals")) {
            Map<String, Object> fields = SubmissionEntries.fields(read(entry), where(entry));
            Object at = fields.get("withdrawn_at");
            withdrawals.add(new WithdrawalEntry(
                    SubmissionEntries.requiredText(where(entry), fields, "submission_id"),
                    (String) fields.get("reason"),
                    at == null ? Instant.EPOCH : Instant.parse(at.toString())));
        }
        return withdrawals;
    }

    private List<Path> entries(String folder) throws IOException {
        Path directory = lake.registry(folder);
        if (!lake.exists(directory)) {
            return List.of();
        }
        FileStatus[] statuses = lake.fileSystem().listStatus(directory);
        Arrays.sort(statuses, Comparator.comparing(status -> status.getPath().getName()));
        List<Path> entries = new ArrayList<>();
        for (FileStatus status : statuses) {
            if (status.isFile() && status.getPath().getName().endsWith(".json")) {
                entries.add(status.getPath());
            }
        }
        return entries;
    }

    private String read(Path entry) throws IOException {
        try (InputStream in = lake.fileSystem().open(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String where(Path entry) {
        return "registry entry " + (lake.isLocal() ? entry.toUri().getPath() : entry.toString());
    }
}
