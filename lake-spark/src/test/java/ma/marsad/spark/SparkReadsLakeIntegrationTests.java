package ma.marsad.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.kpi.KpiCatalog;
import ma.marsad.pipeline.kpi.KpiDefinition;
import ma.marsad.pipeline.lake.IcebergLake;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark reads the Iceberg lake two nights wrote: its KPIs and row counts are the published warehouse's, and the
 * snapshot of the first night still holds the figures a revision replaced on the second.
 */
class SparkReadsLakeIntegrationTests {

    private static final String EGOV_REQUESTS = "egov-requests";
    private static final String DIGITAL_TRAINING = "digital-training";
    private static final String AI_PROGRAMME = "ai-programme-quarterly";
    private static final List<String> KPIS =
            List.of("EGOV-03", "EGOV-04", "EGOV-05", "TAL-01", "TAL-03", "AI-03", "AI-04");
    /** The revision adds this many talents to the lab's last quarter. */
    private static final long ADDED_TALENTS = 100;

    @TempDir
    static Path folder;

    private static Path warehouseFile;
    private static SparkSession spark;
    private static final Map<String, Map<String, Double>> firstNightKpis = new HashMap<>();
    private static long firstNightSnapshot;
    private static Instant betweenNights;
    private static String revisedQuarter;
    private static String labRegion;

    @BeforeAll
    static void twoNights() throws Exception {
        // given a night over a small demo landing zone
        Path landing = SmallLandingZone.create(folder.resolve("landing"));
        Path work = folder.resolve("work");
        warehouseFile = work.resolve("warehouse/marsad.duckdb");
        NightlyRun.run(work, landing, SmallLandingZone.AS_OF);
        try (PublishedWarehouse warehouse = PublishedWarehouse.open(warehouseFile)) {
            for (String kpi : KPIS) {
                firstNightKpis.put(kpi, warehouse.latestKpiValues(kpi));
            }
        }
        spark = LocalSpark.overLakeOf(work);
        firstNightSnapshot = spark.sql("select snapshot_id from " + table(AI_PROGRAMME)
                        + ".snapshots order by committed_at desc limit 1")
                .first()
                .getLong(0);
        betweenNights = Instant.now();

        // and a second night after the AI lab rectified its last quarter
        reviseLastLabReport(landing.resolve(AI_PROGRAMME).resolve("MISTRAL-LAB"));
        NightlyRun.run(work, landing, SmallLandingZone.AS_OF.plusDays(1));
    }

    @Test
    void everyTemplateTableHoldsTheRowsOfItsWarehouseFact() throws Exception {
        try (PublishedWarehouse warehouse = PublishedWarehouse.open(warehouseFile)) {
            List<String> templates = warehouse.templateIds();
            assertThat(templates).contains(EGOV_REQUESTS, DIGITAL_TRAINING, AI_PROGRAMME);
            for (String template : templates) {
                long sparkRows = spark.sql("select count(*) from " + table(template))
                        .first()
                        .getLong(0);
                assertThat(sparkRows).as("rows of %s", template).isPositive().isEqualTo(warehouse.factRows(template));
            }
        }
    }

    @Test
    void eGovernmentRequestKpisAreTheWarehouseFigures() throws Exception {
        showCurrent(EGOV_REQUESTS);
        assertSameAsWarehouse("EGOV-03", "EGOV-04", "EGOV-05");
    }

    @Test
    void trainingKpisAreTheWarehouseFigures() throws Exception {
        showCurrent(DIGITAL_TRAINING);
        assertSameAsWarehouse("TAL-01", "TAL-03");
    }

    @Test
    void aiProgrammeKpisAreTheWarehouseFigures() throws Exception {
        showCurrent(AI_PROGRAMME);
        assertSameAsWarehouse("AI-03", "AI-04");
    }

