package ma.marsad.dashboards.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import ma.marsad.pipeline.config.ConfigFolder;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Every page in every language, loaded from file:// in headless Chromium: no script error, charts drawn, RTL. */
class SiteBrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @TempDir
    static Path work;

    private static ChromeDriver browser;
    private static Path site;
    private static List<String> pages;

    @BeforeAll
    static void renderAndStartBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String reason = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install them with apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        Path warehouse = WarehouseFixture.build(Files.createDirectories(work.resolve("warehouse")));
        RenderSummary summary = new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);
        System.out.println("render: " + summary);
        site = work.resolve("site"); // pages are opened through the link, as a reader would
        try (var files = Files.list(summary.siteFolder().resolve("fr"))) {
            pages = files.map(path -> path.getFileName().toString()).sorted().toList();
        }
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
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String language, String page) {
        browser.get(site.resolve(language).resolve(page).toUri().toString());
    }

    private static List<String> severeConsoleEntries() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        return severe;
    }

    @Test
    void everyPageLoadsWithoutErrorsDrawsItsChartsAndIsMirroredInArabic() throws Exception {
        assertThat(pages).contains("index.html", "regions.html", "data-supply.html", "kpi-egov-01.html");
        JavascriptExecutor script = browser;
        for (String language : List.of("fr", "ar", "en")) {
            for (String page : pages) {
                open(language, page);
                String where = language + "/" + page;
                assertThat(browser.findElement(By.tagName("html")).getAttribute("dir"))
                        .as(where)
                        .isEqualTo("ar".equals(language) ? "rtl" : "ltr");
                for (WebElement chart : browser.findElements(By.cssSelector(".chart"))) {
                    Long drawn = (Long) script.executeScript(
                            "var c = arguments[0].querySelector('canvas, svg');"
                                    + " return c ? Math.round(c.getBoundingClientRect().width * c.getBoundingClientRect().height) : 0;",
                            chart);
                    assertThat(drawn)
                            .as("chart %s on %s", chart.getAttribute("id"), where)
                            .isPositive();
                }
                for (WebElement map : browser.findElements(By.cssSelector(".svg-chart svg"))) {
                    assertThat(map.getSize().getWidth()).as(where).isPositive();
                }
                // numbers were localised by the script (it replaced the plain fallback)
                assertThat(severeConsoleEntries())
                        .as("console errors on %s", where)
                        .isEmpty();
                if (page.equals("index.html") || page.equals("kpi-egov-01.html") || page.equals("regions.html")) {
                    screenshot(language + "-" + page.replace(".html", ""));
                }
            }
        }
    }

    @Test
    void languageSwitchLeadsToTheSamePageInTheOtherLanguage() {
        for (String page : List.of("index.html", "kpi-tal-01.html", "data-supply.html")) {
            open("fr", page);
            browser.findElement(By.cssSelector("nav.langs a[data-lang='ar']")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/ar/" + page);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("ar");
            browser.findElement(By.cssSelector("nav.langs a[data-lang='en']")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/en/" + page);
            browser.findElement(By.cssSelector("nav.langs a[data-lang='fr']")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/fr/" + page);
        }
    }

    @Test
    void arabicUsesLatinDigitsUntilTheToggleAsksForArabicIndicDigits() {
        open("ar", "kpi-egov-01.html");
        String latin = browser.findElement(By.cssSelector(".tile .value .num")).getText();
        assertThat(latin).isEqualTo("500");

        browser.findElement(By.cssSelector("button.digits")).click();
        assertThat(browser.findElement(By.cssSelector(".tile .value .num")).getText())
                .isEqualTo("٥٠٠");
        browser.navigate().refresh(); // the choice is remembered
        assertThat(browser.findElement(By.cssSelector(".tile .value .num")).getText())
                .isEqualTo("٥٠٠");
        browser.findElement(By.cssSelector("button.digits")).click();
        assertThat(browser.findElement(By.cssSelector(".tile .value .num")).getText())
                .isEqualTo("500");
    }

    @Test
    void arabicChartsAreMirrored() {
        open("ar", "kpi-egov-01.html");
        Object option = ((JavascriptExecutor) browser)
                .executeScript("var c = echarts.getInstanceByDom(document.querySelector('.chart')).getOption();"
                        + " return [c.xAxis[0].inverse, c.yAxis[0].position, c.legend[0].right];");
        assertThat(option).asList().containsExactly(true, "right", 0L);
    }

    @Test
    void exportedCsvNeutralisesFormulasAndKeepsNumbers() {
        open("fr", "data-supply.html");
        Object csv = ((JavascriptExecutor) browser)
                .executeScript("return Marsad.toCsv([['=1+1', '+2', '-3', '@x', '\\tt', 'ok, \"q\"', 42, -1.5]])"
                        + ".replace(/\\t/g, '<TAB>').replace(/\\r\\n/g, '<CRLF>');");
        assertThat(csv).isEqualTo("'=1+1,'+2,'-3,'@x,'<TAB>t,\"ok, \"\"q\"\"\",42,-1.5<CRLF>");
        // the hostile file name of the fixture comes out neutralised from the page's own table
        Object rows = ((JavascriptExecutor) browser)
                .executeScript("return Marsad.toCsv(Marsad.tableRows(document.querySelectorAll('table')[1]));");
        assertThat(rows.toString())
                .contains("\"'=HYPERLINK(\"\"http://example.org\"\")<b>.csv\"")
                .contains(",3,");
    }

    @Test
    void everyPageInEveryLanguageHasNoAxeViolationAndFitsA390PixelPhone() throws Exception {
        String axe;
        try (var in = SiteBrowserIntegrationTests.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        JavascriptExecutor script = browser;
        List<String> problems = new ArrayList<>();
        try {
            for (int width : List.of(1280, 390)) {
                browser.manage().window().setSize(new Dimension(width, 900));
                for (String language : List.of("fr", "ar", "en")) {
                    for (String page : pages) {
                        open(language, page);
                        String where = language + "/" + page + " at " + width + " px";
                        script.executeScript(axe);
                        Object violations = script.executeAsyncScript("var done = arguments[arguments.length - 1];"
                                + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                                + " done(r.violations.map(function (v) { return v.id + ' ' +"
                                + " v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3)"
                                + ".join(' | '); })); });");
                        ((List<?>) violations).forEach(violation -> problems.add(where + ": " + violation));
                        Long overflow = (Long) script.executeScript(
                                "return document.documentElement.scrollWidth - window.innerWidth;");
                        if (width == 390 && overflow > 0) {
                            problems.add(where + ": page wider than the viewport by " + overflow + " px");
                        }
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertThat(problems).isEmpty();
    }

    private static void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
