package ma.marsad.jobs.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.common.WarehouseTables;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.warehouse.ModelCatalog;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marsad bench}: measures ingestion and the warehouse load against DuckDB's native readers on one generated
 * {@code egov-requests} file, in one JVM and one run, so the ratios compare like with like on the same machine.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = NightlyBenchCommand.class,
        description = {
            "Generates an egov-requests CSV file of N rows, then measures side by side:",
            "(a) DuckDB: COPY (SELECT * FROM read_csv(file)) TO Parquet, ZSTD, default threads;",
            "(b) Marsad: ingestion of that file into validated staging Parquet (every rule, lineage," + " quarantine);",
            "(c) the lake loaded into warehouse tables (no models) by Marsad and by DuckDB's plain"
                    + " CREATE TABLE AS SELECT * FROM read_parquet(...), each into a database file, twice,"
                    + " each going first once; the faster run of each counts.",
            "Prints rows/s, CPU time and peak Java heap per phase, then the two ratios of rows per second.",
            "Give it the heap the nightly job gets: JAVA_OPTS=-Xmx1g ./marsad bench --rows 10000000",
            "marsad bench nightly --days N measures whole nightly runs instead (see its --help)."
        })
public class BenchCommand implements Callable<Integer> {

    static final String TEMPLATE = "egov-requests";
    static final String SUBMITTER = "ADD";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final long ROWS_MISSING = -1;

