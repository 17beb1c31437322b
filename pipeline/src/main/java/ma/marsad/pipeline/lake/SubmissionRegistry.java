package ma.marsad.pipeline.lake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of truth for what the lake holds: one small JSON file per submission in {@code _registry/submissions/},
 * and one per withdrawal in {@code _registry/withdrawals/}, each written once the submission is committed to the
 * lake's Iceberg tables ({@link IcebergLake}); which revision of a partition is current is derived from the entries,
 * never stored, so the registry is append-only.
 */
public final class SubmissionRegistry {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRegistry.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final String NOT_AN_OBJECT = "not a JSON object";

    private final Lake lake;
    private final IcebergLake tables;
    private final IcebergCommits iceberg;

    /** The registry of a lake whose Iceberg tables are in the Hadoop catalog under the lake. */
    public SubmissionRegistry(Lake lake) {
        this(IcebergLake.open(lake, null));
    }

    public SubmissionRegistry(IcebergLake tables) {
        this.lake = tables.lake();
        this.tables = tables;
        this.iceberg = new IcebergCommits(tables);
    }

    public boolean contains(String submissionId) throws IOException {
        return find(submissionId).isPresent();
    }

    /**
     * Commits a submission: first to the lake's Iceberg tables (the moment it becomes visible to every engine), then
     * its entry here, written under a temporary name and renamed into place. A crash between the two is repaired by
     * {@link #find}, which rewrites the entry from the committed snapshot.
     */
    public void commit(SubmissionRecord record) throws IOException {
        String entry = entryJson(record);
        long start = System.nanoTime();
        iceberg.commit(record, entry, this::find);
        log.debug(
                "committed submission {} to the lake's Iceberg tables in {} ms",
                record.submissionId(),
                (System.nanoTime() - start) / 1_000_000);
        writeEntry(record.submissionId(), entry);
    }

    private void writeEntry(String submissionId, String entry) throws IOException {
        Path temporary = lake.temporary("registry-" + submissionId + ".json");
        try (OutputStream out = lake.fileSystem().create(temporary, true)) {
            out.write(entry.getBytes(StandardCharsets.UTF_8));
        }
        lake.publish(temporary, entry(submissionId));
    }

