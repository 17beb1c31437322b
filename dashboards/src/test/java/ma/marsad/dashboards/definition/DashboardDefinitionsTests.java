package ma.marsad.dashboards.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.quality.Language;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardDefinitionsTests {

    private static final String A_VALID_PAGE = """
            page: page
            title: {fr: "Page", ar: "صفحة", en: "Page"}
            panels: [{type: status-summary}]
            """;

    @TempDir
    Path config;

    @Test
    void shippedPagesLoadInMenuOrderWithTheirQueries() {
        DashboardDefinitions definitions = DashboardDefinitions.load(ConfigFolder.shipped());

        assertThat(definitions.pages())
                .extracting(PageDefinition::slug)
                .containsExactly(
                        "index",
                        "pillar-{pillar}",
                        "kpi-{kpi}",
                        "regions",
                        "un-comparison",
                        "data-supply",
                        "methodology");
        PanelDefinition bySubmitter = definitions.pages().get(5).panels().get(0);
        assertThat(bySubmitter.sql()).contains("from submission");
        assertThat(bySubmitter.chart().type()).isEqualTo(ChartDefinition.ChartType.BAR);
        assertThat(definitions.pages().get(2).panels().get(1).chart().referenceLines())
                .containsExactly(
                        ChartDefinition.ReferenceLine.MILESTONE_2026, ChartDefinition.ReferenceLine.TARGET_2030);
        assertThat(definitions.messages().get("status.on_track", Language.AR)).isEqualTo("في المسار الصحيح");
        // the UN comparison reads the engine's scores and the survey averages, nothing else
        PanelDefinition egdi = definitions.pages().get(4).panels().get(0);
        assertThat(egdi.tablesRead()).containsExactly("un_egov_averages", "un_egov_scores");
        assertThat(egdi.chart().horizontal()).isTrue();
        assertThat(egdi.chart().source().en()).isEqualTo("UN E-Government Survey (UN DESA), as published");
    }

    @Test
    void aPageAddedAsAFileNeedsNoJava() throws Exception {
        writeMessages();
        write("30-unegov.yml", """
                page: un-egov
                title: {fr: "ONU", ar: "الأمم المتحدة", en: "UN"}
                panels:
                  - type: query
                    query: select survey_year, egdi_published from un_egov_scores order by survey_year
                    columns:
                      - {name: survey_year, format: integer, label: {fr: Année, ar: السنة, en: Year}}
                    chart: {type: line, x: survey_year, series: [egdi_published], number_format: precise}
                """);

        DashboardDefinitions definitions = DashboardDefinitions.load(ConfigFolder.overriddenBy(config));

        assertThat(definitions.pages()).singleElement().satisfies(page -> {
            assertThat(page.slug()).isEqualTo("un-egov");
            assertThat(page.panels().get(0).chart().numberFormat()).isEqualTo(ChartDefinition.NumberFormat.PRECISE);
        });
    }

    @Test
    void hideWhenEmptyIsAFlagOfQueryPanels() throws Exception {
        writeMessages();
        String samples = """
                page: flags
                title: {fr: "F", ar: "F", en: "F"}
                panels:
                  - type: query
                    query: select period from period_coverage where is_sample
                    hide_when_empty: true
                    columns: [{name: period, label: {fr: P, ar: P, en: P}}]
                """;
        write("30-flags.yml", samples);

        PanelDefinition panel = DashboardDefinitions.load(ConfigFolder.overriddenBy(config))
                .pages()
                .get(0)
                .panels()
                .get(0);
        assertThat(panel.hideWhenEmpty()).isTrue();
        assertThat(panel.tablesRead()).containsExactly("period_coverage");

        // then a value that is not true or false is named at its line
        refused("30-flags.yml", samples + """
                  - type: status-summary
                    hide_when_empty: yes
                """)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30-flags.yml:9")
                .hasMessageContaining("hide_when_empty is 'yes'")
                .hasMessageContaining("write true or false");
    }

    @Test
    void queriesOutsideTheMartsAreRefusedNamingTheTable() throws Exception {
        writeMessages();
        refused("30-raw.yml", """
                page: raw
                title: {fr: "Brut", ar: "خام", en: "Raw"}
                panels:
                  - type: query
                    query: "select extract(year from submitted_at) as y from fct_egov_requests"
                    columns: [{name: y, label: {fr: A, ar: A, en: A}}]
                """)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30-raw.yml:4: panel 1")
                .hasMessageContaining("'fct_egov_requests'")
                .hasMessageContaining("only the marts");
    }

    @Test
    void missingTranslationsAndUnknownPanelTypesNameTheFileAndTheFix() throws Exception {
        writeMessages();
        refused("40-bad.yml", """
                page: bad
                title: {fr: "Mauvais", en: "Bad"}
                panels: [{type: status-summary}]
                """).hasMessageContaining("40-bad.yml:2: title").hasMessageContaining("give all three");

        refused("40-bad.yml", """
                page: bad
                title: {fr: "Mauvais", ar: "سيء", en: "Bad"}
                panels: [{type: pie}]
                """)
                .hasMessageContaining("unknown panel type 'pie'")
                .hasMessageContaining("kpi-tiles");
    }

    @Test
    void anUnknownFieldIsRefusedWithFileLineAndTheNearestField() throws Exception {
        writeMessages();
        refused("50-typo.yml", """
                page: typo
                title: {fr: "Coquille", ar: "خطأ", en: "Typo"}
                panels:
                  - type: status-summary
                    descripton: {fr: "a", ar: "b", en: "c"}
                """)
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(nearestKeySuggested("50-typo.yml:5: unknown key 'descripton'", "description"));
    }

    @Test
    void aMisspeltRequiredKeyIsNamedWithItsLineAndAMissingOneWithItsParentsLine() throws Exception {
        writeMessages();
        refused("50-typo.yml", """
                page: typo
                titel: {fr: "Coquille", ar: "خطأ", en: "Typo"}
                panels: [{type: status-summary}]
                """).satisfies(nearestKeySuggested("50-typo.yml:2: unknown key 'titel'", "title"));

        refused("50-typo.yml", """
                page: typo
                title: {fr: "Coquille", ar: "خطأ", en: "Typo"}
                panels:
                  - title: {fr: "a", ar: "b", en: "c"}
                """).hasMessageContaining("50-typo.yml:4: 'type' is missing");
    }

    @Test
    void anUnknownLanguageInMessagesIsRefusedWithItsLine() throws Exception {
        write(
                "messages.yml",
                "site.name: {fr: Marsad, ar: مرصد, en: Marsad}\nsite.menu: {fr: Menu, ar: القائمة, eng: Menu}\n");
        refused("10-page.yml", A_VALID_PAGE)
                .satisfies(nearestKeySuggested("messages.yml:2: unknown key 'eng' in site.menu", "en"));
    }

    private void writeMessages() throws Exception {
        write("messages.yml", "site.name: {fr: Marsad, ar: مرصد, en: Marsad}\n");
    }

    /** Writes a page definition that loading must refuse, and what it refused it with. */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(String name, String content) throws Exception {
        write(name, content);
        return assertThatThrownBy(() -> DashboardDefinitions.load(ConfigFolder.overriddenBy(config)));
    }

    /** The refusal names the unknown key where it stands and the known key nearest to it. */
    private static ThrowingConsumer<Throwable> nearestKeySuggested(String unknownKeyAt, String nearest) {
        return error -> assertThat(error)
                .hasMessageContaining(unknownKeyAt)
                .hasMessageContaining("did you mean '" + nearest + "'?");
    }

    private void write(String name, String content) throws Exception {
        Files.createDirectories(config.resolve("dashboards"));
        Files.writeString(config.resolve("dashboards").resolve(name), content);
    }
}
