package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;

/**
 * Streams a CSV file with a hand-written state machine over large decoded buffers.
 *
 * <p>Decoding is strict: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins over the declared charset, and an invalid
 * byte rejects the file ({@code BAD_ENCODING} with its 0-based byte offset and 1-based line) once the rows before it
 * have been returned. A file declared Windows-1256 is first checked as a whole: if its bytes are valid UTF-8 with at
 * least one multi-byte sequence it is rejected {@code WRONG_ENCODING} before any row is read (one extra sequential read,
 * only for that charset).
 *
 * <p>Records end at CRLF, LF or a lone CR; quoted fields may hold delimiters, line breaks and doubled quotes. Text after
 * a closing quote is kept as written. Empty and whitespace-only lines are skipped (they still count as physical lines).
 * A field, a record, the fields of a record and the rows of the file are capped ({@link ReaderLimits}): past a cap the
 * file is rejected ({@code CELL_TOO_LONG}, {@code RECORD_TOO_LONG}, {@code TOO_MANY_COLUMNS}, {@code TOO_MANY_ROWS}),
 * so a hostile file cannot exhaust memory.
 */
final class CsvReportReader implements ReportReader {

    private static final int BUFFER_SIZE = 1 << 17;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final FileChannel channel;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final char delimiter;
    private final char quote;
    private final int headerLine;
    private final ReaderLimits limits;
    private final int maxCellChars;
    private final int maxRecordChars;

    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
    private final char[] buffer = chars.array();
    private int position;
    private int limit;
    private long bufferStartOffset;
    private boolean inputEnded;
    private boolean decodingFinished;
    private long invalidByteOffset = -1;

    private int line = 1;
    private boolean pendingLineFeed;
    private boolean previousWasCarriageReturn;

    // the fields of the current record, one after the other in one buffer: a String is made only when asked for
    private char[] record = new char[1024];
    private int recordLength;
    private int fieldStart;
    private boolean fieldQuoted;
    private int[] fieldStarts = new int[16];
    private int[] fieldEnds = new int[16];
    private int fieldCount;
    private int recordLine;

    private List<String> header;
    private boolean hasRecord;
    private boolean recordTaken;
    private int rowNumber;

    private CsvReportReader(FileChannel channel, Charset charset, int bomLength, ReaderSettings settings)
            throws IOException {
        this.channel = channel;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.delimiter = settings.delimiter();
        this.quote = settings.quote();
        this.headerLine = Math.max(1, settings.headerRow());
        this.limits = settings.limits();
        this.maxCellChars = limits.maxCellChars();
        this.maxRecordChars = limits.maxRecordChars();
        channel.position(bomLength);
        this.bufferStartOffset = bomLength;
        bytes.flip();
        chars.flip();
    }