    private static String entryJson(SubmissionRecord record) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("submission_id", record.submissionId());
            json.writeStringField("template", record.template());
            json.writeStringField("submitter", record.submitter());
            json.writeArrayFieldStart("file_names");
            for (String name : record.fileNames()) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeStringField("received_at", record.receivedAt().toString());
            json.writeStringField("status", record.status());
            json.writeStringField("period", record.period());
            json.writeNumberField("rows_read", record.rowsRead());
            json.writeNumberField("rows_accepted", record.rowsAccepted());
            json.writeNumberField("rows_quarantined", record.rowsQuarantined());
            json.writeStringField("file_error_code", record.fileErrorCode());
            json.writeStringField("file_error_message", record.fileErrorMessage());
            json.writeStringField("staging_file", record.stagingFile());
            json.writeStringField("quarantine_file", record.quarantineFile());
            if (record.stagingBytes() != null) {
                json.writeNumberField("staging_bytes", record.stagingBytes());
            }
            if (record.quarantineBytes() != null) {
                json.writeNumberField("quarantine_bytes", record.quarantineBytes());
            }
            if (record.discoveredAt() != null) {
                json.writeStringField("discovered_at", record.discoveredAt().toString());
                json.writeNumberField("discovery_order", record.discoveryOrder());
            }
            json.writeEndObject();
        }
        return text.toString();
    }

    /**
     * Withdraws a submission: its rows leave the current snapshot of its template's Iceberg table (the revision it
     * replaced, if any, comes back) in one commit, then the withdrawal entry is written; its rows stay in history.
     */
    public void withdraw(String submissionId, String reason, Instant at) throws IOException {
        SubmissionRecord withdrawn = find(submissionId)
                .orElseThrow(() -> new IllegalArgumentException("no submission " + submissionId + " in the registry"));
        Map<String, String> withdrawals = new LinkedHashMap<>(withdrawals());
        withdrawals.put(submissionId, reason);
        Optional<SubmissionRecord> nowCurrent = RegistrySnapshot.of(all(), withdrawals).current().stream()
                .filter(record -> record.partitionKey().equals(withdrawn.partitionKey()))
                .findFirst();
        iceberg.withdraw(withdrawn, nowCurrent);
        Path temporary = lake.temporary("withdrawal-" + submissionId + ".json");
        try (OutputStream out = lake.fileSystem().create(temporary, true);
                JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("submission_id", submissionId);
            json.writeStringField("reason", reason);
            json.writeStringField("withdrawn_at", at.toString());
            json.writeEndObject();
        }
        lake.publish(temporary, lake.registry("withdrawals/" + submissionId + ".json"));
    }

    /** Every submission ever registered, in revision order. */
    public List<SubmissionRecord> all() throws IOException {
        List<SubmissionRecord> records = new ArrayList<>();
        for (Path entry : entries("submissions")) {
            records.add(readRecord(entry));
        }
        records.sort(SubmissionRecord::compareRevisions);
        return records;
    }

    /** Withdrawn submission ids with their reasons. */
    public Map<String, String> withdrawals() throws IOException {
        Map<String, String> withdrawn = new LinkedHashMap<>();
        for (Path entry : entries("withdrawals")) {
            Map<String, Object> fields = readFields(entry);
            String submissionId = requiredText(entry, fields, "submission_id");
            withdrawn.put(submissionId, (String) fields.get("reason"));
        }
        return withdrawn;
    }

    /**
     * The submissions and which revision of each partition is current, with the lake tables' snapshots pinned first
     * (a table commit precedes its entry, so every submission the pinned snapshots hold has its entry read here).
     */
    public RegistrySnapshot snapshot() throws IOException {
        LakeSnapshots pinned = LakeSnapshots.of(tables);
        return RegistrySnapshot.of(all(), withdrawals(), pinned);
    }

    /**
     * The submission's entry; one committed to the Iceberg tables whose entry a crash kept from being written gets it
     * written now, from the committed snapshot.
     */
    public Optional<SubmissionRecord> find(String submissionId) throws IOException {
        Path entry = entry(submissionId);
        if (!lake.exists(entry)) {
            Optional<String> committed = iceberg.committedEntry(submissionId);
            if (committed.isEmpty()) {
                return Optional.empty();
            }
            writeEntry(submissionId, committed.get());
        }
        return Optional.of(readRecord(entry));
    }

    private Path entry(String submissionId) {
        return lake.registry("submissions/" + submissionId + ".json");
    }

    private List<Path> entries(String folder) throws IOException {
        Path directory = lake.registry(folder);
        if (!lake.exists(directory)) {
            return List.of();
        }
        FileStatus[] statuses = lake.fileSystem().listStatus(directory);
        java.util.Arrays.sort(
                statuses, Comparator.comparing(status -> status.getPath().getName()));
        List<Path> entries = new ArrayList<>();
        for (FileStatus status : statuses) {
            if (status.isFile() && status.getPath().getName().endsWith(".json")) {
                entries.add(status.getPath());
            }
        }
        return entries;
    }

    /**
     * Reads one entry; a damaged one fails the run naming its path rather than being skipped, since skipping a commit
     * record would silently drop its submission from the warehouse.
     */
    private SubmissionRecord readRecord(Path entry) throws IOException {
        Map<String, Object> fields = readFields(entry);
        String submissionId = requiredText(entry, fields, "submission_id");
        if (!entry.getName().equals(submissionId + ".json")) {
            throw damaged(entry, "it names submission " + submissionId + ", not the one of its file name");
        }
        requiredText(entry, fields, "template");
        requiredText(entry, fields, "submitter");
        requiredText(entry, fields, "received_at");
        if (!"rejected".equals(requiredText(entry, fields, "status"))) {
            requiredText(entry, fields, "period");
            requiredText(entry, fields, "staging_file");
        }
        try {
            return toRecord(fields);
        } catch (RuntimeException e) {
            throw damaged(entry, String.valueOf(e.getMessage()));
        }
    }

    private Map<String, Object> readFields(Path entry) throws IOException {
        try (InputStream in = lake.fileSystem().open(entry)) {
            return readObject(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw damaged(entry, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(NOT_AN_OBJECT)) {
                throw damaged(entry, e.getMessage());
            }
            throw e;
        }
    }

    private String requiredText(Path entry, Map<String, Object> fields, String name) throws IOException {
        if (!(fields.get(name) instanceof String text) || text.isBlank()) {
            throw damaged(entry, "field '" + name + "' is missing or not a text");
        }
        return text;
    }

    private IOException damaged(Path entry, String problem) {
        String where = lake.isLocal() ? entry.toUri().getPath() : entry.toString();
        return new IOException("registry entry " + where + " is damaged: " + problem + ". Fix: restore it from a backup"
                + " of the lake, then run again (deleted, its submission is missing until a new run ingests the landing"
                + " file again)");
    }

    private static Map<String, Object> readObject(InputStream in) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(NOT_AN_OBJECT);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    List<String> values = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        values.add(parser.getText());
                    }
                    fields.put(name, values);
                } else if (token == JsonToken.VALUE_NULL) {
                    fields.put(name, null);
                } else if (token == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, parser.getLongValue());
                } else {
                    fields.put(name, parser.getText());
                }
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static SubmissionRecord toRecord(Map<String, Object> fields) {
        return new SubmissionRecord(
                (String) fields.get("submission_id"),
                (String) fields.get("template"),
                (String) fields.get("submitter"),
                (List<String>) fields.getOrDefault("file_names", List.of()),
                Instant.parse((String) fields.get("received_at")),
                (String) fields.get("status"),
                (String) fields.get("period"),
                (Long) fields.getOrDefault("rows_read", 0L),
                (Long) fields.getOrDefault("rows_accepted", 0L),
                (Long) fields.getOrDefault("rows_quarantined", 0L),
                (String) fields.get("file_error_code"),
                (String) fields.get("file_error_message"),
                (String) fields.get("staging_file"),
                (String) fields.get("quarantine_file"),
                (Long) fields.get("staging_bytes"),
                (Long) fields.get("quarantine_bytes"),
                fields.get("discovered_at") == null ? null : Instant.parse((String) fields.get("discovered_at")),
                (Long) fields.getOrDefault("discovery_order", 0L));
    }
}
