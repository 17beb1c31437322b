package ma.marsad.pipeline.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;
import ma.marsad.pipeline.demo.DemoSummary.PlantedRow;
import ma.marsad.pipeline.demo.DemoSummary.WrittenFile;
import ma.marsad.pipeline.demo.ServiceCatalogue.Service;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * {@code egov-requests}: ADD's daily export of every day from the first day of the month twelve months before the
 * as-of date (or from {@link #DAILY_EXPORT_SINCE}, when the submission calendar expects it daily, if that is earlier),
 * at a small volume with the national shape ({@link #SMALL_DAILY_SHARE} of {@link NationalVolume}); yesterday's export
 * in full (at least 200,000 rows); one sample day a month (the 15th, exported a month later so most requests are
 * closed) for ADD before its daily exports and for DGI, whose own platform sends a monthly sample throughout. With
 * national days, ADD's full export of each of the last days before the as-of date replaces the small exports and the
 * big day.
 */
final class EgovRequestsGenerator {

    static final String TEMPLATE = "egov-requests";
    static final int BIG_DAY_MINIMUM_ROWS = 200_000;

    /** The first day the submission calendar expects ADD's daily export; the demo delivers every day from it on. */
    static final LocalDate DAILY_EXPORT_SINCE = LocalDate.of(2026, 11, 20);

    /** A small daily export holds this share of a national day's requests: the national shape, quicker to load. */
    static final double SMALL_DAILY_SHARE = 0.0025;

    private static final String HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction";

    // Requests by hour of submission: quiet at night, peaks mid-morning and after lunch.
    private static final double[] HOURLY = Trend.cumulative(
            0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 3.5, 6.5, 8.5, 9.0, 8.5, 6.5, 6.0, 7.0, 7.0, 6.0, 5.0, 4.0, 3.5, 3.0,
            2.5, 1.8, 1.1);

    private static final LocalDate FIRST_SAMPLE_DAY = LocalDate.of(2024, 1, 1);

    private final LandingFolder landing;
    private final ServiceCatalogue catalogue;
    private final SplittableRandom random;
    private final long seed;
    private final int nationalDays;

    /**
     * @param seed the seed of the national days' exports, each drawn from its own stream
     * @param nationalDays how many days before the as-of date get a full export at national volume; 0 for the one
     *     big day of the default demo
     */
    EgovRequestsGenerator(
            LandingFolder landing, ServiceCatalogue catalogue, SplittableRandom random, long seed, int nationalDays) {
        this.landing = landing;
        this.catalogue = catalogue;
        this.random = random;
        this.seed = seed;
        this.nationalDays = nationalDays;
    }

    void generate() throws IOException {
        LocalDate asOf = landing.asOf();
        // The ministry's sample from two months back: already exported, and recent enough to be noticed.
        LocalDate badRowsDay = asOf.minusMonths(2).withDayOfMonth(15);
        LocalDate firstNationalDay = asOf.minusDays(nationalDays);
        LocalDate firstDailyDay = firstDailyDay(asOf);
        for (LocalDate day = LocalDate.of(2024, 1, 15); landing.arrivedBy(day.plusMonths(1)); day = day.plusMonths(1)) {
            LocalDateTime exportedAt = day.plusMonths(1).atTime(2, 0);
            double progress = Trend.progress(day);
            int addRows = (int) Trend.jitter(random, 1500 + 2000 * progress, 0.2);
            if (day.isBefore(firstDailyDay) && day.isBefore(firstNationalDay)) {
                writeSample("ADD", "demandes-" + day + ".csv", day, addRows, exportedAt, RowTamper.NONE);
            }
            int dgiRows = (int) Trend.jitter(random, 400 + 600 * progress, 0.2);
            boolean plantBadRows = day.equals(badRowsDay);
            writeSample(
                    "DGI",
                    "dgi-demandes-" + day + ".csv",
                    day,
                    dgiRows,
                    exportedAt,
                    plantBadRows ? new BadRows(dgiRows) : RowTamper.NONE);
        }
        LocalDate lastSmallDay = nationalDays == 0 ? asOf.minusDays(1) : firstNationalDay;
        for (LocalDate day = firstDailyDay; day.isBefore(lastSmallDay); day = day.plusDays(1)) {
            writeSmallDay(day);
        }
        if (nationalDays == 0) {
            writeBigDay(asOf.minusDays(1));
        }
        for (LocalDate day = firstNationalDay; day.isBefore(asOf); day = day.plusDays(1)) {
            writeNationalDay(day);
        }
        writeLatin1Export(asOf.minusDays(3));
        writeUnregisteredSubmitter(asOf.minusDays(2));
    }

    /**
     * The first day of ADD's daily exports: the first of the month twelve months back, so the last twelve months and
     * the months between are whole, or the calendar's first daily day if earlier; never before the demo's window.
     */
    static LocalDate firstDailyDay(LocalDate asOf) {
        LocalDate yearBack = asOf.minusMonths(12).withDayOfMonth(1);
        LocalDate first = yearBack.isBefore(DAILY_EXPORT_SINCE) ? yearBack : DAILY_EXPORT_SINCE;
        return first.isBefore(FIRST_SAMPLE_DAY) ? FIRST_SAMPLE_DAY : first;
    }

    private void writeSample(
            String submitter, String fileName, LocalDate day, int rows, LocalDateTime exportedAt, RowTamper tamper)
            throws IOException {
        Path file = landing.newFile(TEMPLATE, submitter, fileName);
        List<Service> services = servicesOf(submitter, day);
        write(file, StandardCharsets.UTF_8, submitter, day, rows, services, exportedAt, tamper, random);
        landing.submitted(file, day.toString(), rows, LandingFolder.at(exportedAt.toLocalDate(), 2, 30));
        if (tamper instanceof BadRows bad) {
            landing.planted(
                    file,
                    ExpectedOutcome.ACCEPTED_WITH_QUARANTINE,
                    null,
                    bad.planted(),
                    "three rows carry an impossible completion date, a region code outside 01..12 and an unknown"
                            + " channel; they go to quarantine and the other rows load");
        }
    }

    /** ADD's export of {@code day} at the small daily volume, from the day's own random stream. */
    private void writeSmallDay(LocalDate day) throws IOException {
        SplittableRandom dayRandom = NationalVolume.randomOf(day, seed);
        int rows = (int) Math.round(NationalVolume.requests(day, dayRandom) * SMALL_DAILY_SHARE);
        writeDailyExport(day, rows, dayRandom);
    }

    private void writeBigDay(LocalDate day) throws IOException {
        int rows = BIG_DAY_MINIMUM_ROWS + random.nextInt(10_000);
        writeDailyExport(day, rows, random);
    }

    /** ADD's export of {@code day} at national volume, from the day's own random stream. */
    WrittenFile writeNationalDay(LocalDate day) throws IOException {
        SplittableRandom dayRandom = NationalVolume.randomOf(day, seed);
        return writeDailyExport(day, NationalVolume.requests(day, dayRandom), dayRandom);
    }

    /** ADD's full export of {@code day}, written at 01:00 the next day and announced by a {@code .done} marker. */
    private WrittenFile writeDailyExport(LocalDate day, int rows, SplittableRandom rowRandom) throws IOException {
        LocalDateTime exportedAt = day.plusDays(1).atTime(1, 0);
        Path file = landing.newFile(TEMPLATE, "ADD", "demandes-" + day + ".csv");
        write(
                file,
                StandardCharsets.UTF_8,
                "ADD",
                day,
                rows,
                servicesOf("ADD", day),
                exportedAt,
                RowTamper.NONE,
                rowRandom);
        return landing.submittedWithDoneMarker(file, day.toString(), rows, LandingFolder.at(day.plusDays(1), 1, 30));
    }

    /** A CNSS export re-saved in Latin-1 by an office tool: one request id with an É is an invalid UTF-8 byte. */
    private void writeLatin1Export(LocalDate day) throws IOException {
        int rows = 300 + random.nextInt(200);
        Path file = landing.newFile(TEMPLATE, "CNSS", "cnss-demandes-" + day + ".csv");
        RowTamper accentedId = (row, fields) -> {
            if (row == 120) {
                fields[0] = "CNSS-RÉCL-" + day.toString().replace("-", "") + "-000120";
            }
        };
        LocalDateTime exportedAt = day.plusDays(1).atTime(3, 0);
        write(
                file,
                StandardCharsets.ISO_8859_1,
                "CNSS",
                day,
                rows,
                servicesOf("CNSS", day),
                exportedAt,
                accentedId,
                random);
        landing.submitted(file, day.toString(), rows, LandingFolder.at(day.plusDays(1), 3, 30));
        landing.planted(
                file,
                ExpectedOutcome.REJECTED,
                ReasonCode.BAD_ENCODING,
                List.of(),
                "saved as Latin-1: the É of the request id on data row 120 (line 121) is byte 0xC9, invalid in"
                        + " UTF-8, so the whole file is rejected");
    }

    private void writeUnregisteredSubmitter(LocalDate day) throws IOException {
        int rows = 250;
        Path file = landing.newFile(TEMPLATE, "UNKNOWN-CO", "requests-" + day + ".csv");
        LocalDateTime exportedAt = day.plusDays(1).atTime(4, 0);
        write(
                file,
                StandardCharsets.UTF_8,
                "UNK",
                day,
                rows,
                servicesOf("ADD", day),
                exportedAt,
                RowTamper.NONE,
                random);
        landing.submitted(file, day.toString(), rows, LandingFolder.at(day.plusDays(1), 4, 10));
        landing.planted(
                file,
                ExpectedOutcome.REJECTED,
                ReasonCode.UNKNOWN_SUBMITTER,
                List.of(),
                "a well-formed export dropped in a folder whose submitter code is not registered");
    }

    private List<Service> servicesOf(String submitter, LocalDate day) {
        List<Service> online = catalogue.onlineOn(day);
        // The national platform (ADD) serves every ministry; a ministry's own platform serves its own services.
        return "ADD".equals(submitter)
                ? online
                : online.stream()
                        .filter(service -> service.ministry().equals(submitter))
                        .toList();
    }

    private void write(
            Path file,
            Charset charset,
            String submitter,
            LocalDate day,
            int rows,
            List<Service> services,
            LocalDateTime exportedAt,
            RowTamper tamper,
            SplittableRandom random)
            throws IOException {
        double progress = Trend.progress(day);
        boolean ministryPlatform = !"ADD".equals(submitter);
        double onlineShare = ministryPlatform ? 0.68 + 0.17 * progress : 0.52 + 0.24 * progress;
        double mobileShareOfOnline = 0.30 + 0.20 * progress;
        double medianDays = ministryPlatform ? 4.0 - 1.6 * progress : 6.0 - 3.0 * progress;
        double rejectedShare = 0.05 - 0.015 * progress;
        double satisfactionMean = 3.3 + 0.6 * progress;

        double[] popularity = new double[services.size()];
        double sum = 0;
        for (int i = 0; i < popularity.length; i++) {
            sum += 0.02 + services.get(i).popularity();
            popularity[i] = sum;
        }
        int[] secondsOfDay = new int[rows];
        for (int i = 0; i < rows; i++) {
            secondsOfDay[i] = Trend.weighted(random, HOURLY) * 3600 + random.nextInt(3600);
        }
        // Request ids are issued in submission order, as the platforms export them.
        Arrays.sort(secondsOfDay);

        long dayStart = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long exportSecond = exportedAt.toEpochSecond(ZoneOffset.UTC);
        String idPrefix = submitter + "-" + day.toString().replace("-", "") + "-";
        String[] fields = new String[8];
        StringBuilder line = new StringBuilder(128);
        StringBuilder scratch = new StringBuilder(24);
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), charset.newEncoder()), 1 << 16)) {
            out.write(HEADER);
            out.write('\n');
            for (int row = 1; row <= rows; row++) {
                long submitted = dayStart + secondsOfDay[row - 1];
                double channelDraw = random.nextDouble();
                String channel = channelDraw >= onlineShare
                        ? "counter"
                        : channelDraw < onlineShare * mobileShareOfOnline ? "mobile" : "web";
                double days =
                        medianDays * Math.exp(0.9 * Trend.gaussian(random)) * ("counter".equals(channel) ? 1.4 : 1);
                long closed = submitted + (long) (days * 86_400);
                boolean rejected = random.nextDouble() < rejectedShare;
                if (rejected) {
                    closed = submitted + (long) (days * 43_200);
                }
                String status;
                String completedAt = "";
                String satisfaction = "";
                if (closed <= exportSecond) {
                    status = rejected ? "rejected" : "completed";
                    completedAt = dateTime(scratch, closed);
                    if (!rejected && random.nextDouble() < 0.45) {
                        long score = Math.round(satisfactionMean + 0.9 * Trend.gaussian(random));
                        satisfaction = Long.toString(Math.max(1, Math.min(5, score)));
                    }
                } else {
                    status = random.nextDouble() < 0.75 ? "in_progress" : "submitted";
                }
                fields[0] = idPrefix + sixDigits(row);
                fields[1] = services.get(Trend.weighted(random, popularity)).code();
                fields[2] = Regions.random(random);
                fields[3] = channel;
                fields[4] = dateTime(scratch, submitted);
                fields[5] = completedAt;
                fields[6] = status;
                fields[7] = satisfaction;
                tamper.tamper(row, fields);
                line.setLength(0);
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(fields[i]);
                }
                line.append('\n');
                out.append(line);
            }
        }
    }

    private static String sixDigits(int number) {
        String digits = Integer.toString(number);
        return "000000".substring(Math.min(6, digits.length())) + digits;
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss} of a local epoch second, without a formatter (hot loop). */
    private static String dateTime(StringBuilder scratch, long localEpochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
        scratch.setLength(0);
        scratch.append(time.getYear()).append('-');
        twoDigits(scratch, time.getMonthValue()).append('-');
        twoDigits(scratch, time.getDayOfMonth()).append('T');
        twoDigits(scratch, time.getHour()).append(':');
        twoDigits(scratch, time.getMinute()).append(':');
        twoDigits(scratch, time.getSecond());
        return scratch.toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Changes a generated row before it is written, to plant a problem. */
    @FunctionalInterface
    private interface RowTamper {
        RowTamper NONE = (row, fields) -> {};

        void tamper(int row, String[] fields);
    }

    /** Three bad rows spread through a ministry's sample day. */
    private static final class BadRows implements RowTamper {
        private final int impossibleDateRow;
        private final int unknownRegionRow;
        private final int unknownChannelRow;
        private String impossibleDate;

        BadRows(int rows) {
            impossibleDateRow = Math.max(1, rows / 5);
            unknownRegionRow = Math.max(2, rows / 2);
            unknownChannelRow = Math.max(3, rows * 4 / 5);
        }

        @Override
        public void tamper(int row, String[] fields) {
            if (row == impossibleDateRow) {
                // 31 September does not exist; the request keeps a plausible status.
                fields[5] = fields[4].substring(0, 5) + "09-31T10:12:00";
                impossibleDate = fields[5];
                fields[6] = "completed";
                fields[7] = "";
            } else if (row == unknownRegionRow) {
                fields[2] = "13";
            } else if (row == unknownChannelRow) {
                fields[3] = "fax";
            }
        }

        List<PlantedRow> planted() {
            return List.of(
                    new PlantedRow(impossibleDateRow, "completed_at", impossibleDate, ReasonCode.BAD_DATE),
                    new PlantedRow(unknownRegionRow, "region_code", "13", ReasonCode.BAD_REGION),
                    new PlantedRow(unknownChannelRow, "channel", "fax", ReasonCode.BAD_ENUM));
        }
    }
}
