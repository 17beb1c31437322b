package ma.marsad.dashboards.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import ma.marsad.dashboards.definition.DashboardDefinitions;
import ma.marsad.dashboards.definition.Messages;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.warehouse.ModelCatalog;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;

/**
 * Renders the published warehouse into the static trilingual site: every page of the dashboard definitions in French,
 * Arabic and English, with the ECharts library, the site's stylesheet and script, and the submitters' feedback reports
 * the pages link to copied alongside, so the site works offline from {@code file://} and needs nothing outside its
 * folder. The output is a pure function of the warehouse content, the definitions and those reports: rendering the
 * same warehouse twice gives identical bytes (and the same version folder).
 */
public final class SiteRenderer {

    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final String ASSETS = "ma/marsad/dashboards/render/";

    private final ConfigFolder config;

    public SiteRenderer(ConfigFolder config) {
        if (config == null) {
            throw new IllegalArgumentException(
                    "config is null: pass ConfigFolder.shipped() or ConfigFolder.overriddenBy(dir)");
        }
        this.config = config;
    }

    /**
     * Renders into {@code <workDir>/site-versions/<content hash>/} and swaps the symbolic link {@code siteLink} to it.
     *
     * @param warehouseFile the published DuckDB file, opened read-only
     * @param siteLink the symbolic link readers open (for example {@code work/site})
     * @param workDir the folder holding {@code site-versions/}
     */
    public RenderSummary render(Path warehouseFile, Path siteLink, Path workDir) throws IOException, SQLException {
        return render(warehouseFile, siteLink, workDir, List.of());
    }

    /**
     * As {@link #render(Path, Path, Path)}, the run history showing the final records given (read from the runs'
     * summaries, or the run doing the rendering) instead of what the warehouse's {@code ops_run} knew when it was built.
     */
    public RenderSummary render(Path warehouseFile, Path siteLink, Path workDir, List<RunRecord> finalRuns)
            throws IOException, SQLException {
        long start = System.nanoTime();
        if (!Files.isRegularFile(warehouseFile)) {
            throw new NoSuchFileException(warehouseFile.toString(), null, "no published warehouse: build it first");
        }
        DashboardDefinitions definitions = DashboardDefinitions.load(config);
        SiteVersions versions = new SiteVersions(workDir.resolve("site-versions"));
        Path staging = versions.newStagingFolder();
        try {
            int pages = write(definitions, warehouseFile, staging, workDir, finalRuns);
            Path version = versions.publish(staging);
            versions.swapLink(siteLink, version);
            return summarise(version, pages, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | SQLException | RuntimeException e) {
            SiteVersions.deleteTree(staging);
            throw e;
        }
    }

    private int write(
            DashboardDefinitions definitions, Path warehouseFile, Path site, Path workDir, List<RunRecord> finalRuns)
            throws IOException, SQLException {
        try (Connection connection = WarehouseBuilder.openReadOnly(warehouseFile)) {
            RunHistory.shadow(connection, finalRuns);
            WarehouseSnapshot data = WarehouseSnapshot.read(connection);
            FeedbackCopies feedback = new FeedbackCopies(workDir);
            SitePages pages = new SitePages(definitions, data, connection, feedback);
            List<PageScope> scopes = pages.scopes();
            int written = 0;
            for (Language language : Language.values()) {
                Path folder = Files.createDirectories(site.resolve(language.tag()));
                for (PageScope scope : scopes) {
                    Files.writeString(folder.resolve(scope.fileName()), pages.render(scope, language, scopes));
                    written++;
                }
            }
            feedback.copyInto(site);
            Files.writeString(site.resolve("index.html"), rootIndex(definitions));
            ModelCatalog models = ModelCatalog.load(config);
            for (Language language : Language.values()) {
                Files.writeString(
                        site.resolve(language.tag()).resolve("data-dictionary.html"),
                        DataDictionaryPage.render(models, definitions.messages(), language, true));
                written++;
            }
            Files.writeString(
                    site.resolve("data-dictionary.html"),
                    DataDictionaryPage.render(models, definitions.messages(), Language.EN, false));
            written += 2;
            Path assets = Files.createDirectories(site.resolve("assets"));
            copyResource(ECHARTS, assets.resolve("echarts.min.js"));
            copyResource(ASSETS + "marsad.css", assets.resolve("marsad.css"));
            copyResource(ASSETS + "marsad.js", assets.resolve("marsad.js"));
            Files.writeString(
                    Files.createDirectories(site.resolve("data")).resolve("kpi-values.csv"), pages.kpiValuesCsv());
            return written;
        }
    }

    /**
     * The site's front door: the three languages side by side, each in its own language and direction, and no
     * redirect, so nobody is sent to a language they did not choose.
     */
    private static String rootIndex(DashboardDefinitions definitions) {
        Messages messages = definitions.messages();
        StringBuilder choices = new StringBuilder();
        for (Language language : Language.values()) {
            choices.append("<li lang=\"")
                    .append(language.tag())
                    .append("\" dir=\"")
                    .append(language.direction())
                    .append("\"><a href=\"")
                    .append(language.tag())
                    .append("/index.html\" hreflang=\"")
                    .append(language.tag())
                    .append("\">")
                    .append(Html.escape(messages.get("lang." + language.tag(), language)))
                    .append("</a><p>")
                    .append(Html.escape(messages.get("site.tagline", language)))
                    .append("</p></li>");
        }
        return "<!DOCTYPE html>\n<html lang=\"fr\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + Html.escape(messages.get("site.name", Language.FR)) + " · "
                + Html.escape(messages.get("site.name", Language.AR))
                + "</title>\n<link rel=\"stylesheet\" href=\"assets/marsad.css\">\n</head>\n<body>\n"
                + "<main id=\"main\" class=\"language-choice\"><h1>"
                + Html.escape(messages.get("site.name", Language.FR)) + " · <span lang=\"ar\" dir=\"rtl\">"
                + Html.escape(messages.get("site.name", Language.AR)) + "</span></h1><ul>" + choices
                + "</ul></main>\n</body>\n</html>\n";
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NoSuchFileException(
                        resource,
                        null,
                        "missing from the classpath: check the org.webjars:echarts dependency and the build");
            }
            Files.copy(in, target);
        }
    }

    private static RenderSummary summarise(Path version, int pages, Duration duration) throws IOException {
        long total = 0;
        long largest = -1;
        String largestPage = "";
        try (Stream<Path> walk = Files.walk(version)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                long size = Files.size(file);
                total += size;
                if (file.toString().endsWith(".html") && size > largest) {
                    largest = size;
                    largestPage = version.relativize(file).toString().replace('\\', '/');
                }
            }
        }
        return new RenderSummary(version, pages, total, largestPage, Math.max(0, largest), duration);
    }
}