    @Test
    void theSnapshotOfTheFirstNightHoldsThePreRevisionFigures() {
        // when the AI programme's table is read as of the first night's snapshot, then as of a time between the nights
        show(AI_PROGRAMME, " version as of " + firstNightSnapshot);
        Map<String, Double> bySnapshot = SparkKpis.values(spark, "AI-04");
        show(AI_PROGRAMME, " timestamp as of '" + betweenNights + "'");
        Map<String, Double> byTime = SparkKpis.values(spark, "AI-04");
        showCurrent(AI_PROGRAMME);
        Map<String, Double> current = SparkKpis.values(spark, "AI-04");

        // then both give the figures the first night published, and the current snapshot the revised ones: the lab's
        // region and the nation gain 100 talents from the revised quarter on, since AI-04 is a running total
        Map<String, Double> published = firstNightKpis.get("AI-04");
        assertClose(bySnapshot, published);
        assertClose(byTime, published);
        assertThat(current).containsOnlyKeys(published.keySet());
        published.forEach((key, before) -> {
            String[] periodAndRegion = key.split(" ");
            boolean touched = periodAndRegion[0].compareTo(revisedQuarter) >= 0
                    && (periodAndRegion[1].equals("00") || periodAndRegion[1].equals(labRegion));
            assertThat(current.get(key) - before).as(key).isEqualTo(touched ? ADDED_TALENTS : 0, within(1e-9));
        });
        assertThat(published.keySet()).anyMatch(key -> key.startsWith(revisedQuarter + " 00"));
        // and the revision is one Iceberg commit
        long commitsSince = spark.sql("select count(*) from " + table(AI_PROGRAMME)
                        + ".snapshots where committed_at > '" + betweenNights + "'")
                .first()
                .getLong(0);
        assertThat(commitsSince).isEqualTo(1);
    }

    private static final KpiCatalog CATALOG = KpiCatalog.load(ConfigFolder.shipped());

    private static void assertSameAsWarehouse(String... kpis) throws Exception {
        try (PublishedWarehouse warehouse = PublishedWarehouse.open(warehouseFile)) {
            for (String kpi : kpis) {
                Map<String, Double> published = warehouse.latestKpiValues(kpi);
                assertThat(published).as("%s in the warehouse", kpi).isNotEmpty();
                // the warehouse publishes each value rounded to the KPI's decimals, by the catalogue's one rule
                KpiDefinition definition = CATALOG.find(kpi).orElseThrow();
                Map<String, Double> computed = new java.util.TreeMap<>();
                SparkKpis.values(spark, kpi).forEach((key, value) -> computed.put(key, definition.published(value)));
                assertClose(computed, published);
            }
        }
    }

    /** Same keys, same values but for the last bits of a sum added in another order. */
    private static void assertClose(Map<String, Double> actual, Map<String, Double> expected) {
        assertThat(actual).containsOnlyKeys(expected.keySet());
        expected.forEach((key, value) ->
                assertThat(actual.get(key)).as(key).isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value)))));
    }

    /** The template's table under its bare name, as the KPIs' SQL reads it, at the current snapshot. */
    private static void showCurrent(String template) {
        show(template, "");
    }

    private static void show(String template, String timeTravel) {
        spark.sql("create or replace temporary view "
                + IcebergLake.templateTable(template).name() + " as select * from " + table(template) + timeTravel);
    }

    private static String table(String template) {
        return IcebergLake.CATALOG_NAME + "." + IcebergLake.templateTable(template);
    }

    /**
     * Writes the lab's rectified report of its last quarter: the same row with {@value #ADDED_TALENTS} more talents,
     * received the morning after the first night.
     */
    private static void reviseLastLabReport(Path lab) throws Exception {
        Path last;
        try (Stream<Path> files = Files.list(lab)) {
            last = files.filter(file -> file.toString().endsWith(".json"))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow();
        }
        String report = Files.readString(last, StandardCharsets.UTF_8);
        Matcher quarter = Pattern.compile("\"trimestre\" : \"T(\\d) (\\d{4})\"").matcher(report);
        Matcher region = Pattern.compile("\"code_region\" : \"(\\d{2})\"").matcher(report);
        Matcher talents = Pattern.compile("\"talents_formes\" : (\\d+)").matcher(report);
        assertThat(quarter.find() && region.find() && talents.find()).as(report).isTrue();
        revisedQuarter = quarter.group(2) + "-Q" + quarter.group(1);
        labRegion = region.group(1);
        String revised =
                talents.replaceFirst("\"talents_formes\" : " + (Long.parseLong(talents.group(1)) + ADDED_TALENTS));
        Path rectified = lab.resolve(last.getFileName().toString().replace(".json", "-rectificatif.json"));
        Files.writeString(rectified, revised, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(rectified, FileTime.from(Instant.parse("2026-11-28T09:00:00Z")));
    }
}
