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
import ma.marsad.pipeline.template.ColumnType;
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
            for (SubmissionColumns.Column column : SubmissionColumns.COLUMNS) {
                writeField(json, column.entryKey(), column.value().apply(record));
            }
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

    private static void writeField(JsonGenerator json, String key, Object value) throws IOException {
        if (value instanceof List<?> list) {
            json.writeArrayFieldStart(key);
            for (Object item : list) {
                json.writeString(String.valueOf(item));
            }
            json.writeEndArray();
        } else if (value instanceof Long number) {
            json.writeNumberField(key, number);
        } else {
            json.writeStringField(key, value == null ? null : value.toString());
        }
    }

    /**
     * Withdraws a submission: its rows leave the current snapshot of its template's Iceberg table (the revision it
     * replaced, if any, comes back) in one commit, its row in {@code marsad.submission} is replaced by one saying it is
     * withdrawn in another, then the withdrawal entry is written; its rows stay in history.
     */
    public void withdraw(String submissionId, String reason, Instant at) throws IOException {
        SubmissionRecord withdrawn = find(submissionId)
                .orElseThrow(() -> new IllegalArgumentException("no submission " + submissionId + " in the registry"));
        Map<String, String> withdrawals = new LinkedHashMap<>(withdrawals());
        withdrawals.put(submissionId, reason);
        Optional<SubmissionRecord> nowCurrent = RegistrySnapshot.of(all(), withdrawals).current().stream()
                .filter(record -> record.partitionKey().equals(withdrawn.partitionKey()))
                .findFirst();
        iceberg.withdraw(withdrawn, nowCurrent, new IcebergCommits.Withdrawal(reason, at), entryJson(withdrawn));
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
        List<SubmissionRecord> all = all();
        Map<String, String> withdrawals = withdrawals();
        if (pinned.submissionRows() < all.size()) {
            commitEntriesTheTablesLack(all, withdrawals);
            pinned = LakeSnapshots.of(tables);
        }
        return RegistrySnapshot.of(all, withdrawals, pinned);
    }

    /**
     * A lake written before its Iceberg tables has entries no table lists: they are committed once, in revision order,
     * then its withdrawals, as ingestion and {@code withdraw} would have (a commit the history already names is
     * skipped, so a crash midway is finished by the next run).
     */
    private void commitEntriesTheTablesLack(List<SubmissionRecord> all, Map<String, String> withdrawals)
            throws IOException {
        log.info("the lake's Iceberg tables lack some of its {} registry entries: committing them once", all.size());
        for (SubmissionRecord record : all) {
            iceberg.commit(record, entryJson(record), this::find);
        }
        Map<String, String> applied = new LinkedHashMap<>();
        for (Map.Entry<String, String> withdrawal : withdrawals.entrySet()) {
            applied.put(withdrawal.getKey(), withdrawal.getValue());
            SubmissionRecord withdrawn = all.stream()
                    .filter(record -> record.submissionId().equals(withdrawal.getKey()))
                    .findFirst()
                    .orElse(null);
            if (withdrawn == null) {
                continue;
            }
            Optional<SubmissionRecord> nowCurrent = RegistrySnapshot.of(all, applied).current().stream()
                    .filter(record -> record.partitionKey().equals(withdrawn.partitionKey()))
                    .findFirst();
            iceberg.withdraw(
                    withdrawn,
                    nowCurrent,
                    new IcebergCommits.Withdrawal(withdrawal.getValue(), withdrawnAt(withdrawal.getKey())),
                    entryJson(withdrawn));
        }
    }

    private Instant withdrawnAt(String submissionId) throws IOException {
        Object at = readFields(lake.registry("withdrawals/" + submissionId + ".json"))
                .get("withdrawn_at");
        return at == null ? Instant.EPOCH : Instant.parse(at.toString());
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

    /** A record from an entry's fields; fields an older entry lacks read as null (numbers as 0). */
    @SuppressWarnings("unchecked")
    private static SubmissionRecord toRecord(Map<String, Object> fields) {
        Map<String, Object> values = new HashMap<>();
        for (SubmissionColumns.Column column : SubmissionColumns.COLUMNS) {
            Object value = fields.get(column.entryKey());
            if (column.column().type() == ColumnType.DATETIME && value != null) {
                value = Instant.parse((String) value);
            }
            values.put(column.name(), value);
        }
        SubmissionRecord record = new SubmissionRecord(
                (String) values.get("submission_id"),
                (String) values.get("template_id"),
                (String) values.get("submitter"),
                values.get("file_names") == null ? List.of() : (List<String>) values.get("file_names"),
                (Instant) values.get("received_at"),
                (String) values.get("status"),
                (String) values.get("period"),
                count(values, "rows_read"),
                count(values, "rows_accepted"),
                count(values, "rows_quarantined"),
                (String) values.get("file_error_code"),
                (String) values.get("file_error_message"),
                (String) values.get("file_error_message_ar"),
                (String) values.get("file_error_message_en"),
                (String) values.get("staging_file"),
                (String) values.get("quarantine_file"),
                (Long) fields.get("staging_bytes"),
                (Long) fields.get("quarantine_bytes"),
                fields.get("discovered_at") == null ? null : Instant.parse((String) fields.get("discovered_at")),
                (Long) fields.getOrDefault("discovery_order", 0L));
        Long templateVersion = (Long) values.get("template_version");
        return templateVersion == null ? record : record.withTemplateVersion(templateVersion.intValue());
    }

    private static long count(Map<String, Object> values, String name) {
        return values.get(name) == null ? 0L : (Long) values.get(name);
    }
}
