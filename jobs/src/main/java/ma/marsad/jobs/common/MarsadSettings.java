package ma.marsad.jobs.common;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a Marsad installation keeps its state, and how a run reads the landing zone. Set by the command line
 * ({@code --work}, {@code --landing}, {@code --config}, {@code --lake}, {@code --as-of}) or as {@code marsad.*}
 * properties.
 *
 * @param work the work folder: job repository, lake, warehouse, site, feedback, runs
 * @param landing the landing zone (default {@code <work>/landing})
 * @param config a folder whose templates/, kpis/, models/, dashboards/ replace the shipped ones, or null
 * @param lake the lake URI (default {@code <work>/lake}); {@code hdfs://…} or {@code s3a://…} work too
 * @param asOf the date the run reports as of (default today)
 * @param stabilityCheck how long a landing file without {@code .done} must stay unchanged to count as complete
 * @param warehouseVersions how many previous warehouse versions to keep for rollback
 * @param hadoop Hadoop properties passed to the lake's FileSystem (e.g. {@code fs.s3a.endpoint})
 * @param rehash whether discovery reads every landing file again instead of trusting the landing index
 * @param fullRebuild whether the warehouse is rebuilt from the whole lake even when the published one could be started
 *     from
 * @param catalog the Iceberg catalog of the lake's tables: null for a Hadoop catalog at {@code <lake>/iceberg}, or a
 *     {@code jdbc:postgresql://…} address for the JDBC catalog (the one for several writing processes)
 */
@ConfigurationProperties("marsad")
public record MarsadSettings(
        Path work,
        Path landing,
        Path config,
        String lake,
        LocalDate asOf,
        Duration stabilityCheck,
        Integer warehouseVersions,
        Map<String, String> hadoop,
        Boolean rehash,
        Boolean fullRebuild,
        String catalog) {

    public MarsadSettings {
        work = (work == null ? Path.of("work") : work).toAbsolutePath().normalize();
        landing = (landing == null ? work.resolve("landing") : landing)
                .toAbsolutePath()
                .normalize();
        lake = lake == null || lake.isBlank() ? work.resolve("lake").toUri().toString() : lake;
        asOf = asOf == null ? LocalDate.now() : asOf;
        stabilityCheck = stabilityCheck == null ? Duration.ofSeconds(2) : stabilityCheck;
        warehouseVersions = warehouseVersions == null ? 3 : warehouseVersions;
        hadoop = hadoop == null ? Map.of() : Map.copyOf(hadoop);
        rehash = rehash != null && rehash;
        fullRebuild = fullRebuild != null && fullRebuild;
        catalog = catalog == null || catalog.isBlank() ? null : catalog;
    }

    public Path warehouseDir() {
        return work.resolve("warehouse");
    }

    public Path site() {
        return work.resolve("site");
    }

    public Path feedback() {
        return work.resolve("feedback");
    }

    public Path runs() {
        return work.resolve("runs");
    }

    /** What discovery knows of landing files already read (see {@code LandingIndex}). */
    public Path landingIndex() {
        return work.resolve("landing-index.tsv");
    }

    public Path cache() {
        return work.resolve("cache");
    }
}