    static CsvReportReader open(Path file, ReaderSettings settings) throws FileRejectedException {
        if (settings.delimiter() == settings.quote()
                || isLineBreak(settings.delimiter())
                || isLineBreak(settings.quote())) {
            throw new IllegalArgumentException("CSV delimiter '" + settings.delimiter() + "' and quote '"
                    + settings.quote() + "' must differ and must not be line breaks");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            ByteOrderMark bom = ByteOrderMark.detect(channel);
            Charset charset = bom == null ? settings.charset() : bom.charset;
            if (charset == null) {
                throw new IllegalArgumentException("A CSV template must declare its charset");
            }
            if (bom == null && "windows-1256".equalsIgnoreCase(charset.name()) && isUtf8WithMultiByte(channel)) {
                throw new FileRejectedException(
                        ReasonCode.WRONG_ENCODING,
                        "declared windows-1256 but the bytes are UTF-8: declare UTF-8 or re-export the file in windows-1256",
                        Map.of("declared", charset.name(), "detected", "UTF-8"));
            }
            return new CsvReportReader(channel, charset, bom == null ? 0 : bom.length, settings);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (FileRejectedException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public List<String> header() throws FileRejectedException {
        start();
        return header;
    }

    @Override
    public RawRow next() throws FileRejectedException {
        return nextRecord() ? currentRow() : null;
    }

    /**
     * Moves to the next data record and keeps it in place, for callers that read its fields without a {@link RawRow};
     * false at the end of the file. {@link #next()} is this followed by {@link #currentRow()}.
     */
    boolean nextRecord() throws FileRejectedException {
        start();
        if (recordTaken) {
            readDataRecord();
        }
        recordTaken = hasRecord;
        return hasRecord;
    }

    /** The current data record as a row of cells. */
    RawRow currentRow() {
        RawCell[] cells = new RawCell[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            cells[i] = RawCell.csv(fieldText(i), recordLine, i + 1);
        }
        return new RawRow(
                rowNumber, recordLine, Collections.unmodifiableList(Arrays.asList(cells)), "line " + recordLine, null);
    }

    /** About how many bytes of the file the records read so far took (exact for ASCII). */
    long bytesRead() {
        return bufferStartOffset + bytes.position() - (limit - position);
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The buffer holding the current record's fields; valid until the next record is read. */
    char[] recordChars() {
        return record;
    }

    int fieldStart(int field) {
        return fieldStarts[field];
    }

    int fieldEnd(int field) {
        return fieldEnds[field];
    }

    int recordLine() {
        return recordLine;
    }

    int rowNumber() {
        return rowNumber;
    }

    /** The text of a field of the current record, null when it is empty. */
    String fieldText(int field) {
        int start = fieldStarts[field];
        int end = fieldEnds[field];
        return start == end ? null : new String(record, start, end - start);
    }

    @Override
    public List<ReaderWarning> warnings() {
        return List.of();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private void start() throws FileRejectedException {
        if (header != null) {
            return;
        }
        while (readRecord()) {
            if (recordLine >= headerLine) {
                List<String> names = new ArrayList<>(fieldCount);
                for (int i = 0; i < fieldCount; i++) {
                    String name = fieldText(i);
                    names.add(name == null ? "" : name);
                }
                header = Collections.unmodifiableList(names);
                readDataRecord();
                if (!hasRecord) {
                    throw new FileRejectedException(
                            ReasonCode.NO_DATA,
                            "the file has a header on line " + recordLine + " but no data rows",
                            Map.of("line", recordLine));
                }
                return;
            }
        }
        throw new FileRejectedException(
                ReasonCode.NO_DATA, "the file has no header and no data rows", Map.of("headerLine", headerLine));
    }

    private void readDataRecord() throws FileRejectedException {
        hasRecord = readRecord();
        if (hasRecord) {
            rowNumber++;
            if (rowNumber > limits.maxRows()) {
                throw new FileRejectedException(
                        ReasonCode.TOO_MANY_ROWS,
                        "the file has more than " + limits.maxRows() + " data rows",
                        Map.of("max", limits.maxRows()));
            }
        }
    }

    /** Reads the next non-blank record into the record buffer; false at the end of the file. */
    private boolean readRecord() throws FileRejectedException {
        while (parseRecord()) {
            boolean blank = fieldCount == 1
                    && !fieldQuoted
                    && (fieldStarts[0] == fieldEnds[0] || fieldText(0).isBlank());
            if (!blank) {
                return true;
            }
        }
        return false;
    }

    /** Parses one physical record (possibly spanning lines); false when the input ended before it started. */
    private boolean parseRecord() throws FileRejectedException {
        fieldCount = 0;
        recordLength = 0;
        fieldStart = 0;
        fieldQuoted = false;
        recordLine = line;
        int quoteLine = line;
        int state = FIELD_START;
        final char[] buf = buffer;
        while (true) {
            if (position >= limit && !refill()) {
                switch (state) {
                    case FIELD_START -> {
                        if (fieldCount == 0) {
                            return false;
                        }
                        endField();
                        return true;
                    }
                    case QUOTED ->
                        throw new FileRejectedException(
                                ReasonCode.UNCLOSED_QUOTE,
                                "the quote opened on line " + quoteLine
                                        + " is never closed: close it or escape it as \"\"",
                                Map.of("line", quoteLine, "column", fieldCount + 1));
                    default -> {
                        endField();
                        return true;
                    }
                }
            }
            switch (state) {
                case FIELD_START -> {
                    char c = buf[position];
                    if (pendingLineFeed) {
                        pendingLineFeed = false;
                        if (c == '\n') {
                            position++;
                            continue;
                        }
                    }
                    if (c == quote) {
                        position++;
                        fieldQuoted = true;
                        quoteLine = line;
                        previousWasCarriageReturn = false;
                        state = QUOTED;
                    } else if (c == delimiter) {
                        position++;
                        endField();
                    } else if (c == '\n' || c == '\r') {
                        if (fieldCount > 0) {
                            endField();
                            consumeLineBreak(c);
                            return true;
                        }
                        consumeLineBreak(c);
                        recordLine = line;
                    } else {
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    int start = position;
                    int end = start;
                    char c = 0;
                    while (end < limit) {
                        c = buf[end];
                        if (c == delimiter || c == '\n' || c == '\r') {
                            break;
                        }
                        end++;
                    }
                    append(buf, start, end - start);
                    position = end;
                    if (end < limit) {
                        position++;
                        endField();
                        if (c == delimiter) {
                            state = FIELD_START;
                        } else {
                            countLineBreak(c);
                            return true;
                        }
                    }
                }
                case QUOTED -> {
                    int start = position;
                    int end = start;
                    boolean afterCarriageReturn = previousWasCarriageReturn;
                    while (end < limit) {
                        char c = buf[end];
                        if (c == quote) {
                            break;
                        }
                        if (c == '\r') {
                            line++;
                            afterCarriageReturn = true;
                        } else {
                            if (c == '\n' && !afterCarriageReturn) {
                                line++;
                            }
                            afterCarriageReturn = false;
                        }
                        end++;
                    }
                    previousWasCarriageReturn = afterCarriageReturn;
                    append(buf, start, end - start);
                    position = end;
                    if (end < limit) {
                        position++;
                        state = QUOTE_IN_QUOTED;
                    }
                }
                default -> {
                    char c = buf[position];
                    if (c == quote) {
                        append(buf, position, 1);
                        position++;
                        previousWasCarriageReturn = false;
                        state = QUOTED;
                    } else if (c == delimiter) {
                        position++;
                        endField();
                        state = FIELD_START;
                    } else if (c == '\n' || c == '\r') {
                        endField();
                        consumeLineBreak(c);
                        return true;
                    } else {
                        state = UNQUOTED;
                    }
                }
            }
        }
    }

    private void consumeLineBreak(char c) {
        position++;
        countLineBreak(c);
    }

    private void countLineBreak(char c) {
        line++;
        pendingLineFeed = c == '\r';
    }

    private void append(char[] source, int start, int length) throws FileRejectedException {
        int newLength = recordLength + length;
        if (newLength - fieldStart > maxCellChars) {
            String cell = "line " + recordLine + ", column " + (fieldCount + 1);
            throw new FileRejectedException(
                    ReasonCode.CELL_TOO_LONG,
                    cell + " holds more than " + maxCellChars + " characters",
                    Map.of("cell", cell, "max", maxCellChars));
        }
        if (newLength > maxRecordChars) {
            throw new FileRejectedException(
                    ReasonCode.RECORD_TOO_LONG,
                    "the record on line " + recordLine + " holds more than " + maxRecordChars + " characters",
                    Map.of("line", recordLine, "max", maxRecordChars));
        }
        if (newLength > record.length) {
            record = Arrays.copyOf(record, Math.min(maxRecordChars, Math.max(record.length * 2, newLength)));
        }
        System.arraycopy(source, start, record, recordLength, length);
        recordLength = newLength;
    }

    private void endField() throws FileRejectedException {
        if (fieldCount == limits.maxColumns()) {
            String cell = "line " + recordLine + ", column " + (fieldCount + 1);
            throw new FileRejectedException(
                    ReasonCode.TOO_MANY_COLUMNS,
                    "the record on line " + recordLine + " has more than " + limits.maxColumns() + " fields",
                    Map.of("cell", cell, "max", limits.maxColumns()));
        }
        if (fieldCount == fieldStarts.length) {
            fieldStarts = Arrays.copyOf(fieldStarts, fieldCount * 2);
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
        }
        fieldStarts[fieldCount] = fieldStart;
        fieldEnds[fieldCount] = recordLength;
        fieldCount++;
        fieldStart = recordLength;
    }

    /** Decodes the next block of characters; false at the end of the input. */
    private boolean refill() throws FileRejectedException {
        chars.clear();
        while (chars.position() == 0) {
            if (invalidByteOffset >= 0) {
                throw new FileRejectedException(
                        ReasonCode.BAD_ENCODING,
                        "byte " + invalidByteOffset + " (line " + line + ") is not valid " + charset.name()
                                + ": save the file as " + charset.name(),
                        Map.of("byte_offset", invalidByteOffset, "line", line, "charset", charset.name()));
            }
            if (decodingFinished) {
                break;
            }
            CoderResult result = decoder.decode(bytes, chars, inputEnded);
            if (result.isError()) {
                invalidByteOffset = bufferStartOffset + bytes.position();
            } else if (result.isUnderflow()) {
                if (inputEnded) {
                    if (!decoder.flush(chars).isOverflow()) {
                        decodingFinished = true;
                    }
                } else if (chars.position() == 0) {
                    readBytes();
                }
            }
        }
        chars.flip();
        position = 0;
        limit = chars.limit();
        return limit > 0;
    }

    private void readBytes() {
        bufferStartOffset += bytes.position();
        bytes.compact();
        try {
            int read;
            do {
                read = channel.read(bytes);
            } while (read == 0 && bytes.hasRemaining());
            if (read < 0) {
                inputEnded = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV file", e);
        } finally {
            bytes.flip();
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isUtf8WithMultiByte(FileChannel channel) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer block = ByteBuffer.allocate(BUFFER_SIZE);
        CharBuffer scratch = CharBuffer.allocate(BUFFER_SIZE);
        boolean multiByte = false;
        boolean ended = false;
        channel.position(0);
        try {
            while (!ended) {
                ended = channel.read(block) < 0;
                block.flip();
                if (!multiByte) {
                    for (int i = block.position(); i < block.limit(); i++) {
                        if (block.get(i) < 0) {
                            multiByte = true;
                            break;
                        }
                    }
                }
                CoderResult result;
                do {
                    scratch.clear();
                    result = utf8.decode(block, scratch, ended);
                    if (result.isError()) {
                        return false;
                    }
                } while (result.isOverflow());
                block.compact();
            }
            scratch.clear();
            return multiByte && !utf8.flush(scratch).isError();
        } catch (IllegalStateException e) {
            throw new CharacterCodingException();
        } finally {
            channel.position(0);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close loses nothing
            }
        }
    }

    /** A byte-order mark at the start of a file. */
    private enum ByteOrderMark {
        UTF_8(StandardCharsets.UTF_8, 3),
        UTF_16BE(StandardCharsets.UTF_16BE, 2),
        UTF_16LE(StandardCharsets.UTF_16LE, 2);

        private final Charset charset;
        private final int length;

        ByteOrderMark(Charset charset, int length) {
            this.charset = charset;
            this.length = length;
        }

        static ByteOrderMark detect(FileChannel channel) throws IOException {
            ByteBuffer head = ByteBuffer.allocate(3);
            while (head.hasRemaining() && channel.read(head) > 0) {
                // a file channel returns what it has; loop until 3 bytes or the end
            }
            channel.position(0);
            int size = head.position();
            int b0 = size > 0 ? head.get(0) & 0xFF : -1;
            int b1 = size > 1 ? head.get(1) & 0xFF : -1;
            int b2 = size > 2 ? head.get(2) & 0xFF : -1;
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                return UTF_8;
            }
            if (b0 == 0xFE && b1 == 0xFF) {
                return UTF_16BE;
            }
            if (b0 == 0xFF && b1 == 0xFE) {
                return UTF_16LE;
            }
            return null;
        }
    }
}
