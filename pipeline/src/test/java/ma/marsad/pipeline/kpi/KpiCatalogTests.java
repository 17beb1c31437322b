package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.marsad.pipeline.config.ConfigFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiCatalogTests {

    @TempDir
    Path config;

    @Test
    void theShippedCatalogueHoldsAll36Kpis() {
        KpiCatalog catalog = KpiCatalog.load(ConfigFolder.shipped());

        assertThat(catalog.kpis()).hasSize(36);
        assertThat(catalog.kpis())
                .extracting(KpiDefinition::pillar)
                .containsOnly("egov", "economy", "talent", "connectivity", "ai", "governance");
        assertThat(catalog.kpis())
                .filteredOn(kpi -> kpi.sourceTemplate() != null)
                .allSatisfy(kpi -> assertThat(kpi.sql()).contains("submission_ids"));
    }

    @Test
    void theShippedCatalogueKeepsTheReferenceFigures() {
        KpiCatalog catalog = KpiCatalog.load(ConfigFolder.shipped());

        KpiDefinition osiRank = catalog.find("EGOV-06").orElseThrow();
        assertThat(osiRank.direction()).isEqualTo(Direction.DOWN);
        assertThat(osiRank.baseline()).isEqualTo(new KpiDefinition.Baseline("2022", 113));
        assertThat(osiRank.target2030()).isEqualTo(50.0);
        assertThat(osiRank.authoritativeSubmitter()).isEqualTo("UNDESA");
        assertThat(catalog.find("EGOV-04").orElseThrow().targetRelative()).isEqualTo(-0.5);
        assertThat(catalog.find("CON-01").orElseThrow().milestone2026()).isEqualTo(4.4);
        assertThat(catalog.find("CON-07").orElseThrow().sourceTemplate()).isNull();
        assertThat(catalog.find("GOV-03").orElseThrow().sourceTemplate()).isEqualTo("submission-calendar");
        assertThat(catalog.find("TAL-01").orElseThrow().hasRegions()).isTrue();
    }

    @Test
    void everyShippedKpiSaysItsDefinitionAndTargetBasisInFrenchAndArabic() {
        KpiCatalog catalog = KpiCatalog.load(ConfigFolder.shipped());

        assertThat(catalog.kpis()).allSatisfy(kpi -> {
            assertThat(kpi.translations().definitionFr()).isNotEqualTo(kpi.definition());
            assertThat(kpi.translations().definitionAr()).matches(".*\\p{IsArabic}.*");
            // plain words for readers, not the template's column names
            assertThat(kpi.translations().definitionFr()).doesNotContainPattern("[a-z]+_[a-z_]+|>=|x 100");
            if (kpi.targetBasis() != null) {
                assertThat(kpi.translations().targetBasisAr()).matches(".*\\p{IsArabic}.*");
            }
        });
    }

    @Test
    void aKpiWithoutItsFrenchOrArabicDefinitionIsRefused() throws IOException {
        writeKpiFile(TestKpis.EGOV_03_FILE.replace(
                "    definition_ar: \"نسبة الطلبات المودعة عبر الويب أو الهاتف المحمول\"\n", ""));
        writeSql("sql/EGOV-03.sql", "select 1");

        assertThatThrownBy(() -> KpiCatalog.load(ConfigFolder.overriddenBy(config)))
                .hasMessageContaining("EGOV-03")
                .hasMessageContaining("definition_ar");
    }

    @Test
    void loadsAKpiFolderGivenWithConfig() throws IOException {
        writeKpiFile(TestKpis.EGOV_03_FILE);
        writeSql("sql/EGOV-03.sql", "select 1");

        KpiCatalog catalog = KpiCatalog.load(ConfigFolder.overriddenBy(config));

        assertThat(catalog.kpis()).extracting(KpiDefinition::id).containsExactly("EGOV-03");
        assertThat(catalog.kpis().get(0).sourceFile()).isEqualTo("kpis/egov.yml");
    }

    @Test
    void anUnknownFieldNamesTheFileTheKpiAndTheFix() throws IOException {
        writeKpiFile(TestKpis.EGOV_03_FILE + "    traget_2030: 80\n");
        writeSql("sql/EGOV-03.sql", "select 1");
        long misspeltLine = TestKpis.EGOV_03_FILE.lines().count() + 1;

        assertThatThrownBy(() -> KpiCatalog.load(ConfigFolder.overriddenBy(config)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kpis/egov.yml:" + misspeltLine + ": unknown key 'traget_2030'")
                .hasMessageContaining("did you mean 'target_2030'?");
    }

    @Test
    void aMissingSqlFileNamesTheFileAndTheFix() throws IOException {
        writeKpiFile(TestKpis.EGOV_03_FILE);

        assertThatThrownBy(() -> KpiCatalog.load(ConfigFolder.overriddenBy(config)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kpis/egov.yml:3: KPI EGOV-03")
                .hasMessageContaining("sql file 'sql/EGOV-03.sql' does not exist")
                .hasMessageContaining("add it or correct the 'sql' field");
    }

    @Test
    void aBadDirectionNamesTheAllowedValues() throws IOException {
        writeKpiFile(TestKpis.EGOV_03_FILE.replace("direction: up", "direction: upward"));
        writeSql("sql/EGOV-03.sql", "select 1");

        assertThatThrownBy(() -> KpiCatalog.load(ConfigFolder.overriddenBy(config)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kpis/egov.yml:3: KPI EGOV-03")
                .hasMessageContaining("direction 'upward' is not known; use 'up' or 'down'");
    }

    @Test
    void decimalsAreRequiredAndAWholeNumber() throws IOException {
        writeSql("sql/EGOV-03.sql", "select 1");
        writeKpiFile(TestKpis.EGOV_03_FILE.replace("    decimals: 1\n", ""));
        assertThatThrownBy(() -> KpiCatalog.load(ConfigFolder.overriddenBy(config)))
                .hasMessageContaining("kpis/egov.yml:3: KPI EGOV-03")
                .hasMessageContaining("decimals is required");

        writeKpiFile(TestKpis.EGOV_03_FILE.replace("decimals: 1", "decimals: 1.5"));
        assertThatThrownBy(() -> KpiCatalog.load(ConfigFolder.overriddenBy(config)))
                .hasMessageContaining("kpis/egov.yml:8: decimals is '1.5', not a whole number from 0 to 6")
                .hasMessageContaining("e.g. decimals: 1 for a percentage");
    }

    @Test
    void aPublishedValueIsRoundedHalfUpToTheKpisDecimals() {
        KpiCatalog catalog = KpiCatalog.load(ConfigFolder.shipped());
        KpiDefinition share = catalog.find("EGOV-03").orElseThrow(); // % → 1 decimal
        assertThat(share.published(100.0 / 3)).isEqualTo(33.3);
        assertThat(share.published(2.0 / 3 * 100)).isEqualTo(66.7);
        assertThat(share.published(0.05 + 0.2)).isEqualTo(0.3); // 0.25 half up, not 0.2 from its binary residue
        assertThat(share.published(-0.04)).isEqualTo(0.0).isNotNegative();
        // bn MAD → 2, the float residue is gone; ranks → 0
        assertThat(catalog.find("ECO-06").orElseThrow().published(5.461240898700001))
                .isEqualTo(5.46);
        assertThat(catalog.find("EGOV-06").orElseThrow().published(113.0)).isEqualTo(113.0);
        assertThat(catalog.kpis()).allSatisfy(kpi -> assertThat(kpi.decimals()).isBetween(0, 5));
    }

    @Test
    void aDuplicateKpiIsRefused() throws IOException {
        writeKpiFile(TestKpis.EGOV_03_FILE + TestKpis.EGOV_03_FILE.substring(TestKpis.EGOV_03_FILE.indexOf("  - id:")));
        writeSql("sql/EGOV-03.sql", "select 1");

        assertThatThrownBy(() -> KpiCatalog.load(ConfigFolder.overriddenBy(config)))
                .hasMessageContaining("KPI EGOV-03 is declared twice");
    }

    private void writeKpiFile(String content) throws IOException {
        Files.createDirectories(config.resolve("kpis"));
        Files.writeString(config.resolve("kpis/egov.yml"), content);
    }

    private void writeSql(String name, String content) throws IOException {
        Path file = config.resolve("kpis").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
