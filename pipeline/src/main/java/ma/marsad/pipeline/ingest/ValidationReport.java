package ma.marsad.pipeline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.text.VisibleText;

/**
 * The result of validating files, for people and for programs: the JSON array of the {@code validate} command, one
 * object per file in the order given, and a readable text report in French, Arabic (right to left) or English.
 *
 * <p>Names and values from the files are shown as {@link VisibleText} in the text report. The JSON keeps them exact,
 * for programs that match a name to its file, but writes every character the text report would escape as a JSON
 * escape (backslash, u, four hexadecimal digits), so the raw JSON cannot be spoofed either; its messages are display
 * text and show {@code <U+XXXX>} like the text report.
 */
public final class ValidationReport {

    /** One validated file as the user named it. */
    public record Entry(String file, String template, String submitter, ValidationOutcome outcome) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    private static final char RLM = '\u200F';
    private static final JsonFactory JSON = new JsonFactory();

    private final Messages messages;

    public ValidationReport(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The {@code validate} command's exit status: 0 all accepted, 3 some rows quarantined, 4 a file rejected. */
    public static int exitStatus(List<Entry> entries) {
        int status = 0;
        for (Entry entry : entries) {
            switch (entry.outcome().status()) {
                case REJECTED -> status = 4;
                case ACCEPTED_WITH_QUARANTINE -> status = Math.max(status, 3);
                case ACCEPTED -> {}
            }
        }
        return status;
    }

    public String json(List<Entry> entries, Language language) {
        StringWriter out = new StringWriter();
        try {
            writeJson(entries, language, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes one JSON array with one object per file; messages in {@code language}. */
    public void writeJson(List<Entry> entries, Language language, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setCharacterEscapes(UnsafeCharactersEscaped.INSTANCE);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (Entry entry : entries) {
                writeEntry(json, entry, language);
            }
            json.writeEndArray();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private void writeEntry(JsonGenerator json, Entry entry, Language language) throws IOException {
        ValidationOutcome outcome = entry.outcome();
        json.writeStartObject();
        json.writeStringField("file", entry.file());
        json.writeStringField("template", entry.template());
        json.writeStringField("submitter", entry.submitter());
        json.writeStringField("status", outcome.status().label());
        json.writeStringField("period", outcome.period());
        json.writeNumberField("rows_read", outcome.rowsRead());
        json.writeNumberField("rows_accepted", outcome.rowsAccepted());
        json.writeNumberField("rows_quarantined", outcome.rowsQuarantined());
        if (outcome.fileErrorCode() == null) {
            json.writeNullField("file_error");
        } else {
            json.writeObjectFieldStart("file_error");
            json.writeStringField("code", outcome.fileErrorCode().name());
            json.writeStringField("message", fileErrorMessage(outcome, language));
            json.writeEndObject();
        }
        json.writeArrayFieldStart("warnings");
        for (ValidationOutcome.Warning warning : outcome.warnings()) {
            json.writeStartObject();
            json.writeStringField("code", warning.code().name());
            json.writeStringField("message", messages.message(warning.code(), warning.arguments(), language));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("row_errors");
        for (RowError error : outcome.rowErrors()) {
            json.writeStartObject();
            json.writeNumberField("row", error.row());
            json.writeNumberField("line", error.line());
            json.writeStringField("cell", error.cell());
            json.writeStringField("column", error.column());
            json.writeStringField("header", error.header());
            json.writeStringField("code", error.code().name());
            json.writeStringField("value", error.value());
            json.writeStringField("message", rowErrorMessage(error, language));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeBooleanField("row_errors_truncated", outcome.rowErrorsTruncated());
        json.writeEndObject();
    }

    public String fileErrorMessage(ValidationOutcome outcome, Language language) {
        return outcome.fileErrorCode() == null
                ? null
                : messages.message(outcome.fileErrorCode(), outcome.fileErrorArguments(), language);
    }

    /** The message of a row error, with its place and value. */
    public String rowErrorMessage(RowError error, Language language) {
        Map<String, Object> arguments = new LinkedHashMap<>(error.arguments());
        arguments.putIfAbsent("row", error.row());
        arguments.putIfAbsent("line", error.line());
        if (error.cell() != null) {
            arguments.putIfAbsent("cell", error.cell());
        }
        if (error.column() != null) {
            arguments.putIfAbsent("column", error.column());
        }
        if (error.header() != null) {
            arguments.putIfAbsent("header", error.header());
        }
        if (error.value() != null) {
            arguments.putIfAbsent("value", error.value());
        }
        return messages.message(error.code(), arguments, language);
    }

    /** A report to read: per file its status, counts, file error, warnings and row errors. */
    public String text(List<Entry> entries, Language language) {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            ValidationOutcome outcome = entry.outcome();
            line(out, language, word("report.file", language) + " : " + VisibleText.of(entry.file()));
            line(
                    out,
                    language,
                    word("report.template", language) + " : " + entry.template() + " — "
                            + word("report.submitter", language) + " : " + entry.submitter());
            line(
                    out,
                    language,
                    word("report.status", language) + " : " + status(outcome.status(), language)
                            + (outcome.period() == null
                                    ? ""
                                    : " — " + word("validation.period", language) + " " + outcome.period()));
            line(
                    out,
                    language,
                    word("validation.rows_read", language) + " : " + outcome.rowsRead() + ", "
                            + word("rows.accepted", language) + " : " + outcome.rowsAccepted() + ", "
                            + word("rows.quarantined", language) + " : " + outcome.rowsQuarantined());
            if (outcome.fileErrorCode() != null) {
                line(
                        out,
                        language,
                        word("validation.file_rejected", language) + " [" + outcome.fileErrorCode() + "] "
                                + fileErrorMessage(outcome, language));
            }
            if (!outcome.warnings().isEmpty()) {
                line(out, language, word("validation.warnings", language) + " :");
                for (ValidationOutcome.Warning warning : outcome.warnings()) {
                    line(
                            out,
                            language,
                            "  - [" + warning.code() + "] "
                                    + messages.message(warning.code(), warning.arguments(), language));
                }
            }
            if (!outcome.rowErrors().isEmpty()) {
                line(
                        out,
                        language,
                        word("validation.quarantined_rows", language) + " ("
                                + outcome.rowErrors().size() + ") :");
                for (RowError error : outcome.rowErrors()) {
                    line(
                            out,
                            language,
                            "  - " + word("validation.row", language) + " " + error.row() + " [" + error.code() + "] "
                                    + rowErrorMessage(error, language));
                }
                if (outcome.rowErrorsTruncated()) {
                    String truncated = messages.phrase(
                            "validation.truncated", Map.of("max", SubmissionValidator.MAX_ROW_ERRORS), language);
                    line(out, language, "  " + truncated);
                }
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** A status in words: accepted, accepted with quarantined rows, rejected. */
    public String status(ValidationOutcome.Status status, Language language) {
        return word("status." + status.label(), language);
    }

    private String word(String key, Language language) {
        return messages.phrase(key, language);
    }

    private static void line(StringBuilder out, Language language, String text) {
        if (language.rightToLeft()) {
            out.append(RLM); // starts the paragraph right to left even when it begins with a Latin code
        }
        out.append(text).append(System.lineSeparator());
    }

    /** JSON escapes for the characters {@link VisibleText} shows as escapes, besides JSON's own. */
    private static final class UnsafeCharactersEscaped extends CharacterEscapes {

        static final UnsafeCharactersEscaped INSTANCE = new UnsafeCharactersEscaped();

        private final int[] ascii = standardAsciiEscapesForJSON();

        private UnsafeCharactersEscaped() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // a surrogate pair comes one half at a time: both halves are escaped, which JSON reads back as the pair
            return VisibleText.isEscaped(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
