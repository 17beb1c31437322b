package ma.marsad.jobs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The one line a command prints on standard error when it fails: plain text, or with {@code --log-format json} an
 * ECS JSON object like the log's, so that a log collector reading standard error never meets a line it cannot parse.
 */
public final class ErrorLines {

    private ErrorLines() {}

    public static String format(String message, boolean json) {
        if (!json) {
            return message;
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("@timestamp", Instant.now().toString());
            out.writeObjectFieldStart("log");
            out.writeStringField("level", "ERROR");
            out.writeStringField("logger", "marsad");
            out.writeEndObject();
            out.writeStringField("message", message);
            out.writeObjectFieldStart("ecs");
            out.writeStringField("version", "8.11");
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
