package ma.marsad.pipeline.lake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.template.ColumnType;

/**
 * A submission's record as JSON: the {@code registry_entry} of its row in {@code marsad.submission}, and the format of
 * the {@code _registry/} entries of lakes older than their tables. A damaged entry fails naming where it was read,
 * never skipped: skipping it would silently drop its submission from the warehouse.
 */
final class SubmissionEntries {

    private static final JsonFactory JSON = new JsonFactory();

    private SubmissionEntries() {}

    static String toJson(SubmissionRecord record) throws IOException {
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
     * The record of a submission's entry.
     *
     * @param where what the entry is, for a message (a file, or a row of a table)
     * @param expectedId the submission the entry must name (its file's name)
     */
    static SubmissionRecord read(String json, String where, String expectedId) throws IOException {
        Map<String, Object> fields = fields(json, where);
        String submissionId = requiredText(where, fields, "submission_id");
        if (!submissionId.equals(expectedId)) {
            throw damaged(where, "it names submission " + submissionId + ", not " + expectedId);
        }
        requiredText(where, fields, "template");
        requiredText(where, fields, "submitter");
        requiredText(where, fields, "received_at");
        if (!"rejected".equals(requiredText(where, fields, "status"))) {
            requiredText(where, fields, "period");
            requiredText(where, fields, "staging_file");
        }
        try {
            return toRecord(fields);
        } catch (RuntimeException e) {
            throw damaged(where, String.valueOf(e.getMessage()));
        }
    }

    /** The fields of a JSON object, arrays as lists of texts and whole numbers as longs. */
    static Map<String, Object> fields(String json, String where) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw damaged(where, "not a JSON object");
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
        } catch (JsonProcessingException e) {
            throw damaged(where, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return fields;
    }

    static String requiredText(String where, Map<String, Object> fields, String name) throws IOException {
        if (!(fields.get(name) instanceof String text) || text.isBlank()) {
            throw damaged(where, "field '" + name + "' is missing or not a text");
        }
        return text;
    }

    static IOException damaged(String where, String problem) {
        return new IOException(where + " is damaged: " + problem + ". Fix: restore it from a backup of the lake, then"
                + " run again (deleted, its submission is missing until a new run ingests the landing file again)");
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
        Long templateVersion = (Long) values.get("template_version");
        return new SubmissionRecord(
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
                (Long) fields.getOrDefault("discovery_order", 0L),
                templateVersion == null ? null : templateVersion.intValue());
    }

    private static long count(Map<String, Object> values, String name) {
        return values.get(name) == null ? 0L : (Long) values.get(name);
    }
}
