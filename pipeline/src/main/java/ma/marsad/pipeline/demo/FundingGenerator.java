package ma.marsad.pipeline.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import ma.marsad.pipeline.demo.DemoSummary.ExpectedOutcome;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * {@code startup-funding}: funding events per month from ADD (a JSON array) and TAMWILCOM (NDJSON), received on the
 * 10th of the following month. Most events are pre-seed and seed tickets; two startups pass a 10 bn MAD valuation in
 * the second half of 2026.
 */
final class FundingGenerator {

    static final String TEMPLATE = "startup-funding";
    private static final JsonFactory JSON = new JsonFactory();

    private static final String[] STAGES = {"pre_seed", "seed", "series_a", "series_b", "growth"};
    private static final double[] NEW_STARTUP_STAGES = Trend.cumulative(0.55, 0.35, 0.08, 0.015, 0.005);
    // Ticket ranges per stage, in MAD.
    private static final long[][] TICKETS = {
        {50_000, 300_000},
        {300_000, 1_500_000},
        {3_000_000, 12_000_000},
        {15_000_000, 40_000_000},
        {30_000_000, 100_000_000}
    };
    private static final String[] SECTORS = {
        "fintech",
        "healthtech",
        "agritech",
        "edtech",
        "logistique",
        "e-commerce",
        "intelligence artificielle",
        "cleantech",
        "govtech",
        "mobilité"
    };
    private static final String[] NAME_STARTS = {
        "Argan",
        "Atlas",
        "Sahara",
        "Medina",
        "Tifawt",
        "Zellige",
        "Oasis",
        "Noor",
        "Amal",
        "Dar",
        "Souk",
        "Riad",
        "Baraka",
        "Tanja",
        "Agadir",
        "Ifrane",
        "Majorelle",
        "Zagora",
        "Kasbah",
        "Nakhla"
    };
    private static final String[] NAME_ENDS = {
        "Pay", "Tech", "Health", "Logix", "AI", "Labs", "Cloud", "Data", "Farm", "Learn", "Move", "Energy", "Soft",
        "Market", "Care", "Link", "Hub", "Scan", "Build", "Vision"
    };

    /** A startup of the demo's pool. */
    private record Startup(String id, String name, String region, String sector) {}

    /** One funding event as written. */
    private record Event(
            String id,
            Startup startup,
            String stage,
            String programme,
            BigDecimal amount,
            LocalDate date,
            BigDecimal valuation) {}

    private final LandingFolder landing;
    private final SplittableRandom random;
    private final List<Startup> pool = new ArrayList<>();
    private final List<Integer> funded = new ArrayList<>();
    private final int[] lastStage;
    private int nextNewStartup = 2; // 0 and 1 are the future unicorns, funded in the first months

    FundingGenerator(LandingFolder landing, SplittableRandom random) {
        this.landing = landing;
        this.random = random;
        List<String> names = new ArrayList<>();
        for (String start : NAME_STARTS) {
            for (String end : NAME_ENDS) {
                names.add(start + end);
            }
        }
        shuffle(names);
        int size = 1_600;
        for (int i = 0; i < size; i++) {
            String name = names.get(i % names.size()) + (i < names.size() ? "" : " " + (i / names.size() + 1));
            pool.add(new Startup(
                    String.format(java.util.Locale.ROOT, "STP-%05d", i + 1),
                    name,
                    Regions.random(random),
                    SECTORS[random.nextInt(SECTORS.length)]));
        }
        lastStage = new int[size];
    }

    void generate() throws IOException {
        List<Event> lastAddMonth = null;
        YearMonth lastMonth = null;
        for (YearMonth month = YearMonth.of(2024, 1);
                landing.arrivedBy(receivedOn(month));
                month = month.plusMonths(1)) {
            double progress = Trend.progress(month.atDay(15));
            List<Event> add = events("ADD", month, (int) Trend.jitter(random, 14 + 10 * progress, 0.25));
            List<Event> tamwilcom = events("TMW", month, (int) Trend.jitter(random, 8 + 8 * progress, 0.25));
            if (month.equals(YearMonth.of(2024, 2))) {
                add.add(event("ADD", month, 0, 1, add.size() + 1));
                tamwilcom.add(event("TMW", month, 1, 1, tamwilcom.size() + 1));
            }
            if (month.equals(YearMonth.of(2026, 8))) {
                add.add(unicornRound("ADD", month, 0, add.size() + 1, "600000000", "10400000000"));
            }
            if (month.equals(YearMonth.of(2026, 10))) {
                tamwilcom.add(unicornRound("TMW", month, 1, tamwilcom.size() + 1, "750000000", "11250000000"));
            }
            add.sort(Comparator.comparing(Event::date));
            tamwilcom.sort(Comparator.comparing(Event::date));

            Path addFile = landing.newFile(TEMPLATE, "ADD", "financements-" + month + ".json");
            try (OutputStream out = Files.newOutputStream(addFile)) {
                writeArray(out, add, false);
            }
            landing.submitted(addFile, month.toString(), add.size(), LandingFolder.at(receivedOn(month), 9, 0));
            Path tamwilcomFile = landing.newFile(TEMPLATE, "TAMWILCOM", "tamwilcom-evenements-" + month + ".ndjson");
            try (OutputStream out = Files.newOutputStream(tamwilcomFile)) {
                writeLines(out, tamwilcom);
            }
            landing.submitted(
                    tamwilcomFile, month.toString(), tamwilcom.size(), LandingFolder.at(receivedOn(month), 10, 30));
            lastAddMonth = add;
            lastMonth = month;
        }
        if (lastAddMonth != null) {
            writeDuplicateKeyResend(lastAddMonth, lastMonth);
        }
    }

