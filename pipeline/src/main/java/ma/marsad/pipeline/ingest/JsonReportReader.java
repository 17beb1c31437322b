package ma.marsad.pipeline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;

/**
 * Streams a JSON report: one array of objects, or NDJSON (objects one after another), told apart by the first token.
 *
 * <p>Each element becomes a row whose cells follow {@link ReaderSettings#jsonFields()}: a missing field gives a cell
 * with null text and value, an explicit {@code null} the value {@link RawCell#JSON_NULL}, a number a {@link
 * java.math.BigDecimal} (text: the token as written), a string a {@code String}, a boolean a {@code Boolean}, and a
 * nested object or array its JSON text with no value. Other fields are ignored. An element that is not an object is a
 * row with the error {@code NOT_AN_OBJECT}.
 *
 * <p>References are JSON pointers with the 0-based element index ({@code /12/amount_mad} is the 13th element, row 13),
 * for NDJSON too; {@code line} is the physical line where the element starts.
 */
final class JsonReportReader implements ReportReader {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 1000;

    /** Nested values are kept as text up to this length; longer ones are cut (validation rejects them anyway). */
    static final int MAX_NESTED_TEXT = 10_001;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonParser parser;
    private final List<String> fields;
    private final ReaderLimits limits;
    private final Map<String, Integer> fieldIndexes = new HashMap<>();
    private final String[] pointerSuffixes;

    private boolean started;
    private boolean arrayMode;
    private boolean firstElementPending;
    private boolean ended;
    private int elementIndex;
    private RawRow pending;

    private JsonReportReader(JsonParser parser, List<String> fields, ReaderLimits limits) {
        this.parser = parser;
        this.fields = fields;
        this.limits = limits;
        this.pointerSuffixes = new String[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            fieldIndexes.putIfAbsent(fields.get(i), i);
            pointerSuffixes[i] = "/" + fields.get(i).replace("~", "~0").replace("/", "~1");
        }
    }

    static JsonReportReader open(Path file, ReaderSettings settings) {
        if (settings.jsonFields() == null) {
            throw new IllegalArgumentException("A JSON template must list its field names (jsonFields)");
        }
        try {
            return new JsonReportReader(
                    factory(settings.limits()).createParser(file.toFile()),
                    List.copyOf(settings.jsonFields()),
                    settings.limits());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A parser factory whose strings are capped like a cell: a longer one is never held whole. */
    private static JsonFactory factory(ReaderLimits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(limits.maxCellChars())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    @Override
    public List<String> header() throws FileRejectedException {
        start();
        return fields;
    }

    @Override
    public RawRow next() throws FileRejectedException {
        start();
        RawRow row = pending;
        if (row != null) {
            pending = readElement();
        }
        return row;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only input: nothing to lose
        }
    }

    private void start() throws FileRejectedException {
        if (started) {
            return;
        }
        started = true;
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                arrayMode = true;
            } else if (first == JsonToken.START_OBJECT) {
                firstElementPending = true;
            } else if (first != null) {
                throw new FileRejectedException(
                        ReasonCode.NOT_JSON,
                        "the file starts with " + first.asString() + ", not an array or an object",
                        Map.of("detail", String.valueOf(first.asString()), "line", 1));
            }
        } catch (IOException | RuntimeException e) {
            throw classify(e);
        }
        pending = first();
    }

    private RawRow first() throws FileRejectedException {
        RawRow row = parser.currentToken() == null ? null : readElement();
        if (row == null) {
            throw new FileRejectedException(
                    ReasonCode.NO_DATA, "the file holds no JSON element", Map.of("detail", "empty"));
        }
        return row;
    }

