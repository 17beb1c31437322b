package ma.marsad.jobs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Writes one day of {@code egov-requests} (report template §1) for the benchmark: UTF-8, {@code ,}-separated, a header
 * on line 1, every value in the template's own format. Rows are built as ASCII bytes straight into a large buffer, so
 * generating ten million rows takes seconds, not minutes.
 *
 * <p>The rows look like a platform export: request ids issued in order, submitted times spread over the day, a third
 * still open (no completion time, no satisfaction), satisfaction given on about half of the completed ones. Every
 * {@link #BAD_ROW_INTERVAL}th row names a region outside 01..12, so the benchmark also exercises quarantine.
 */
final class EgovRequestsFile {

    static final String HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction";
    static final int BAD_ROW_INTERVAL = 100_000;

    private static final String[] SERVICES = {
        "ADD-001", "ADD-002", "ADD-014", "DGI-101", "DGI-102", "CNSS-201", "CNSS-207", "MI-310", "MJ-404", "ANCFCC-512"
    };
    private static final String[] CHANNELS = {"web", "mobile", "counter"};

    private EgovRequestsFile() {}

    /** The number of rows {@link #write} sends to quarantine for a file of {@code rows} rows. */
    static long badRows(long rows) {
        return rows / BAD_ROW_INTERVAL;
    }

    /** Writes {@code rows} requests submitted on {@code day}; returns the file's size in bytes. */
    static long write(Path file, LocalDate day, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String idPrefix = "ADD-" + day.toString().replace("-", "") + "-";
        long dayStart = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        byte[] buffer = new byte[1 << 20];
        int length = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            for (long row = 1; row <= rows; row++) {
                if (length > buffer.length - 256) {
                    out.write(buffer, 0, length);
                    length = 0;
                }
                long submitted = dayStart + row * 86_399L / Math.max(1, rows);
                length = ascii(buffer, length, idPrefix);
                length = digits(buffer, length, row, 8);
                buffer[length++] = ',';
                length = ascii(buffer, length, SERVICES[random.nextInt(SERVICES.length)]);
                buffer[length++] = ',';
                int region = row % BAD_ROW_INTERVAL == 0 ? 13 : 1 + random.nextInt(12);
                length = digits(buffer, length, region, 2);
                buffer[length++] = ',';
                length = ascii(buffer, length, CHANNELS[random.nextInt(CHANNELS.length)]);
                buffer[length++] = ',';
                length = dateTime(buffer, length, submitted);
                buffer[length++] = ',';
                int outcome = random.nextInt(3);
                if (outcome == 0) {
                    buffer[length++] = ',';
                    length = ascii(buffer, length, random.nextBoolean() ? "submitted" : "in_progress");
                    buffer[length++] = ',';
                } else {
                    length = dateTime(buffer, length, submitted + random.nextInt(10 * 86_400));
                    buffer[length++] = ',';
                    length = ascii(buffer, length, outcome == 1 ? "completed" : "rejected");
                    buffer[length++] = ',';
                    if (outcome == 1 && random.nextBoolean()) {
                        buffer[length++] = (byte) ('1' + random.nextInt(5));
                    }
                }
                buffer[length++] = '\n';
            }
            out.write(buffer, 0, length);
        }
        return Files.size(file);
    }

    private static int ascii(byte[] buffer, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            buffer[at++] = (byte) text.charAt(i);
        }
        return at;
    }

    private static int digits(byte[] buffer, int at, long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buffer[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss} of a local epoch second. */
    private static int dateTime(byte[] buffer, int at, long localEpochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
        at = digits(buffer, at, time.getYear(), 4);
        buffer[at++] = '-';
        at = digits(buffer, at, time.getMonthValue(), 2);
        buffer[at++] = '-';
        at = digits(buffer, at, time.getDayOfMonth(), 2);
        buffer[at++] = 'T';
        at = digits(buffer, at, time.getHour(), 2);
        buffer[at++] = ':';
        at = digits(buffer, at, time.getMinute(), 2);
        buffer[at++] = ':';
        return digits(buffer, at, time.getSecond(), 2);
    }
}
