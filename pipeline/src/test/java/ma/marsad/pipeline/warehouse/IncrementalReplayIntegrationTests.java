package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.demo.DemoLandingZone;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.kpi.EveryVintageCatalog;
import ma.marsad.pipeline.kpi.KpiCatalog;
import ma.marsad.pipeline.kpi.KpiEngine;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.RegistrySnapshot;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental equals full, step after step: a seeded random replay of a year of reporting (arrivals in order, revised
 * files, late files received long after their period, backfills received before what the warehouse already holds,
 * withdrawals, and nights with nothing new while the as-of date moves on). After every step the warehouse built and
 * scored from the previous step's warehouse is compared, table by table and row for row, with one built and scored
 * from the whole lake.
 *
 * <p>{@code MARSAD_REPLAY_STEPS} sets the number of steps (default 50) and {@code MARSAD_REPLAY_SEED} the seed.
 */
class IncrementalReplayIntegrationTests {

    private static final LocalDate DEMO_AS_OF = LocalDate.of(2026, 11, 28);
    private static final String BIG_FILE = "demandes-2026-11-27.csv";

    @TempDir
    Path folder;

    private final TemplateCatalog catalog = TemplateCatalog.shipped();
    private final KpiEngine engine = new KpiEngine(KpiCatalog.load(ConfigFolder.shipped()));
    private Lake lake;
    private SubmissionRegistry registry;
    private SubmissionIngester ingester;
    private final List<String> journal = new ArrayList<>();

    @Test
    void everyIncrementalNightEqualsAFullRebuild() throws Exception {
        int steps = Integer.parseInt(System.getenv().getOrDefault("MARSAD_REPLAY_STEPS", "50"));
        long seed = Long.parseLong(System.getenv().getOrDefault("MARSAD_REPLAY_SEED", "20301"));
        Random random = new Random(seed);
        lake = Lake.local(folder.resolve("lake"));
        registry = new SubmissionRegistry(lake);
        ingester = new SubmissionIngester(
                lake, registry, catalog, new SubmissionValidator(catalog, ReportReaders::open), Messages.shipped());

        // given the demo's submissions in the order they were received, the big national day left out
        Path landing = folder.resolve("landing");
        DemoLandingZone.generate(landing, DemoLandingZone.DEFAULT_SEED, DEMO_AS_OF);
        List<LandingSubmission> pool = new ArrayList<>(new LandingScanner(Set.copyOf(catalog.ids()), Duration.ZERO)
                .scan(landing)
                .submissions());
        pool.removeIf(submission -> submission.displayName().contains(BIG_FILE));
        // ADD's small daily exports of the last two months only: each month of them adds about 90 vintages to every
        // full scoring, and two months take the same paths (a month of daily reports, a month still running) as twelve
        pool.removeIf(DemoSubsets::isOlderAddDailyExport);
        pool.sort(Comparator.comparing(LandingSubmission::receivedAt));
        List<LandingSubmission> held = new ArrayList<>();
        List<LandingSubmission> ingested = new ArrayList<>();

        // and a first night on the first third of them (a few held back, to arrive later as backfills), built in full
        int start = pool.size() / 3;
        for (int i = 0; i < start; i++) {
            LandingSubmission next = pool.remove(0);
            if (i % 7 == 3) {
                held.add(next);
                continue;
            }
            ingest(next, next.receivedAt(), "arrival");
            ingested.add(next);
        }
        LocalDate asOf = day(ingested.get(ingested.size() - 1).receivedAt());
        Path published = night(0, asOf, null);

        List<Integer> firstKinds = new ArrayList<>(List.of(0, 40, 60, 70, 80, 90));
        java.util.Collections.shuffle(firstKinds, random);
        for (int step = 1; step <= steps; step++) {
            asOf = asOf.plusDays(1 + random.nextInt(12));
            Instant now = asOf.atTime(12, 0).toInstant(ZoneOffset.UTC).plusSeconds(step);
            // the first steps take each kind of change once, in a random order; then any, at random
            int kind = step <= firstKinds.size() ? firstKinds.get(step - 1) : random.nextInt(100);
            if (kind < 35 && !pool.isEmpty()) {
                // arrivals received by the as-of date, in order; some held back to arrive later as backfills
                int taken = 0;
                while (!pool.isEmpty()
                        && taken < 6
                        && !day(pool.get(0).receivedAt()).isAfter(asOf)) {
                    LandingSubmission next = pool.remove(0);
                    if (random.nextInt(5) == 0) {
                        held.add(next);
                        continue;
                    }
                    ingest(next, next.receivedAt(), "arrival");
                    ingested.add(next);
                    taken++;
                }
            } else if (kind < 55) {
                // a revision of a CSV report already received: some rows dropped, some channels or amounts changed
                LandingSubmission original = pickCsv(ingested, random);
                if (original != null) {
                    ingest(revise(original, random, step), now, "revision");
                }
            } else if (kind < 65 && !pool.isEmpty()) {
                // a late file: a report of a past period received now
                LandingSubmission late = pool.remove(random.nextInt(pool.size()));
                ingest(late, now, "late");
                ingested.add(late);
            } else if (kind < 75 && !held.isEmpty()) {
                // a backfill: a report received with its original, earlier time
                LandingSubmission backfill = held.remove(random.nextInt(held.size()));
                ingest(backfill, backfill.receivedAt(), "backfill");
                ingested.add(backfill);
            } else if (kind < 85) {
                withdrawOne(random, now);
            } else {
                journal.add("nothing new");
            }
            published = night(step, asOf, published);
        }
        // and the by-period vintages of the last full build are those of the KPIs as known at every received time
        Path full = folder.resolve("full-reference.duckdb");
        Path reference = folder.resolve("every-vintage.duckdb");
        TestWarehouses.builder(lake, catalog)
                .build(registry.snapshot(), full, folder.resolve("cache"), WarehouseBuilder.BuildRequest.full(asOf));
        Files.copy(full, reference);
        score(full, asOf, engine);
        score(reference, asOf, new KpiEngine(EveryVintageCatalog.shipped()));
        assertThat(TestWarehouses.differences(full, reference)).isEmpty();

        assertThat(journal).anyMatch(line -> line.startsWith("revision"));
        assertThat(journal).anyMatch(line -> line.startsWith("backfill"));
        assertThat(journal).anyMatch(line -> line.startsWith("withdrawal"));
    }

