package ma.marsad.dashboards.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.marsad.pipeline.config.ConfigFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRendererTests {

    private static final List<String> PAGES = List.of(
            "index.html",
            "pillar-egov.html",
            "pillar-economy.html",
            "pillar-talent.html",
            "pillar-connectivity.html",
            "pillar-ai.html",
            "pillar-governance.html",
            "kpi-egov-01.html",
            "kpi-egov-06.html",
            "kpi-eco-03.html",
            "kpi-tal-01.html",
            "kpi-con-07.html",
            "kpi-ai-03.html",
            "kpi-gov-09.html",
            "kpi-tal-04.html",
            "kpi-gov-03.html",
            "kpi-con-05.html",
            "regions.html",
            "un-comparison.html",
            "data-supply.html",
            "methodology.html");

    @TempDir
    Path work;

    private RenderSummary render() throws Exception {
        Path warehouse = WarehouseFixture.buildIn(work);
        return new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);
    }

    private String page(String language, String page) throws Exception {
        return Files.readString(work.resolve("site").resolve(language).resolve(page));
    }

    @Test
    void writesEveryPageInEveryLanguageBehindTheSiteLink() throws Exception {
        // when
        RenderSummary summary = render();

        // then: 21 pages x 3 languages + the data dictionary in each language + the root index and dictionary = 68
        assertThat(summary.pagesWritten()).isEqualTo(68);
        assertThat(work.resolve("site/data-dictionary.html"))
                .content()
                .contains("id=\"fct_egov_requests\"", "one row per e-service request");
        assertThat(page("fr", "index.html")).contains("href=\"data-dictionary.html\"");
        assertThat(Files.isSymbolicLink(work.resolve("site"))).isTrue();
        assertThat(work.resolve("site").toRealPath())
                .isEqualTo(summary.siteFolder().toRealPath());
        assertThat(summary.siteFolder().getParent().getFileName()).hasToString("site-versions");
        for (String language : List.of("fr", "ar", "en")) {
            for (String page : PAGES) {
                assertThat(work.resolve("site").resolve(language).resolve(page)).isRegularFile();
            }
        }
        // the root page offers the three languages, each in its own words and direction, and sends nobody anywhere
        assertThat(Files.readString(work.resolve("site/index.html")))
                .doesNotContain("http-equiv=\"refresh\"")
                .contains("<li lang=\"fr\" dir=\"ltr\"><a href=\"fr/index.html\" hreflang=\"fr\">Français</a>")
                .contains("<li lang=\"ar\" dir=\"rtl\"><a href=\"ar/index.html\" hreflang=\"ar\">العربية</a>")
                .contains("<li lang=\"en\" dir=\"ltr\"><a href=\"en/index.html\" hreflang=\"en\">English</a>");
        assertThat(work.resolve("site/assets/echarts.min.js")).isRegularFile();
        assertThat(Files.size(work.resolve("site/assets/echarts.min.js"))).isGreaterThan(500_000);
        assertThat(summary.totalBytes()).isGreaterThan(summary.largestPageBytes());
        assertThat(summary.largestPage()).endsWith(".html");
    }

    @Test
    void arabicPagesAreRightToLeftAndNameKpisFromTheCatalogue() throws Exception {
        render();

        for (String page : PAGES) {
            assertThat(page("ar", page)).contains("<html lang=\"ar\" dir=\"rtl\"");
            assertThat(page("fr", page)).contains("<html lang=\"fr\" dir=\"ltr\"");
            assertThat(page("en", page)).contains("<html lang=\"en\" dir=\"ltr\"");
        }
        assertThat(page("ar", "index.html"))
                .contains("الخدمات العمومية المتاحة عبر الإنترنت")
                .contains("data-locale=\"ar-MA\"")
                .contains("class=\"digits\"");
        assertThat(page("fr", "index.html")).contains("Services publics en ligne (transactionnels ou plus)");
        assertThat(page("en", "kpi-egov-01.html")).contains("<h1>E-services available online</h1>");
    }

    @Test
    void languageSwitchLeadsToTheSamePageInTheOtherLanguages() throws Exception {
        render();

        for (String page : PAGES) {
            String french = page("fr", page);
            assertThat(french)
                    .contains("href=\"../ar/" + page + "\"")
                    .contains("href=\"../en/" + page + "\"")
                    .contains("href=\"../fr/" + page + "\" hreflang=\"fr\" lang=\"fr\" data-lang=\"fr\" aria-current");
        }
    }

    @Test
    void pagesLoadNothingFromTheNetwork() throws Exception {
        render();
        Pattern remote = Pattern.compile(
                "<(script|img|link|iframe|source|video|audio)\\b[^>]*\\b(src|href)=\"(https?:)?//",
                Pattern.CASE_INSENSITIVE);
        Pattern cssRemote = Pattern.compile("url\\(\\s*['\"]?(https?:)?//|@import", Pattern.CASE_INSENSITIVE);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(work.resolve("site").toRealPath())) {
            files = walk.filter(path -> path.toString().endsWith(".html")).toList();
        }
        assertThat(files).hasSize(68);
        for (Path file : files) {
            assertThat(remote.matcher(Files.readString(file)).find())
                    .as("remote resource in %s", file)
                    .isFalse();
        }
        assertThat(cssRemote
                        .matcher(Files.readString(work.resolve("site/assets/marsad.css")))
                        .find())
                .isFalse();
        // a target's source may point outside: that is a link, not a resource
        assertThat(page("fr", "kpi-egov-01.html")).contains("<a rel=\"noopener\" href=\"https://afrique-sur7.fr\">");
    }

    @Test
    void overviewCountsStatusesAndShowsEveryKpiAsATile() throws Exception {
        render();
        String overview = page("fr", "index.html");

        // on track: EGOV-01, AI-03, GOV-03 (October; November is still running); at risk: EGOV-06;
        // off track: ECO-03, TAL-01, CON-05; baseline only: TAL-04; no target: GOV-09; no data: CON-07
        assertThat(overview)
                .contains("status-count status-on_track\"><span class=\"count\"><bdi class=\"num\" data-num=\"3\"")
                .contains("status-count status-at_risk\"><span class=\"count\"><bdi class=\"num\" data-num=\"1\"")
                .contains("status-count status-off_track\"><span class=\"count\"><bdi class=\"num\" data-num=\"3\"")
                .contains("status-count status-baseline_only\"><span class=\"count\"><bdi class=\"num\" data-num=\"1\"")
                .contains("status-count status-no_data\"><span class=\"count\"><bdi class=\"num\" data-num=\"1\"");
        assertThat(Pattern.compile("<article class=\"tile ").matcher(overview).results())
                .hasSize(10);
        // status is a text label too, never colour alone
        assertThat(overview)
                .contains("En bonne voie")
                .contains("Hors trajectoire")
                .contains("Pas de données");
        // EGOV-01 progress 0.5455 -> bar at 55 %
        assertThat(overview).contains("aria-valuenow=\"55\"").contains("inline-size:55%");
        // data date from the last run's as_of, not from the clock
        assertThat(overview).contains("<time datetime=\"2026-11-28\"");
    }

    @Test
    void kpiPageShowsTrajectoryVintagesDefinitionAndSubmissions() throws Exception {
        render();
        String kpi = page("fr", "kpi-egov-01.html");

        assertThat(kpi)
                .contains("class=\"chart-spec\"")
                .contains("\"refLines\":[{")
                .contains("Cible 2030")
                .contains("presse ; année cible incertaine")
                .contains("catalogue-2026-Q3.csv")
                .contains("Révisée depuis") // the 450 vintage of 2026-Q2, revised to 455
                .contains("data-num=\"455\"")
                .contains("<details class=\"data-table\"><summary>");
        assertThat(page("fr", "kpi-con-07.html")).contains("Aucune valeur observée");
        assertThat(page("fr", "kpi-tal-01.html")).contains("class=\"tile-map\"").contains("Casablanca");
    }

    @Test
    void aKpiPageListsItsSampledMonthsAndOnlyAKpiWithSamplesHasThePanel() throws Exception {
        render();

        // EGOV-01 reads eservices-catalogue, whose authoritative submitter MTNRA has one sampled month in the fixture
        assertThat(page("fr", "kpi-egov-01.html"))
                .contains("Mois calculés sur un échantillon de jours")
                .contains("<bdi class=\"period\">2026-06</bdi>")
                .doesNotContain("<bdi class=\"period\">2026-07</bdi>") // a complete month is not a sample
                .doesNotContain(
                        "<bdi class=\"period\">2026-05</bdi>"); // another submitter's sample does not make EGOV-01's
        // figures
        assertThat(page("en", "kpi-egov-01.html")).contains("Months computed from a sample of days");
        assertThat(page("ar", "kpi-egov-01.html")).contains("أشهر محسوبة على عينة من الأيام");
        // a KPI whose source has no sampled month has no such panel, heading included
        assertThat(page("fr", "kpi-tal-01.html")).doesNotContain("échantillon de jours");
        assertThat(page("fr", "data-supply.html"))
                .contains("Couverture des jours")
                .contains("Mois échantillonnés");
    }

    @Test
    void feedbackReportsAreCopiedIntoTheSiteAndLinkedInThePageLanguage() throws Exception {
        // given OFPPT's report in French and Arabic in the work folder, and none for the rejected '@evil' file
        write("feedback/digital-training/OFPPT/2025-S2 rapport.fr.html", "<html lang=\"fr\">rapport</html>");
        write("feedback/digital-training/OFPPT/2025-S2 rapport.ar.html", "<html lang=\"ar\">تقرير</html>");

        // when
        render();

        // then each page links the copy inside the site, in its language when it exists, else in French
        assertThat(page("ar", "data-supply.html"))
                .contains("href=\"../feedback/digital-training/OFPPT/2025-S2%20rapport.ar.html\" hreflang=\"ar\">");
        assertThat(page("fr", "data-supply.html"))
                .contains("href=\"../feedback/digital-training/OFPPT/2025-S2%20rapport.fr.html\" hreflang=\"fr\">");
        assertThat(page("en", "data-supply.html"))
                .contains("href=\"../feedback/digital-training/OFPPT/2025-S2%20rapport.fr.html\" hreflang=\"fr\">");
        assertThat(work.resolve("site/feedback/digital-training/OFPPT/2025-S2 rapport.ar.html"))
                .hasContent("<html lang=\"ar\">تقرير</html>");
        // a report the work folder does not hold is named, not linked; nothing links out of the site
        for (String language : List.of("fr", "ar", "en")) {
            assertThat(page(language, "data-supply.html"))
                    .contains("<bdi>feedback/digital-training/evil/x1.fr.html</bdi>")
                    .doesNotContain("href=\"../../");
        }
        assertThat(page("fr", "data-supply.html"))
                .contains("=HYPERLINK(&quot;http://example.org&quot;)&lt;b&gt;.csv")
                .doesNotContain("<b>.csv")
                .contains("class=\"export-csv\"");
    }

    @Test
    void theUnComparisonSetsMoroccoBesideTheAveragesAndPeersAndSaysWhenAPeerIsMissing() throws Exception {
        render();
        String french = page("fr", "un-comparison.html");

        // Morocco 2022 and 2024, the Africa average, Tunisia; Egypt is not in the fixture's survey rows
        assertThat(french)
                .contains("<td><bdi>Maroc</bdi></td><td class=\"n\"><bdi class=\"num\" data-num=\"0.5915\"")
                .contains("data-num=\"0.6841\"", "data-num=\"101\"", "data-num=\"90\"")
                .contains("<td><bdi>Moyenne de l&#39;Afrique</bdi></td><td class=\"n\"><bdi class=\"num\""
                        + " data-num=\"0.4054\"")
                .contains("<td><bdi>Tunisie</bdi></td><td class=\"n\"><bdi class=\"num\" data-num=\"0.653\"")
                .contains("<td><bdi>Égypte</bdi></td><td class=\"n\"><span class=\"missing\">–</span>");
        // the chart draws only who has a value, in the page's words
        assertThat(french)
                .contains("\"categories\":[\"Maroc\",\"Moyenne de l'Afrique\",\"Moyenne mondiale\",\"Tunisie\"]");
        assertThat(page("ar", "un-comparison.html")).contains("<bdi>المغرب</bdi>", "<bdi>متوسط أفريقيا</bdi>");
        assertThat(page("en", "un-comparison.html")).contains("Source: UN E-Government Survey (UN DESA), as published");
    }

    @Test
    void aPanelOnATableTheWarehouseDoesNotHoldSaysSoAndTheSiteStillRenders() throws Exception {
        // given a warehouse published before the UN averages existed, as a rollback may publish again
        Path warehouse = WarehouseFixture.buildIn(work, "drop table un_egov_averages");

        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);

        assertThat(page("fr", "un-comparison.html"))
                .contains("Ces données ne figurent pas dans cette version de l&#39;entrepôt publié.");
    }

    @Test
    void fileNamesWithDirectionAndControlCharactersAreShownAsEscapesOnEveryPage() throws Exception {
        // given a rejected file whose name reads "rapport-txt.csv" in a bidi-aware viewer, and one with a newline
        Path warehouse = WarehouseFixture.buildIn(work, """
                insert into submission values
                 ('s1','digital-training','OFPPT','2025-S2','rejected','rapport-\u202Evsc.txt',0,0,0,'encoding',
                  'not UTF-8','2026-02-12 07:00:00','2026-02-12 07:00:00',null,true,'feedback/digital-training/OFPPT/s1.fr.html'),
                 ('s2','digital-training','OFPPT','2025-S2','rejected','مؤشرات\n2025.csv',0,0,0,'encoding',
                  'not UTF-8','2026-02-12 08:00:00','2026-02-12 08:00:00',null,true,'feedback/digital-training/OFPPT/s2.fr.html');
                """);

        // when
        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);

        // then the names are shown with visible escapes, the Arabic letters as they are
        for (String language : List.of("fr", "ar", "en")) {
            assertThat(page(language, "data-supply.html"))
                    .as(language)
                    .contains("rapport-&lt;U+202E&gt;vsc.txt")
                    .contains("مؤشرات&lt;U+000A&gt;2025.csv");
        }
        for (Path file : files(work.resolve("site"))) {
            assertThat(Files.readString(work.resolve("site").resolve(file)))
                    .as(file.toString())
                    .doesNotContain("\u202E");
        }
    }

    @Test
    void downloadableCsvNeutralisesFormulasAndKeepsNumbersAsNumbers() throws Exception {
        render();
        String csv = Files.readString(work.resolve("site/data/kpi-values.csv"));

        assertThat(csv).startsWith("\uFEFFkpi_id,");
        assertThat(csv).contains("GOV-09,'=1+1 Taux de rapports complets,'=1+1 نسبة التقارير الكاملة,");
        assertThat(csv).contains(",00,87.5,2026-11-01T00:00:00,true\r\n");
    }

    @Test
    void csvRuleMatchesThePageScript() {
        assertThat(CsvCells.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvCells.cell("+33")).isEqualTo("'+33");
        assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
        assertThat(CsvCells.cell("@cmd")).isEqualTo("'@cmd");
        // a leading tab or carriage return is shown as an escape, which no spreadsheet runs
        assertThat(CsvCells.cell("\tx")).isEqualTo("<U+0009>x");
        assertThat(CsvCells.cell("\rx")).isEqualTo("<U+000D>x");
        assertThat(CsvCells.cell("\u202Eabc")).isEqualTo("<U+202E>abc");
        assertThat(CsvCells.cell(-2.5)).isEqualTo("-2.5");
        assertThat(CsvCells.cell(42L)).isEqualTo("42");
        assertThat(CsvCells.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(CsvCells.cell("Casablanca")).isEqualTo("Casablanca");
        assertThat(Files.exists(Path.of("src/main/resources/ma/marsad/dashboards/render/marsad.js")))
                .isTrue();
    }

    @Test
    void twoRendersOfTheSameWarehouseGiveIdenticalBytes() throws Exception {
        // given
        Path warehouse = WarehouseFixture.buildIn(work);
        byte[] warehouseBefore = Files.readAllBytes(warehouse);
        SiteRenderer renderer = new SiteRenderer(ConfigFolder.shipped());

        // when
        RenderSummary first = renderer.render(warehouse, work.resolve("a/site"), work.resolve("a"));
        RenderSummary second = renderer.render(warehouse, work.resolve("b/site"), work.resolve("b"));

        // then
        assertThat(first.siteFolder().getFileName())
                .isEqualTo(second.siteFolder().getFileName());
        List<Path> firstFiles = files(first.siteFolder());
        assertThat(firstFiles).isEqualTo(files(second.siteFolder()));
        for (Path relative : firstFiles) {
            assertThat(Files.readAllBytes(second.siteFolder().resolve(relative)))
                    .as(relative.toString())
                    .isEqualTo(Files.readAllBytes(first.siteFolder().resolve(relative)));
        }
        assertThat(Files.readAllBytes(warehouse)).as("opened read-only").isEqualTo(warehouseBefore);
    }

    @Test
    void aLatestPeriodStillInProgressIsSaidToBeProvisional() throws Exception {
        // given a warehouse whose latest EGOV-01 figure is for a period that had not ended at the as-of date
        Path warehouse =
                WarehouseFixture.buildIn(work, "update kpi_latest set period_complete = (kpi_id <> 'EGOV-01')");

        // when
        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);

        // then its tile says so in each language, and a finished period's tile does not
        assertThat(page("fr", "kpi-egov-01.html")).contains("<span class=\"in-progress\">période en cours");
        assertThat(page("ar", "kpi-egov-01.html")).contains("<span class=\"in-progress\">فترة جارية");
        assertThat(page("en", "kpi-egov-01.html")).contains("<span class=\"in-progress\">period in progress");
        assertThat(page("fr", "kpi-eco-03.html")).doesNotContain("in-progress");
    }

    @Test
    void aRunningPeriodIsDrawnApartFromTheHistoryAndNeverProjected() throws Exception {
        // given GOV-03: October complete at 100 % (forecast 100), November running at 25 % (forecast 0 from it)
        render();

        // then the history stops at October, November is a provisional point of its own, the forecast starts from
        // October
        assertThat(page("fr", "kpi-gov-03.html"))
                .contains("{\"name\":\"Historique\",\"style\":\"solid\",\"data\":[[\"2026-10-31\",100]]}")
                .contains("{\"name\":\"Période en cours (provisoire)\",\"style\":\"provisional\","
                        + "\"data\":[[\"2026-11-30\",25]]}")
                .contains("{\"name\":\"Projection 2030\",\"style\":\"dotted\","
                        + "\"data\":[[\"2026-10-31\",100],[\"2030-12-31\",100]]}");
        // and the table of values says which period is still running
        assertThat(page("fr", "kpi-gov-03.html"))
                .contains("<td><bdi class=\"period\">2026-11</bdi> <span class=\"in-progress\">période en cours,"
                        + " valeur provisoire</span></td>")
                .doesNotContain("<td><bdi class=\"period\">2026-10</bdi> <span");
    }

    @Test
    void aKpiWhoseOnlyPeriodsAreRunningHasNoForecast() throws Exception {
        // given GOV-03 with both months still running, the latest carrying a forecast computed from it
        Path warehouse = WarehouseFixture.buildIn(
                work,
                "update kpi_score set period_complete = false where kpi_id = 'GOV-03';\n"
                        + "update kpi_latest set period_complete = false, forecast_2030 = 0 where kpi_id = 'GOV-03'");

        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);

        assertThat(page("fr", "kpi-gov-03.html"))
                .contains("\"style\":\"provisional\",\"data\":[[\"2026-10-31\",100],[\"2026-11-30\",25]]")
                .doesNotContain("Projection 2030");
    }

    @Test
    void eachLanguageWritesItsOwnColon() throws Exception {
        render();

        // French: a non-breaking space before the colon; English and Arabic: none
        assertThat(page("fr", "kpi-con-05.html")).contains("Jalon 2026\u00a0: <bdi class=\"num\"");
        assertThat(page("en", "kpi-con-05.html"))
                .contains("2026 milestone: <bdi class=\"num\"")
                .contains("\"colon\":\": \"")
                .doesNotContain(" : ");
        assertThat(page("ar", "kpi-con-05.html")).contains("مرحلة 2026: <bdi class=\"num\"");
    }

    @Test
    void aWarehouseWithoutTheInProgressColumnStillRenders() throws Exception {
        // given a warehouse that predates period_complete, provisional values and scoring targets, as a rolled-back
        // version may
        Path warehouse = WarehouseFixture.buildIn(
                work,
                "alter table kpi_latest drop column period_complete;\n"
                        + "alter table kpi_score drop column period_complete;\n"
                        + "alter table kpi_latest drop column provisional_period;\n"
                        + "alter table kpi_catalogue drop column scoring_target;\n"
                        + "alter table kpi_catalogue drop column scoring_target_kind;\n"
                        + "alter table kpi_catalogue drop column target_held_since_baseline");

        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);

        // then the pages render, the target read from the declared one
        assertThat(page("fr", "kpi-egov-01.html")).doesNotContain("class=\"in-progress\"");
        assertThat(page("fr", "kpi-con-05.html")).contains("Jalon 2026\u00a0: ");
    }

    @Test
    void swapsTheLinkAndKeepsOnlyTheCurrentAndPreviousVersions() throws Exception {
        SiteRenderer renderer = new SiteRenderer(ConfigFolder.shipped());
        List<Path> versions = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            Path folder = Files.createDirectories(work.resolve("warehouse-" + run));
            Path warehouse = WarehouseFixture.build(
                    folder, "update ops_run set as_of = date '2026-11-28' + " + run + " where run_id = 2");
            versions.add(renderer.render(warehouse, work.resolve("site"), work).siteFolder());
        }

        assertThat(versions).doesNotHaveDuplicates();
        try (Stream<Path> children = Files.list(work.resolve("site-versions"))) {
            assertThat(children.map(Path::getFileName).map(Path::toString).sorted())
                    .containsExactlyInAnyOrder(
                            versions.get(1).getFileName().toString(),
                            versions.get(2).getFileName().toString());
        }
        assertThat(work.resolve("site").toRealPath()).isEqualTo(versions.get(2).toRealPath());
        assertThat(Files.readSymbolicLink(work.resolve("site")).isAbsolute()).isFalse();
    }

    @Test
    void refusesToReplaceARealFolderAtTheSiteLink() throws Exception {
        Path warehouse = WarehouseFixture.buildIn(work);
        Files.createDirectories(work.resolve("site"));

        assertThatThrownBy(() -> new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("not a symbolic link");
    }

    private void write(String path, String content) throws Exception {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(folder::relativize)
                    .sorted()
                    .toList();
        }
    }
}
