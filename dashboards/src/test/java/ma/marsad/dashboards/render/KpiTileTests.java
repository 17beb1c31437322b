package ma.marsad.dashboards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.marsad.pipeline.config.ConfigFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a KPI tile says about its status, target and periods, on the fixture warehouse (as of 2026-11-28). */
class KpiTileTests {

    @TempDir
    Path work;

    @BeforeEach
    void render() throws Exception {
        Path warehouse = WarehouseFixture.buildIn(work);
        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);
    }

    private String tile(String language, String kpiId) throws Exception {
        String page = Files.readString(work.resolve("site").resolve(language).resolve("index.html"));
        Matcher tile = Pattern.compile("<article class=\"tile[^>]*>(?:(?!</article>).)*<bdi>" + kpiId
                        + "</bdi>(?:(?!</article>).)*</article>")
                .matcher(page);
        assertThat(tile.find()).as("tile of %s", kpiId).isTrue();
        return tile.group();
    }

    @Test
    void aKpiWhoseOnlyValueIsItsBaselineSaysSoNotOnTrack() throws Exception {
        // TAL-04: 8 255 in 2026-S1 is its own (observed) baseline; 2026-S2 is still running on 2026-11-28
        String french = tile("fr", "TAL-04");

        assertThat(french)
                .contains("Référence établie")
                .doesNotContain("En bonne voie")
                .doesNotContain("role=\"progressbar\"")
                .contains("Cible 2030\u00a0: <bdi class=\"num\" data-num=\"200000\"");
        assertThat(tile("ar", "TAL-04")).contains("الوضعية المرجعية محددة");
        assertThat(tile("en", "TAL-04")).contains("Baseline set");
    }

    @Test
    void aRunningPeriodIsShownAsProvisionalAndTheStatusComesFromTheLastCompleteOne() throws Exception {
        // GOV-03: October complete at 100 % (target 100 % held since the baseline); November running at 25 %
        String french = tile("fr", "GOV-03");

        assertThat(french).contains("data-status=\"on_track\"").contains("Cible atteinte");
        assertThat(french).contains("<bdi class=\"period\">2026-10</bdi>");
        assertThat(french)
                .contains("class=\"small provisional\"")
                .contains("<bdi class=\"period\">2026-11</bdi>\u00a0: <bdi class=\"num\" data-num=\"25\"");
        // a target held since the baseline is met or not: no "0 %" progress towards it
        assertThat(french).doesNotContain("role=\"progressbar\"").doesNotContain("Hors trajectoire");
        // TAL-04's running semester is shown beside its baseline
        assertThat(tile("fr", "TAL-04"))
                .contains("<bdi class=\"period\">2026-S2</bdi>\u00a0: <bdi class=\"num\" data-num=\"9100\"");
    }

    @Test
    void aKpiScoredAgainstItsMilestoneNamesItAndOnlyKpisWithoutAnyTargetSayNoTarget() throws Exception {
        String french = tile("fr", "CON-05");

        assertThat(french)
                .contains("Jalon 2026\u00a0: <bdi class=\"num\" data-num=\"6300\"")
                .contains("Progression vers le jalon 2026")
                .contains("Hors trajectoire")
                .doesNotContain("Pas de cible 2030");
        assertThat(tile("ar", "CON-05")).contains("مرحلة 2026").doesNotContain("لا يوجد هدف لسنة 2030");
        assertThat(tile("fr", "GOV-09")).contains("Pas de cible 2030");
        assertThat(tile("fr", "EGOV-01")).contains("Cible 2030\u00a0: ").contains("Progression vers la cible 2030");
    }

    @Test
    void aTileSaysWhatWasExpectedByNowTheGapAndTheChangeWithTheirSigns() throws Exception {
        // CON-05: 5 500 sites at 2026-06-30 where the trajectory to the 2026 milestone expects 5 644.658
        String french = tile("fr", "CON-05");

        // then the expected value, the gap -144.658 sites and -2.6 % of the expected value, the change +500 since
        // 2025-Q4
        assertThat(french)
                .contains(
                        "Attendu à cette date</dt><dd><bdi class=\"num\" data-num=\"5644.658\" data-format=\"integer\"")
                .contains("Écart à la trajectoire</dt><dd><bdi class=\"num\" data-num=\"-144.658\""
                        + " data-format=\"signed-integer\"")
                .contains("data-num=\"-0.025627\" data-format=\"signed-percent\"")
                .contains("Évolution</dt><dd><bdi class=\"num\" data-num=\"500\" data-format=\"signed-integer\"")
                .contains("<bdi class=\"period\">2025-Q4</bdi>")
                .contains("En retard sur la trajectoire de plus d&#39;un dixième du chemin attendu.");
        // counts are whole, a share keeps its decimals
        assertThat(tile("fr", "TAL-04")).contains("data-num=\"8255\" data-format=\"integer\"");
        assertThat(tile("fr", "ECO-03")).contains("data-num=\"20.1\" data-format=\"auto\"");
        // a target held since the baseline is explained, not measured against a trajectory
        assertThat(tile("fr", "GOV-03"))
                .contains("Cible déjà atteinte à la référence, et toujours tenue.")
                .doesNotContain("Écart à la trajectoire");
        assertThat(tile("ar", "CON-05")).contains("الفارق عن المسار").contains("التطور");
    }

    @Test
    void theOverviewOffersAFilterOnOffTrackKpis() throws Exception {
        String overview = Files.readString(work.resolve("site/fr/index.html"));

        assertThat(overview)
                .contains("<button type=\"button\" class=\"only-off-track\" aria-pressed=\"false\">"
                        + "Afficher seulement les indicateurs hors trajectoire</button>");
        assertThat(Files.readString(work.resolve("site/fr/pillar-egov.html"))).doesNotContain("only-off-track");
    }

    @Test
    void everyStatusBadgeLinksToItsRuleOnTheMethodologyPageInTheSameLanguage() throws Exception {
        for (String language : java.util.List.of("fr", "ar", "en")) {
            String methodology =
                    Files.readString(work.resolve("site").resolve(language).resolve("methodology.html"));
            String overview =
                    Files.readString(work.resolve("site").resolve(language).resolve("index.html"));
            Matcher links = Pattern.compile("<a class=\"badge-link\" href=\"methodology.html#(status-[a-z_]+)\">")
                    .matcher(overview);
            int count = 0;
            while (links.find()) {
                assertThat(methodology).contains("id=\"" + links.group(1) + "\"");
                count++;
            }
            // 7 statuses in the summary and 10 tiles
            assertThat(count).isEqualTo(17);
        }
        String french = Files.readString(work.resolve("site/fr/methodology.html"));
        assertThat(french)
                .contains("<h1>Méthodologie</h1>")
                .contains("id=\"status-baseline_only\"")
                .contains("90 %")
                .contains("Périodes en cours")
                .contains("Millésimes et révisions")
                // the targets and their sources: CON-05 against its milestone, in French
                .contains("Jalon 2026\u00a0: <bdi class=\"num\" data-num=\"6300\"")
                .contains("presse (jalon 2026)")
                .contains("anrt.ma");
    }
}