    private static LocalDate receivedOn(YearMonth month) {
        return month.plusMonths(1).atDay(10);
    }

    private List<Event> events(String prefix, YearMonth month, int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            boolean newcomer = funded.isEmpty() || random.nextDouble() < 0.72;
            int startup = newcomer && nextNewStartup < pool.size()
                    ? nextNewStartup++
                    : funded.get(random.nextInt(funded.size()));
            // A follow-on ticket is often at the same stage (bridge), sometimes the next one.
            int stage = newcomer
                    ? Trend.weighted(random, NEW_STARTUP_STAGES)
                    : Math.min(4, lastStage[startup] + (random.nextDouble() < 0.35 ? 1 : 0));
            events.add(event(prefix, month, startup, stage, i));
        }
        return events;
    }

    private Event event(String prefix, YearMonth month, int startupIndex, int stage, int sequence) {
        if (!funded.contains(startupIndex)) {
            funded.add(startupIndex);
        }
        lastStage[startupIndex] = Math.max(lastStage[startupIndex], stage);
        long[] range = TICKETS[stage];
        long amount = (range[0] + (long) (random.nextDouble() * (range[1] - range[0]))) / 1_000 * 1_000;
        BigDecimal amountMad = random.nextDouble() < 0.1
                ? BigDecimal.valueOf(amount).add(new BigDecimal("0.50"))
                : BigDecimal.valueOf(amount);
        BigDecimal valuation = stage >= 2 ? BigDecimal.valueOf(amount * (4 + random.nextInt(5))) : null;
        return new Event(
                prefix + "-" + month + "-" + String.format(java.util.Locale.ROOT, "%04d", sequence),
                pool.get(startupIndex),
                STAGES[stage],
                programme(prefix),
                amountMad,
                month.atDay(1 + random.nextInt(month.lengthOfMonth())),
                valuation);
    }

    private Event unicornRound(
            String prefix, YearMonth month, int startupIndex, int sequence, String amount, String valuation) {
        lastStage[startupIndex] = 4;
        return new Event(
                prefix + "-" + month + "-" + String.format(java.util.Locale.ROOT, "%04d", sequence),
                pool.get(startupIndex),
                "growth",
                prefix.equals("ADD") ? "Digital Morocco Champions" : "Fonds de fonds Innov Invest",
                new BigDecimal(amount),
                month.atDay(20),
                new BigDecimal(valuation));
    }

    private String programme(String prefix) {
        if (random.nextDouble() < 0.2) {
            return null;
        }
        String[] programmes = prefix.equals("ADD")
                ? new String[] {
                    "Startup Venture Building", "Programme national d'accélération", "Digital Morocco Champions"
                }
                : new String[] {"Innov Idea", "Innov Start", "Fonds de fonds Innov Invest"};
        return programmes[random.nextInt(programmes.length)];
    }

    private static void writeArray(OutputStream out, List<Event> events, boolean duplicateKeyInThird)
            throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            DefaultIndenter newlineIndenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(newlineIndenter)
                    .withArrayIndenter(newlineIndenter));
            json.writeStartArray();
            for (int i = 0; i < events.size(); i++) {
                writeEvent(json, events.get(i), duplicateKeyInThird && i == 2);
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    private static void writeLines(OutputStream out, List<Event> events) throws IOException {
        for (Event event : events) {
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                writeEvent(json, event, false);
            }
            out.write('\n');
        }
    }

    private static void writeEvent(JsonGenerator json, Event event, boolean duplicateAmount) throws IOException {
        json.writeStartObject();
        json.writeStringField("event_id", event.id());
        json.writeStringField("startup_id", event.startup().id());
        json.writeStringField("startup_name", event.startup().name());
        json.writeStringField("region_code", event.startup().region());
        json.writeStringField("sector", event.startup().sector());
        json.writeStringField("stage", event.stage());
        if (event.programme() != null) {
            json.writeStringField("programme", event.programme());
        }
        json.writeNumberField("amount_mad", event.amount());
        if (duplicateAmount) {
            // A hand edit that pasted the corrected amount instead of replacing it.
            json.writeNumberField("amount_mad", event.amount().add(BigDecimal.valueOf(50_000)));
        }
        json.writeStringField("event_date", event.date().toString());
        if (event.valuation() != null) {
            json.writeNumberField("valuation_mad", event.valuation());
        }
        json.writeEndObject();
    }

    /** ADD re-exports its latest month by hand; one object ends up with {@code amount_mad} twice. */
    private void writeDuplicateKeyResend(List<Event> events, YearMonth month) throws IOException {
        Path file = landing.newFile(TEMPLATE, "ADD", "financements-" + month + "-export-manuel.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            writeArray(out, events, true);
        }
        landing.submitted(
                file,
                month.toString(),
                events.size(),
                LandingFolder.at(landing.asOf().minusDays(6), 15, 5));
        landing.planted(
                file,
                ExpectedOutcome.REJECTED,
                ReasonCode.JSON_DUPLICATE_KEY,
                List.of(),
                "the third object has the key amount_mad twice; the file is rejected and ADD's earlier export for "
                        + month + " stays current");
    }

    private void shuffle(List<String> names) {
        for (int i = names.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swapped = names.get(i);
            names.set(i, names.get(j));
            names.set(j, swapped);
        }
    }
}