    private RawRow readElement() throws FileRejectedException {
        if (ended) {
            return null;
        }
        try {
            JsonToken token;
            if (firstElementPending) {
                firstElementPending = false;
                token = parser.currentToken();
            } else {
                token = parser.nextToken();
            }
            if (token == null || (arrayMode && token == JsonToken.END_ARRAY)) {
                ended = true;
                if (token != null && parser.nextToken() != null) {
                    throw new FileRejectedException(
                            ReasonCode.NOT_JSON,
                            "there is more content after the closing ']' on line "
                                    + lineOf(parser.currentTokenLocation()),
                            Map.of("line", lineOf(parser.currentTokenLocation())));
                }
                return null;
            }
            int index = elementIndex++;
            int line = lineOf(parser.currentTokenLocation());
            String rowRef = "/" + index;
            if (index >= limits.maxRows()) {
                throw new FileRejectedException(
                        ReasonCode.TOO_MANY_ROWS,
                        "the file has more than " + limits.maxRows() + " elements",
                        Map.of("max", limits.maxRows()));
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new RawRow(
                        index + 1,
                        line,
                        List.of(),
                        rowRef,
                        new RawCell.ReasonCodeRef(
                                ReasonCode.NOT_AN_OBJECT, "element " + rowRef + " is " + token.name()));
            }
            RawCell[] cells = new RawCell[fields.size()];
            JsonToken fieldToken;
            int fieldCount = 0;
            while ((fieldToken = parser.nextToken()) == JsonToken.FIELD_NAME) {
                if (++fieldCount > limits.maxColumns()) {
                    // the parser remembers every name of an object to find duplicates: stop before it holds too many
                    throw new FileRejectedException(
                            ReasonCode.TOO_MANY_COLUMNS,
                            "element " + rowRef + " has more than " + limits.maxColumns() + " fields",
                            Map.of("cell", rowRef, "max", limits.maxColumns()));
                }
                Integer column = fieldIndexes.get(parser.currentName());
                JsonToken valueToken = parser.nextToken();
                if (column == null) {
                    parser.skipChildren();
                } else {
                    cells[column] = cell(valueToken, rowRef + pointerSuffixes[column]);
                }
            }
            if (fieldToken != JsonToken.END_OBJECT) {
                throw new FileRejectedException(
                        ReasonCode.NOT_JSON,
                        "unexpected " + fieldToken + " in element " + rowRef,
                        Map.of("line", line));
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null) {
                    cells[i] = new RawCell(null, null, rowRef + pointerSuffixes[i], null);
                }
            }
            return new RawRow(index + 1, line, Collections.unmodifiableList(Arrays.asList(cells)), rowRef, null);
        } catch (IOException | RuntimeException e) {
            ended = true;
            throw classify(e);
        }
    }

    private RawCell cell(JsonToken token, String ref) throws IOException {
        return switch (token) {
            case VALUE_STRING -> {
                String text = parser.getText();
                yield new RawCell(text, text, ref, null);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                Object number;
                try {
                    number = parser.getDecimalValue();
                } catch (NumberFormatException | StreamConstraintsException e) {
                    // an exponent beyond BigDecimal's range: keep the text, validation rejects the untyped value
                    number = null;
                }
                yield new RawCell(text, number, ref, null);
            }
            case VALUE_TRUE -> new RawCell("true", Boolean.TRUE, ref, null);
            case VALUE_FALSE -> new RawCell("false", Boolean.FALSE, ref, null);
            case VALUE_NULL -> new RawCell(null, RawCell.JSON_NULL, ref, null);
            case START_OBJECT, START_ARRAY -> new RawCell(nestedText(), null, ref, null);
            default -> throw new JsonProcessingException("unexpected " + token + " at " + ref) {};
        };
    }

    private String nestedText() throws IOException {
        BoundedWriter out = new BoundedWriter(MAX_NESTED_TEXT);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? -1 : location.getLineNr();
    }

    private FileRejectedException classify(Exception failure) {
        if (failure instanceof FileRejectedException rejected) {
            return rejected;
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        arguments.put("detail", firstLine);
        if (failure instanceof JsonProcessingException json && json.getLocation() != null) {
            arguments.put("line", json.getLocation().getLineNr());
            arguments.put("column", json.getLocation().getColumnNr());
            arguments.put("byte_offset", json.getLocation().getByteOffset());
            arguments.put("charset", "UTF-8");
        }
        ReasonCode code;
        if (failure instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                code = ReasonCode.JSON_TOO_DEEP;
                arguments.put("maxDepth", MAX_NESTING_DEPTH);
            } else if (message.contains("String value length")) {
                code = ReasonCode.CELL_TOO_LONG;
                arguments.put("max", limits.maxCellChars());
                arguments.put("cell", "line " + arguments.getOrDefault("line", "?"));
            } else if (message.contains("Number value length") || message.contains("number")) {
                code = ReasonCode.JSON_NUMBER_TOO_LONG;
                arguments.put("maxLength", MAX_NUMBER_LENGTH);
            } else {
                code = ReasonCode.NOT_JSON;
            }
        } else if (failure instanceof JsonEOFException) {
            code = ReasonCode.JSON_TRUNCATED;
        } else if (message.startsWith("Duplicate field")) {
            code = ReasonCode.JSON_DUPLICATE_KEY;
        } else if (message.contains("Invalid UTF-8") || failure instanceof CharConversionException) {
            code = ReasonCode.BAD_ENCODING;
            arguments.put("charset", "UTF-8");
        } else if (failure instanceof JsonProcessingException || failure instanceof RuntimeException) {
            code = ReasonCode.NOT_JSON;
        } else {
            throw new UncheckedIOException("Cannot read the JSON file", (IOException) failure);
        }
        return new FileRejectedException(code, firstLine, arguments);
    }

    /** Keeps the first characters written and drops the rest, so a huge nested value costs no memory. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int max;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            int room = max - text.length();
            if (room > 0) {
                text.append(chars, offset, Math.min(room, length));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
