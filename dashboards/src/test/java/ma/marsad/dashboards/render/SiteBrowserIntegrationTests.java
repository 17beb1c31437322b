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
        Path warehouse = WarehouseFixture.buildIn(work);
        // OFPPT's report in French and Arabic; the fixture's '@evil' report is not in the work folder
        for (String language : List.of("fr", "ar")) {
            Path report = work.resolve("feedback/digital-training/OFPPT/2025-S2 rapport." + language + ".html");
            Files.createDirectories(report.getParent());
            Files.writeString(
                    report,
                    "<!DOCTYPE html><html lang=\"" + language + "\"><head><title>r</title></head><body>" + language
                            + "</body></html>");
        }
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
    void theRootPageOffersTheThreeLanguagesAndSendsNobodyAnywhere() throws Exception {
        browser.get(site.resolve("index.html").toUri().toString());

        assertThat(browser.getCurrentUrl()).endsWith("/site/index.html");
        assertThat(browser.findElements(By.cssSelector("meta[http-equiv='refresh']")))
                .isEmpty();
        List<WebElement> choices = browser.findElements(By.cssSelector("main li"));
        assertThat(choices)
                .extracting(choice -> choice.getAttribute("lang") + " " + choice.getAttribute("dir"))
                .containsExactly("fr ltr", "ar rtl", "en ltr");
        assertThat(choices.get(1).findElement(By.tagName("a")).getText()).isEqualTo("العربية");
        choices.get(1).findElement(By.tagName("a")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/ar/index.html");
    }

    @Test
    void feedbackReportsAreLinkedInsideTheSiteInThePageLanguage() throws Exception {
        String siteFolder = site.toUri().toString();
        for (String language : List.of("fr", "ar", "en")) {
            open(language, "data-supply.html");
            List<WebElement> links = browser.findElements(By.cssSelector("a[href*='feedback/']"));
            // OFPPT's report is linked; the '@evil' report, missing from the work folder, is named without a link
            assertThat(links).as(language).hasSize(1);
            String href = links.get(0).getAttribute("href");
            assertThat(href).as(language).startsWith(siteFolder);
            assertThat(Path.of(java.net.URI.create(href))).as(language).isRegularFile();
            // Arabic pages link the Arabic report; there is no English one, so English pages link the French
            assertThat(href).as(language).endsWith("ar".equals(language) ? ".ar.html" : ".fr.html");
            links.get(0).click();
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("ar".equals(language) ? "ar" : "fr");
        }
    }

    @Test
    void pngExportsCarryTitleUnitSourceAndDataDate() throws Exception {
        // the trajectory chart of EGOV-01, then the regions map of TAL-01
        open("fr", "kpi-egov-01.html");
        assertThat(captionLines(".export-png[data-chart]"))
                .containsExactly(
                        "Services publics en ligne (transactionnels ou plus) — Trajectoire vers 2030",
                        "Unité\u00a0: services",
                        "Source\u00a0: Marsad, d'après les rapports «\u00a0Catalogue des services publics en ligne"
                                + " (instantané)\u00a0»\u00a0; Source de la cible\u00a0: afrique-sur7.fr;"
                                + " nexgenmag.com/?p=4182",
                        "Données au 28 nov. 2026");
        assertCaptionDrawnAround(".export-png[data-chart]", ".chart");

        open("ar", "kpi-tal-01.html");
        assertThat(captionLines(".export-png[data-svg]"))
                .containsExactly(
                        "الشباب المكونون في المهن الرقمية سنويا — خريطة مربعات للجهات الاثنتي عشرة",
                        "الوحدة: شخص سنويا",
                        "المصدر: مرصد، استنادا إلى تقارير «التكوين في المجال الرقمي والذكاء الاصطناعي (نصف سنوي)»؛"
                                + " مصدر الهدف: lnt.ma; fnh.ma",
                        "المعطيات إلى غاية 28 نونبر 2026");
        assertCaptionDrawnAround(".export-png[data-svg]", ".svg-chart svg");
    }

    @Test
    void theRegionsMapShadesOnAScaleFromZeroWithItsLegend() {
        // TAL-01 by region, 800 (Guelmim) to 8 200 (Casablanca): classes of 2 000 from 0 to 10 000
        open("fr", "kpi-tal-01.html");
        WebElement map = browser.findElement(By.cssSelector(".svg-chart svg"));

        assertThat(map.findElement(By.cssSelector(".legend-heading")).getText()).isEqualTo("Échelle à partir de 0");
        assertThat(map.findElements(By.cssSelector(".legend-class text")))
                .extracting(WebElement::getText)
                .containsExactly("8.000 – 10.000", "6.000 – 8.000", "4.000 – 6.000", "2.000 – 4.000", "0 – 2.000");
        // shades compare values: Rabat's 4 200 is mid-scale, not the second darkest of twelve ranks
        assertThat(shade(map, "06")).isEqualTo("4");
        assertThat(shade(map, "04")).isEqualTo("2");
        assertThat(shade(map, "10")).isEqualTo("0");
    }

    @Test
    void aRunningPeriodIsAProvisionalPointOfItsOwnNeverTheForecastsStart() {
        // GOV-03: October complete at 100 %, November still running at 25 %
        open("fr", "kpi-gov-03.html");
        Object series = ((JavascriptExecutor) browser)
                .executeScript("return echarts.getInstanceByDom(document.querySelector('.chart')).getOption().series"
                        + ".map(function (s) { return s.name + ' ' + s.symbol + ' '"
                        + " + JSON.stringify(s.data[0]) + ' ' + JSON.stringify(s.data[s.data.length - 1]); });");

        assertThat(series)
                .asList()
                .containsExactly(
                        "Historique emptyCircle [\"2026-10-31\",100] [\"2026-10-31\",100]",
                        "Période en cours (provisoire) emptyDiamond [\"2026-11-30\",25] [\"2026-11-30\",25]",
                        "Trajectoire cible emptyCircle [\"2024-12-31\",100] [\"2030-12-31\",100]",
                        "Projection 2030 emptyCircle [\"2026-10-31\",100] [\"2030-12-31\",100]");
    }

    @Test
    void arabicNumbersAndPeriodKeysAreIsolatedAndStayOnOneLine() {
        browser.manage().window().setSize(new Dimension(390, 900));
        List<String> problems = new ArrayList<>();
        try {
            for (String page : List.of(
                    "index.html",
                    "kpi-gov-03.html",
                    "kpi-egov-01.html",
                    "data-supply.html",
                    "regions.html",
                    "un-comparison.html")) {
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
    void englishPagesWriteNoSpaceBeforeAColon() {
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            open("en", page);
            String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
            java.util.regex.Matcher french =
                    java.util.regex.Pattern.compile(".{0,30}[\\s\u00a0\u202f]:").matcher(text);
            while (french.find()) {
                problems.add("en/" + page + ": " + french.group());
            }
        }
        open("en", "kpi-con-05.html");
        Object label = ((JavascriptExecutor) browser)
                .executeScript("return echarts.getInstanceByDom(document.querySelector('.chart')).getOption()"
                        + ".series[0].markLine.data[0].label.formatter;");
        assertThat(label).isEqualTo("2026 milestone: 6,300");
        assertThat(problems).isEmpty();
    }

    @Test
    void theUnComparisonDrawsMoroccoBesideTheAveragesAndThePeersThatHaveValues() {
        open("fr", "un-comparison.html");
        Object categories = ((JavascriptExecutor) browser)
                .executeScript("return echarts.getInstanceByDom(document.querySelector('.chart')).getOption()"
                        + ".yAxis[0].data;");

        assertThat(categories).asList().containsExactly("Maroc", "Moyenne de l'Afrique", "Moyenne mondiale", "Tunisie");
        assertThat(browser.findElement(By.cssSelector("table tbody tr")).getText())
                .isEqualTo("Maroc 0,5915 0,6841 101 90");
    }

    @Test
    void everyPageInEveryLanguageHasNoAxeViolationAndFitsA390PixelPhone() throws Exception {
        String axe;
        try (var in = SiteBrowserIntegrationTests.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> problems = new ArrayList<>();
        try {
            for (int width : List.of(1280, 390)) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(site.resolve("index.html").toUri().toString());
                problems.addAll(axeProblems(axe, "index.html at " + width + " px", width));
                for (String language : List.of("fr", "ar", "en")) {
                    for (String page : pages) {
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

    /** The lines the PNG export of a button draws around its chart, as the page's script reads them. */
    private static List<String> captionLines(String button) {
        Object lines = ((JavascriptExecutor) browser)
                .executeScript(
                        "return Marsad.captionLines(document.querySelector(arguments[0]).closest('figure'));", button);
        return ((List<?>) lines).stream().map(Object::toString).toList();
    }

    /**
     * The exported PNG is the chart at twice its size with a band above (title, unit) and below (source, date), and
     * both bands hold drawn text: dark pixels where a bare export would be white.
     */
    private static void assertCaptionDrawnAround(String button, String chart) throws Exception {
        JavascriptExecutor script = browser;
        List<?> export = (List<?>) script.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " Marsad.png(document.querySelector(arguments[0]), function (url, layout) {"
                        + " done([url, layout.top, layout.height]); });",
                button);
        String url = (String) export.get(0);
        int top = ((Number) export.get(1)).intValue();
        int drawnHeight = ((Number) export.get(2)).intValue();
        byte[] bytes = java.util.Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        Long chartWidth = (Long) script.executeScript(
                "return Math.round(document.querySelector(arguments[0]).getBoundingClientRect().width);", chart);

        // the chart at twice its size (the chart library may have sized its canvas a scroll bar wider)
        assertThat(image.getWidth()).isBetween((int) (chartWidth * 2) - 20, (int) (chartWidth * 2) + 20);
        assertThat(top).as("band above the chart").isGreaterThan(60);
        assertThat(image.getHeight() - top - drawnHeight)
                .as("band below the chart")
                .isGreaterThan(60);
        assertThat(darkPixels(image, 0, top))
                .as("title and unit drawn above the chart")
                .isGreaterThan(200);
        assertThat(darkPixels(image, top + drawnHeight, image.getHeight()))
                .as("source and date drawn below the chart")
                .isGreaterThan(200);
    }

    private static int darkPixels(java.awt.image.BufferedImage image, int fromRow, int toRow) {
        int dark = 0;
        for (int y = Math.max(0, fromRow); y < Math.min(image.getHeight(), toRow); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
                if (luminance < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static String shade(WebElement map, String region) {
        return map.findElement(By.cssSelector("g.tile[data-region='" + region + "']"))
                .getAttribute("data-shade");
    }

    /**
     * Numbers and period keys in the page's text that are not isolated from the text around them (an element with
     * unicode-bidi isolate, such as bdi), and isolated ones that the line breaking split.
     */
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
            function split(element) { return element.getClientRects().length > 1; }
            document.querySelectorAll('main [data-num], main .period').forEach(function (element) {
              if (element.closest('svg')) { return; }
              var around = isolate(element);
              if (!around) { problems.push('not isolated: ' + element.textContent); }
              else if (split(element)) { problems.push('split across lines: ' + element.textContent); }
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

    private static void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