    /** Builds and scores the step's warehouse from the previous one and from the whole lake; both must be equal. */
    private Path night(int step, LocalDate asOf, Path previous) throws Exception {
        RegistrySnapshot snapshot = registry.snapshot();
        WarehouseBuilder builder = TestWarehouses.builder(lake, catalog);
        Path incremental = folder.resolve("incremental-" + step + ".duckdb");
        var summary = builder.build(
                snapshot,
                incremental,
                folder.resolve("cache"),
                new WarehouseBuilder.BuildRequest(previous, "definitions", asOf, false));
        score(incremental, asOf);
        Path full = folder.resolve("full-" + step + ".duckdb");
        builder.build(
                snapshot,
                full,
                folder.resolve("cache"),
                new WarehouseBuilder.BuildRequest(null, "definitions", asOf, true));
        score(full, asOf);

        if (previous != null) {
            assertThat(summary.state().mode())
                    .as("step %d: %s", step, summary.state().reason())
                    .isEqualTo(BuildState.INCREMENTAL);
            Files.delete(previous);
        }
        List<String> differences = TestWarehouses.differences(incremental, full);
        assertThat(differences)
                .as("step %d as of %s after:%n  %s", step, asOf, String.join("\n  ", journal))
                .isEmpty();
        Files.delete(full);
        return incremental;
    }

    private void score(Path warehouse, LocalDate asOf) throws Exception {
        score(warehouse, asOf, engine);
    }

    private static void score(Path warehouse, LocalDate asOf, KpiEngine engine) throws Exception {
        try (Connection connection = WarehouseBuilder.open(warehouse)) {
            engine.score(connection, asOf);
        }
    }

    private void ingest(LandingSubmission submission, Instant receivedAt, String kind) throws IOException {
        LandingSubmission received = new LandingSubmission(
                submission.template(),
                submission.submitter(),
                submission.parts(),
                submission.displayName(),
                receivedAt);
        SubmissionRecord record = ingester.ingest(received, LandingScanner.submissionId(received.parts()));
        journal.add(kind + " " + submission.template() + "/" + submission.submitter() + "/" + submission.displayName()
                + " received " + receivedAt + " (" + record.status() + ")");
    }

    private void withdrawOne(Random random, Instant now) throws IOException {
        List<SubmissionRecord> current = registry.snapshot().current();
        if (current.isEmpty()) {
            return;
        }
        SubmissionRecord withdrawn = current.get(random.nextInt(current.size()));
        registry.withdraw(withdrawn.submissionId(), "replay", now);
        journal.add(
                "withdrawal " + withdrawn.template() + "/" + withdrawn.submitter() + " period " + withdrawn.period());
    }

    private static LandingSubmission pickCsv(List<LandingSubmission> ingested, Random random) {
        List<LandingSubmission> csv = ingested.stream()
                .filter(submission -> submission.parts().size() == 1
                        && submission.parts().get(0).toString().endsWith(".csv"))
                .toList();
        return csv.isEmpty() ? null : csv.get(random.nextInt(csv.size()));
    }

    /**
     * The same report with about a tenth of its rows dropped and, in e-service requests, some channels changed; read
     * and written as Latin-1, which keeps every byte, so a report in Latin-1 or Windows-1256 keeps its encoding.
     */
    private LandingSubmission revise(LandingSubmission original, Random random, int step) throws IOException {
        List<String> lines = Files.readAllLines(original.parts().get(0), StandardCharsets.ISO_8859_1);
        List<String> revised = new ArrayList<>();
        revised.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            int draw = random.nextInt(10);
            if (draw == 0 && lines.size() > 3) {
                continue;
            }
            revised.add(draw == 1 ? line.replace(",counter,", ",web,") : line);
        }
        Path file = folder.resolve("revisions/" + step)
                .resolve(original.parts().get(0).getFileName());
        Files.createDirectories(file.getParent());
        Files.write(file, revised, StandardCharsets.ISO_8859_1);
        return new LandingSubmission(
                original.template(), original.submitter(), List.of(file), original.displayName(), Instant.EPOCH);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