    // Not required by the parser, so that "bench nightly" parses without it.
    @Option(names = "--rows", paramLabel = "N", description = "Rows in the generated file (required)")
    long rows = ROWS_MISSING;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Folder for the files (kept in DIR/bench for inspection)."
                    + " Default: a temporary folder, deleted at the end")
    Path work;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated data. Default: 2030")
    long seed = 2030;

    @Override
    public Integer call() throws Exception {
        if (rows == ROWS_MISSING) {
            throw new UsageException("Missing required option: '--rows=N' (or: marsad bench nightly --days N)");
        }
        if (rows < 1 || rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--rows must be between 1 and " + Integer.MAX_VALUE + ", not " + rows);
        }
        BenchFolder.run(work, "bench", folder -> run(folder, System.out));
        return 0;
    }

    private void run(Path folder, PrintStream out) throws IOException, SQLException {
        Path csv = folder.resolve("landing/" + TEMPLATE + "/" + SUBMITTER + "/demandes-" + DAY + ".csv");
        Files.createDirectories(csv.getParent());
        long start = System.nanoTime();
        long bytes = EgovRequestsFile.write(csv, DAY, rows, seed);
        out.printf(
                Locale.ROOT,
                "marsad bench: %,d %s rows, %,.1f MB of CSV, generated in %.1f s; %d cores, max heap %,d MB%n",
                rows,
                TEMPLATE,
                bytes / 1e6,
                (System.nanoTime() - start) / 1e9,
                Runtime.getRuntime().availableProcessors(),
                HeapProbe.maxHeapBytes() >> 20);

        HeapProbe heap = new HeapProbe();
        List<Phase> phases = new ArrayList<>();
        ConfigFolder config = ConfigFolder.shipped();
        TemplateCatalog templates = TemplateCatalog.load(config);
        // Like the loads below, (a) and (b) run twice, each going first once, and each keeps its faster run: the
        // second run of (b) finds its code compiled, as a nightly job does after its first files.
        Phase duckdbCsv = null;
        Phase ingest = null;
        Lake lake = null;
        SubmissionRegistry registry = null;
        for (int round = 1; round <= 2; round++) {
            Lake roundLake = Lake.local(folder.resolve("lake-" + round));
            SubmissionRegistry roundRegistry = new SubmissionRegistry(roundLake);
            Path nativeParquet = folder.resolve("duckdb-native-" + round + ".parquet");
            Phase copied;
            Phase ingested;
            if (round == 1) {
                copied = duckdbCopy(csv, nativeParquet, heap);
                ingested = ingest(csv, templates, roundLake, roundRegistry, heap);
            } else {
                ingested = ingest(csv, templates, roundLake, roundRegistry, heap);
                copied = duckdbCopy(csv, nativeParquet, heap);
            }
            out.printf(
                    Locale.ROOT,
                    "   run %d: (a) %.2f s, (b) %.2f s%n",
                    round,
                    copied.nanos() / 1e9,
                    ingested.nanos() / 1e9);
            duckdbCsv = duckdbCsv == null ? copied : faster(duckdbCsv, copied);
            if (ingest == null || ingested.nanos() < ingest.nanos()) {
                ingest = ingested;
                lake = roundLake;
                registry = roundRegistry;
            }
        }
        phases.add(duckdbCsv);
        report(out, duckdbCsv);
        phases.add(ingest);
        report(out, ingest);

        SubmissionRecord record = registry.all().get(0);
        Path staging = Path.of(lake.resolve("staging/" + record.stagingFile()).toUri());
        // Both loads write a database file of the same size, and the one that runs second pays for the first one's
        // write-back to disk: they run twice, each going first once, and each keeps its faster run.
        Phase plain = null;
        Phase warehouse = null;
        for (int round = 1; round <= 2; round++) {
            Path plainFile = folder.resolve("duckdb-plain-" + round + ".duckdb");
            Path warehouseFile = folder.resolve("warehouse-" + round + ".duckdb");
            if (round == 1) {
                plain = duckdbCreateTable(staging, record.rowsAccepted(), plainFile, heap);
                warehouse = warehouseLoad(lake, registry, templates, config, folder, warehouseFile, heap);
            } else {
                warehouse = faster(
                        warehouse, warehouseLoad(lake, registry, templates, config, folder, warehouseFile, heap));
                plain = faster(plain, duckdbCreateTable(staging, record.rowsAccepted(), plainFile, heap));
            }
        }
        phases.add(plain);
        report(out, plain);
        phases.add(warehouse);
        report(out, warehouse);

        out.println();
        out.printf(Locale.ROOT, "ingest_vs_duckdb_ratio: %.2f%n", ingest.rowsPerSecond() / duckdbCsv.rowsPerSecond());
        out.printf(Locale.ROOT, "warehouse_vs_duckdb_ratio: %.2f%n", warehouse.rowsPerSecond() / plain.rowsPerSecond());
    }

    private Phase duckdbCopy(Path csv, Path parquet, HeapProbe heap) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            String threads = setting(statement, "threads");
            heap.reset();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            statement.execute("copy (select * from read_csv(" + literal(csv) + ")) to " + literal(parquet)
                    + " (format parquet, compression zstd)");
            long nanos = System.nanoTime() - start;
            cpu = processCpuNanos() - cpu;
            return new Phase("(a) DuckDB read_csv -> Parquet, threads=" + threads, rows, nanos, cpu, heap.peakBytes());
        }
    }

    private Phase ingest(Path csv, TemplateCatalog templates, Lake lake, SubmissionRegistry registry, HeapProbe heap)
            throws IOException {
        SubmissionIngester ingester = new SubmissionIngester(
                lake,
                registry,
                templates,
                new SubmissionValidator(templates, ReportReaders::open),
                Messages.load(ConfigFolder.shipped()));
        LandingSubmission submission = new LandingSubmission(
                TEMPLATE, SUBMITTER, List.of(csv), TEMPLATE + "/" + SUBMITTER + "/" + csv.getFileName(), Instant.now());
        // discovery's hash, outside the measure as in a nightly run (ingestion hashes its own copy again)
        String submissionId = LandingScanner.submissionId(submission.parts());
        heap.reset();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        SubmissionRecord record = ingester.ingest(submission, submissionId);
        long nanos = System.nanoTime() - start;
        cpu = processCpuNanos() - cpu;
        long expectedAccepted = rows - EgovRequestsFile.badRows(rows);
        if (record.rowsRead() != rows || record.rowsAccepted() != expectedAccepted) {
            throw new IllegalStateException("ingestion read " + record.rowsRead() + " rows and accepted "
                    + record.rowsAccepted() + " (" + record.status() + ", " + record.fileErrorCode()
                    + "); expected " + rows + " and " + expectedAccepted);
        }
        return new Phase(
                "(b) Marsad ingest: validate, lineage, quarantine " + record.rowsQuarantined(),
                rows,
                nanos,
                cpu,
                heap.peakBytes());
    }

    private Phase duckdbCreateTable(Path staging, long stagedRows, Path database, HeapProbe heap) throws SQLException {
        try (Connection duckdb = WarehouseBuilder.open(database);
                Statement statement = duckdb.createStatement()) {
            String threads = setting(statement, "threads");
            heap.reset();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            statement.execute("create table t as select * from read_parquet([" + literal(staging) + "])");
            long nanos = System.nanoTime() - start;
            cpu = processCpuNanos() - cpu;
            return new Phase(
                    "(c) DuckDB CREATE TABLE AS read_parquet, threads=" + threads,
                    stagedRows,
                    nanos,
                    cpu,
                    heap.peakBytes());
        }
    }

    private Phase warehouseLoad(
            Lake lake,
            SubmissionRegistry registry,
            TemplateCatalog templates,
            ConfigFolder config,
            Path folder,
            Path database,
            HeapProbe heap)
            throws IOException, SQLException {
        WarehouseBuilder builder = new WarehouseBuilder(
                lake, ModelCatalog.load(config), WarehouseTables.of(templates), List.of(), r -> null);
        var snapshot = registry.snapshot();
        try (Connection warehouse = WarehouseBuilder.open(database)) {
            heap.reset();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            Map<String, Long> loaded = builder.loadFactsOnly(warehouse, snapshot, folder.resolve("cache"));
            long nanos = System.nanoTime() - start;
            cpu = processCpuNanos() - cpu;
            long factRows = loaded.values().stream().mapToLong(Long::longValue).sum();
            return new Phase("(c) Marsad warehouse load, facts only", factRows, nanos, cpu, heap.peakBytes());
        }
    }

    private static Phase faster(Phase first, Phase second) {
        return second.nanos() < first.nanos() ? second : first;
    }

    private static void report(PrintStream out, Phase phase) {
        out.printf(
                Locale.ROOT,
                "%-58s %,12d rows %8.2f s (cpu %6.2f s) %,12.0f rows/s   peak heap %,6d MB%n",
                phase.name(),
                phase.rows(),
                phase.nanos() / 1e9,
                phase.cpuNanos() / 1e9,
                phase.rowsPerSecond(),
                phase.peakHeapBytes() >> 20);
    }

    /** CPU time of the whole process, all threads (DuckDB's included): shows how much of a phase was waiting. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("select current_setting('" + name + "')")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String literal(Path path) {
        String text = path.toAbsolutePath().toString();
        if (text.contains("'")) {
            throw new IllegalArgumentException("the bench folder must not contain a quote: " + text);
        }
        return "'" + text + "'";
    }

    /** One measured phase. */
    private record Phase(String name, long rows, long nanos, long cpuNanos, long peakHeapBytes) {
        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }
    }
}
