package ma.marsad.jobs.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.marsad.jobs.MarsadCommand;
import ma.marsad.pipeline.demo.DemoLandingZone;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The demo site as a ministry official reads it, as of 2026-12-04 (a month four days old), in headless Chromium: what
 * a status comes from, a running period kept apart, a site that needs nothing outside its folder, each language's own
 * punctuation and direction, and Morocco's UN indices beside the averages and peers. UN DESA's survey files are the
 * published ones from {@code ../shared/data} when they are there (sent as UNDESA would, in place of the demo's
 * synthetic countries); the comparison's figures are checked only then.
 */
class DemoSiteBrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "demo");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 4);

    @TempDir
    static Path work;

    private static Path site;
    private static boolean publishedUnSurvey;
    private static ChromeDriver browser;

    @BeforeAll
    static void runTheDemoAndStartTheBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install them with apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        Path landing = work.resolve("landing");
        DemoLandingZone.generate(landing, DemoLandingZone.DEFAULT_SEED, AS_OF, 0);
        publishedUnSurvey = sendThePublishedUnSurvey(landing.resolve("un-egov-survey/UNDESA"));
        int exit = MarsadCommand.run("demo", "--work", work.toString(), "--as-of", AS_OF.toString(), "--quiet");
        assertThat(exit)
                .as("the demo's nightly run (3: with its deliberately bad files)")
                .isEqualTo(3);
        site = work.resolve("site");
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /**
     * The survey files as UN DESA publishes them, in place of the demo's (same names, same received times); false when
     * {@code ../shared/data} is not beside the repository.
     */
    private static boolean sendThePublishedUnSurvey(Path folder) throws Exception {
        Path data = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && data == null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isRegularFile(candidate.resolve("un_egov_data_2024_all.csv"))) {
                data = candidate;
            }
        }
        if (data == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but ../shared/data with the UN E-Government Survey files is not beside the repository");
            }
            return false;
        }
        for (String year : List.of("2022", "2024")) {
            Path demoFile = folder.resolve("EGOV_DATA_" + year + ".csv");
            FileTime received = Files.getLastModifiedTime(demoFile);
            Files.copy(
                    data.resolve("un_egov_data_" + year + "_all.csv"), demoFile, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(demoFile, received);
        }
        return true;
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStatusComesFromWhatIsKnownAndARunningMonthIsShownApart() throws Exception {
        // GOV-03 as of 2026-12-04: the status of November, complete; December's 4 days are provisional
        String latestComplete = query(
                "select period || ' ' || status from kpi_latest" + " where kpi_id = 'GOV-03' and region_code = '00'");
        assertThat(latestComplete).startsWith("2026-11 ");
        open("fr", "index.html");
        WebElement governance = tile("GOV-03");
        assertThat(governance.getAttribute("data-status")).isEqualTo(latestComplete.substring(8));
        assertThat(governance.findElement(By.cssSelector(".date")).getText()).startsWith("Période 2026-11 ·");
        assertThat(governance.findElement(By.cssSelector(".provisional")).getText())
                .startsWith("Période en cours, valeur provisoire 2026-12 : "); // WebDriver's text shows nbsp as space
        // TAL-04's only observation is its baseline: said so, not on track
        assertThat(tile("TAL-04").getAttribute("data-status")).isEqualTo("baseline_only");
        assertThat(tile("TAL-04").getText()).contains("Référence établie").doesNotContain("En bonne voie");
        // CON-05 is scored against its 2026 milestone and names it
        assertThat(tile("CON-05").getText()).contains("Jalon 2026 : 6.300").doesNotContain("Pas de cible 2030");

        // the chart: the history stops at November, December is a point of its own, the forecast starts in November
        open("fr", "kpi-gov-03.html");
        assertThat(chartSeries())
                .containsExactly(
                        "Historique emptyCircle first 2024-02-29 last 2026-11-30",
                        "Période en cours (provisoire) emptyDiamond first 2026-12-31 last 2026-12-31",
                        "Trajectoire cible emptyCircle first 2024-02-29 last 2030-12-31",
                        "Projection 2030 emptyCircle first 2026-11-30 last 2030-12-31");
    }

    @Test
    void aKpiPageNamesTheMonthsItsFiguresTakeFromASampleOfDays() throws Exception {
        // DGI reports one sample day a month; ADD exports every day of the last twelve months, one day a month before
        assertThat(query("select count(*) from period_coverage where submitter = 'DGI' and not is_sample"))
                .isEqualTo("0");
        assertThat(query("select min(period) from period_coverage where submitter = 'ADD' and not is_sample"))
                .isEqualTo("2025-12");
        assertThat(query("select string_agg(period, ',') from period_coverage where submitter = 'ADD'"
                        + " and period >= '2025-12' and is_sample"))
                .as("ADD's months of daily exports, December 2026 included (its 3 days so far)")
                .isNull();

        open("fr", "kpi-egov-03.html");
        WebElement samples =
                browser.findElement(By.xpath("//section[h2[text()='Mois calculés sur un échantillon de jours']]"));
        List<String> rows = samples.findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2025-11 ADD 1 30 "));
        assertThat(rows).anySatisfy(row -> assertThat(row).matches("2026-\\d\\d DGI 1 \\d\\d .*"));
        assertThat(rows).noneSatisfy(row -> assertThat(row).startsWith("2026-10 ADD"));
        // a KPI whose source has no dated rows has no such panel
        open("fr", "kpi-tal-01.html");
        assertThat(browser.findElements(By.xpath("//h2[text()='Mois calculés sur un échantillon de jours']")))
                .isEmpty();
    }

    @Test
    void theSiteNeedsNothingOutsideItsFolder() throws Exception {
        // the root page offers the three languages and sends nobody anywhere
        browser.get(site.resolve("index.html").toUri().toString());
        assertThat(browser.findElements(By.cssSelector("meta[http-equiv='refresh']")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("main li a")))
                .extracting(link -> link.getAttribute("hreflang") + " " + link.getText())
                .containsExactly("fr Français", "ar العربية", "en English");

        // every feedback report the data-supply page links to is a file of the site, in the page's language
        for (String language : List.of("fr", "ar", "en")) {
            open(language, "data-supply.html");
            List<WebElement> reports = browser.findElements(By.cssSelector("a[href*='feedback/']"));
            assertThat(reports).as(language).hasSize(7);
            for (WebElement report : reports) {
                String href = report.getAttribute("href");
                assertThat(href)
                        .as(language)
                        .startsWith(site.toUri().toString())
                        .endsWith("." + language + ".html");
                assertThat(Path.of(URI.create(href))).isRegularFile();
            }
        }
        // no page links a file outside the site folder
        List<String> outside = new ArrayList<>();
        Pattern link = Pattern.compile("href=\"(\\.\\./)+[^\"]*\"");
        for (String language : List.of("fr", "ar", "en")) {
            try (var pages = Files.list(site.resolve(language))) {
                for (Path page : pages.toList()) {
                    Matcher matcher = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        if (matcher.group().startsWith("href=\"../../")) {
                            outside.add(language + "/" + page.getFileName() + ": " + matcher.group());
                        }
                    }
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void chartsSayWhatTheyShowAndMapsShadeFromZero() {
        open("fr", "kpi-gov-03.html");
        Object caption = ((JavascriptExecutor) browser)
                .executeScript("return Marsad.captionLines(document.querySelector('.chart-figure'));");
        assertThat(caption)
                .asList()
                .containsExactly(
                        "Rapports reçus dans les délais — Trajectoire vers 2030",
                        "Unité\u00a0: %",
                        "Source\u00a0: Marsad, d'après les rapports «\u00a0Calendrier des soumissions\u00a0»",
                        "Données au 4 déc. 2026");

        open("ar", "regions.html");
        List<WebElement> maps = browser.findElements(By.cssSelector(".svg-chart svg"));
        assertThat(maps).isNotEmpty();
        for (WebElement map : maps) {
            assertThat(map.findElement(By.cssSelector(".legend-heading")).getText())
                    .isEqualTo("سلم يبدأ من 0");
            List<WebElement> classes = map.findElements(By.cssSelector(".legend-class[data-shade='0'] text"));
            assertThat(classes.get(0).getText()).startsWith("0 – ");
        }
    }

    @Test
    void eachLanguageKeepsItsPunctuationAndArabicKeepsNumbersAndPeriodsWhole() {
        List<String> problems = new ArrayList<>();
        for (String page : List.of("index.html", "kpi-gov-03.html", "kpi-con-05.html", "methodology.html")) {
            open("en", page);
            String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
            Matcher french = Pattern.compile(".{0,30}[\\s\u00a0\u202f]:").matcher(text);
            while (french.find()) {
                problems.add("en/" + page + ": " + french.group());
            }
        }
        browser.manage().window().setSize(new Dimension(390, 900));
        try {
            for (String page : List.of("index.html", "kpi-gov-03.html", "data-supply.html", "un-comparison.html")) {
                open("ar", page);
                ((List<?>) ((JavascriptExecutor) browser).executeScript(BIDI_PROBLEMS))
                        .forEach(problem -> problems.add("ar/" + page + ": " + problem));
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void moroccosUnIndicesStandBesideTheAveragesAndPeers() {
        Assumptions.assumeTrue(publishedUnSurvey, "skipped: ../shared/data with the published UN survey is not here");
        open("en", "un-comparison.html");

        List<String> egdi =
                browser.findElements(By.cssSelector("table")).get(0).findElements(By.cssSelector("tbody tr")).stream()
                        .map(WebElement::getText)
                        .toList();
        // EGDI 2022, 2024 and published ranks; the averages over the 54 African and the 193 Member States
        assertThat(egdi)
                .containsExactly(
                        "Morocco 0.5915 0.6841 101 90",
                        "Africa average 0.4054 0.4247 – –",
                        "World average 0.6102 0.6382 – –",
                        "Tunisia 0.653 0.6935 88 87",
                        "Egypt 0.5895 0.6699 103 95",
                        "Algeria 0.5611 0.5956 112 116",
                        "Rwanda 0.5489 0.5799 119 118",
                        "Kenya 0.5589 0.6314 113 109",
                        "South Africa 0.7357 0.8616 65 40");
        assertThat(browser.findElements(By.cssSelector("table"))
                        .get(1)
                        .findElement(By.cssSelector("tbody tr"))
                        .getText())
                .isEqualTo("Morocco 0.4721 0.5618 113 100");
    }

    @Test
    void theDemoPagesHaveNoAxeViolationAndFitAPhone() throws Exception {
        String axe;
        try (var in = DemoSiteBrowserIntegrationTests.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> problems = new ArrayList<>();
        try {
            for (int width : List.of(1280, 390)) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(site.resolve("index.html").toUri().toString());
                problems.addAll(axeProblems(axe, "index.html at " + width + " px", width));
                for (String language : List.of("fr", "ar", "en")) {
                    for (String page : List.of(
                            "index.html",
                            "kpi-gov-03.html",
                            "kpi-tal-04.html",
                            "regions.html",
                            "un-comparison.html",
                            "data-supply.html")) {
                        open(language, page);
                        problems.addAll(axeProblems(axe, language + "/" + page + " at " + width + " px", width));
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void screenshotsOfTheOverviewAndAKpiPageInFrenchAndArabic() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 2600));
        try {
            for (String language : List.of("fr", "ar")) {
                for (String page : List.of("index.html", "kpi-gov-03.html", "un-comparison.html")) {
                    open(language, page);
                    Path shot = SCREENSHOTS.resolve(language + "-" + page.replace(".html", ".png"));
                    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    assertThat(Files.size(shot)).isPositive();
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private static void open(String language, String page) {
        browser.get(site.resolve(language).resolve(page).toUri().toString());
    }

    private static WebElement tile(String kpiId) {
        return browser.findElement(By.xpath("//article[contains(@class, 'tile')][.//bdi[text()='" + kpiId + "']]"));
    }

    /** Each series of the page's first chart: name, symbol, first and last dates. */
    private static List<String> chartSeries() {
        Object series = ((JavascriptExecutor) browser)
                .executeScript("return echarts.getInstanceByDom(document.querySelector('.chart')).getOption().series"
                        + ".map(function (s) { return s.name + ' ' + s.symbol + ' first ' + s.data[0][0]"
                        + " + ' last ' + s.data[s.data.length - 1][0]; });");
        return ((List<?>) series).stream().map(Object::toString).toList();
    }

    private static String query(String sql) throws Exception {
        try (Connection connection = WarehouseBuilder.openReadOnly(work.resolve("warehouse/marsad.duckdb"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** axe-core's violations on the open page, and its overflow of a 390 px phone. */
    private static List<String> axeProblems(String axe, String where, int width) {
        JavascriptExecutor script = browser;
        List<String> problems = new ArrayList<>();
        script.executeScript(axe);
        Object violations = script.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.map(function (v) { return v.id + ' ' +"
                + " v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3)"
                + ".join(' | '); })); });");
        ((List<?>) violations).forEach(violation -> problems.add(where + ": " + violation));
        Long overflow = (Long) script.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        if (width == 390 && overflow > 0) {
            problems.add(where + ": page wider than the viewport by " + overflow + " px");
        }
        return problems;
    }

    /** Numbers and period keys not isolated from the text around them, and isolated ones the line breaking split. */
    private static final String BIDI_PROBLEMS = """
            var problems = [];
            function isolate(element) {
              for (var e = element; e && e !== document.body; e = e.parentElement) {
                var style = getComputedStyle(e);
                if (/isolate|plaintext/.test(style.unicodeBidi)) { return e; }
                if (style.display !== 'inline') { return null; }
              }
              return null;
            }
            document.querySelectorAll('main [data-num], main .period').forEach(function (element) {
              if (element.closest('svg')) { return; }
              if (!isolate(element)) { problems.push('not isolated: ' + element.textContent); }
              else if (element.getClientRects().length > 1) { problems.push('split: ' + element.textContent); }
            });
            var key = /\\b\\d{4}-(Q[1-4]|S[12]|\\d{2})\\b/;
            var walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              var node = walker.currentNode;
              if (!key.test(node.data) || node.parentElement.closest('svg, script')) { continue; }
              if (!isolate(node.parentElement)) { problems.push('period not isolated: ' + node.data.trim().slice(0, 80)); }
            }
            return problems;
            """;
}
