package ma.marsad.pipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.config.InvalidConfigurationException;
import ma.marsad.pipeline.quality.HeaderMatcher;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.quality.ValueLocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateCatalogTests {

    /** The smallest valid contract: one year column, the key and the period; tests add columns or break it. */
    private static final String TINY = """
            id: tiny
            titles: {fr: Petit, ar: صغير, en: Tiny}
            formats: [csv]
            locale: en
            period: {type: year, columns: [annee]}
            key: [annee]
            columns:
              - name: annee
                type: year
                required: true
                description: {fr: Année, ar: السنة}
            """;

    /** TINY with a text column whose pattern, keys and neighbours the broken contracts below edit. */
    private static final String WITH_CODE = TINY + """
              - name: code
                type: text
                pattern: '^[A-Z]{2,10}$'
                description: {fr: Code, ar: الرمز, en: Code}
            """;

    private final TemplateCatalog catalog = TemplateCatalog.shipped();

    @Test
    void shipsTheEightTemplatesOfTheSpecification() {
        assertThat(catalog.ids())
                .containsExactlyInAnyOrder(
                        "egov-requests",
                        "eservices-catalogue",
                        "telecom-quarterly",
                        "digital-training",
                        "startup-funding",
                        "ai-programme-quarterly",
                        "digital-economy-annual",
                        "un-egov-survey");
        assertThat(catalog.isRegistered("OFPPT")).isTrue();
        assertThat(catalog.isRegistered("NOBODY")).isFalse();
        assertThat(catalog.submitters()).hasSize(19);
    }

    @Test
    void contractsSayWhatTheSpecificationSays() {
        TemplateContract egov = catalog.contract("egov-requests");
        assertThat(egov.columns())
                .extracting(ColumnSpec::name)
                .containsExactly(
                        "request_id",
                        "service_code",
                        "region_code",
                        "channel",
                        "submitted_at",
                        "completed_at",
                        "status",
                        "satisfaction");
        assertThat(egov.columns().get(4).type()).isEqualTo(ColumnType.DATETIME);
        assertThat(egov.key()).containsExactly("request_id");
        assertThat(egov.periodType()).isEqualTo(PeriodType.DAY);
        assertThat(egov.locale()).isEqualTo(ValueLocale.EN);
        assertThat(egov.rules()).extracting(CrossColumnRule::text).containsExactly("completed_at >= submitted_at");

        TemplateContract ai = catalog.contract("ai-programme-quarterly");
        assertThat(ai.formats()).containsExactly("xlsx", "json");
        ReaderSettings json = ai.readerSettings("JAZARI-NADOR", "json");
        assertThat(json.jsonFields()).startsWith("trimestre", "code_entite").hasSize(12);
        assertThat(ai.readerSettings("JAZARI-NADOR", "xlsx").sheet()).isEqualTo("KPI");
        assertThat(ai.rules().get(0).warningCode()).isEqualTo(ReasonCode.BUDGET_ABOVE_ENGAGED);

        TemplateContract training = catalog.contract("digital-training");
        assertThat(training.readerSettings("OFPPT", "csv").charset()).isEqualTo(Charset.forName("windows-1256"));
        assertThat(training.readerSettings("UM5", "csv").charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(training.readerSettings("UM5", "csv").delimiter()).isEqualTo(';');
        assertThat(training.periodRule().columns()).containsExactly("annee", "semestre");
        assertThat(training.key()).hasSize(7);

        assertThat(catalog.contract("telecom-quarterly").readerOptions().headerRow())
                .isEqualTo(3);
        assertThatThrownBy(() -> catalog.contract("telecom-quarterly").readerSettings("ANRT", "csv"))
                .hasMessageContaining("accepts [xlsx]");
    }

    @Test
    void unEgovSurveyAcceptsBothPublishedHeaderLayouts() throws InvalidValueException {
        TemplateContract survey = catalog.contract("un-egov-survey");
        HeaderMatcher matcher = new HeaderMatcher(
                survey.columns().stream()
                        .map(c -> new HeaderMatcher.ExpectedColumn(c.name(), c.required(), c.headerAliases()))
                        .toList(),
                false);
        List<String> layout2024 = List.of(
                "Survey Year",
                "Country",
                "Rank",
                "E_Index",
                "E_Participation",
                "Online_Service",
                "Human_Capital",
                "Tele_Infra",
                "Region");
        List<String> layout2022 = List.of(
                "Survey Year",
                "Country Name",
                "E-Government Rank",
                "E-Government Index",
                "E-Participation Index",
                "Online Service Index",
                "Human Capital Index",
                "Telecommunication Infrastructure Index");
        assertThat(matcher.match(layout2024).positionByColumn()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(matcher.match(layout2022).positionByColumn()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, -1);
        assertThat(matcher.match(layout2022).unknownHeaders()).isEmpty();
    }

    @Test
    void anUnknownTemplateNamesTheKnownOnes() {
        assertThatThrownBy(() -> catalog.contract("egov-request"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown template 'egov-request'")
                .hasMessageContaining("egov-requests, ");
        assertThat(catalog.find("egov-request")).isEmpty();
    }

    @Test
    void aBrokenContractNamesTheFileTheLineAndTheFix(@TempDir Path config) throws IOException {
        String broken = TINY + """
                  - name: valeur
                    type: decimel
                """;
        assertRefused(
                config,
                broken,
                "tiny.yml:13:",
                "unknown type 'decimel' for column valeur",
                "Fix: use one of text, enum, region, quarter, integer, year, decimal, date, datetime");
    }

    @Test
    void aTextColumnWithAPatternIsValid(@TempDir Path config) throws IOException {
        assertThat(write(config, WITH_CODE).contract("tiny").columns()).hasSize(2);
    }

    static Stream<Arguments> otherBrokenContracts() {
        return Stream.of(
                arguments(
                        "key: [annee]", "key: [annee, missing]", "tiny.yml:6:", "key column 'missing' is not declared"),
                arguments("^[A-Z]{2,10}$", "^[A-Z{2,10}$", "tiny.yml:14:", "not a valid regular expression"),
                arguments("locale: en", "locale: en\nencodng: UTF-8", "tiny.yml:5:", "unknown key 'encodng'"),
                arguments(
                        "    pattern:",
                        "    requird: true\n    pattern:",
                        "tiny.yml:14: unknown key 'requird' in columns[]",
                        "Fix: did you mean 'required'? The keys here are aliases, "),
                arguments(
                        "locale: en",
                        "locale: en\ntitels: {fr: A, ar: B, en: C}",
                        "tiny.yml:5: unknown key 'titels'",
                        "did you mean 'titles'?"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void otherBrokenContracts(String original, String edited, String where, String what, @TempDir Path config)
            throws IOException {
        assertRefused(config, WITH_CODE.replace(original, edited), where, what);
    }

    @Test
    void aDecimalColumnDeclaresItsScale(@TempDir Path config) throws IOException {
        String valid = TINY + """
                  - name: valeur
                    type: decimal
                    scale: 4
                    description: {fr: Valeur, ar: القيمة, en: Value}
                """;
        assertThat(write(config, valid)
                        .contract("tiny")
                        .column("valeur")
                        .orElseThrow()
                        .scale())
                .isEqualTo(4);
        assertThat(write(config, valid.replace("    scale: 4\n", ""))
                        .contract("tiny")
                        .column("valeur")
                        .orElseThrow()
                        .scale())
                .isEqualTo(ColumnSpec.DEFAULT_SCALE);
        // both refusals point at the scale's own line
        assertThat(List.of(
                        loadError(config, valid.replace("scale: 4", "scale: 2.5")),
                        loadError(config, valid.replace("type: decimal", "type: integer"))))
                .allSatisfy(error -> assertThat(error).contains("tiny.yml:14:"))
                .satisfiesExactly(
                        fraction -> assertThat(fraction)
                                .contains("scale of column valeur is '2.5', not a whole number from 0 to 9")
                                .contains("Fix: write the number of digits allowed after the decimal point"),
                        integer -> assertThat(integer)
                                .contains("'scale' applies to decimal columns, and column valeur is integer"));
    }

    @Test
    void everyShippedColumnIsDescribedInFrenchAndArabic() {
        for (TemplateContract contract : catalog.contracts()) {
            for (ColumnSpec column : contract.columns()) {
                assertThat(column.description().hasFrenchAndArabic())
                        .as(contract.id() + "." + column.name())
                        .isTrue();
            }
        }
        assertThat(catalog.contract("digital-training")
                        .column("dont_femmes")
                        .orElseThrow()
                        .description()
                        .in(Language.AR))
                .contains("النساء");
    }

    @Test
    void aColumnWithoutFrenchOrArabicDescriptionIsRefusedWithFileAndLine(@TempDir Path config) throws IOException {
        String valid = TINY;
        assertThat(write(config, valid).contract("tiny").columns().get(0).description())
                .isEqualTo(new ColumnDescription("Année", "السنة", ""));
        // a single text, as earlier contracts wrote it, is read as English and still needs French and Arabic
        assertRefused(
                config,
                valid.replace("{fr: Année, ar: السنة}", "Year of the figures"),
                "tiny.yml:11:",
                "the description of column annee has no French and Arabic text",
                "Fix: write it as description: {fr:");
        assertRefused(
                config, valid.replace("{fr: Année, ar: السنة}", "{fr: Année}"), "tiny.yml:11:", "has no Arabic text");
        assertRefused(
                config,
                valid.replace("    description: {fr: Année, ar: السنة}\n", ""),
                "tiny.yml:8:",
                "column annee has no description");
    }

    @Test
    void readerCapsDefaultOrComeFromTheTemplate(@TempDir Path config) throws IOException {
        String valid = TINY;
        assertThat(write(config, valid)
                        .contract("tiny")
                        .readerSettings("ADD", "csv")
                        .limits())
                .isEqualTo(ReaderLimits.DEFAULTS);

        String capped =
                valid.replace("locale: en", "reader: {max_rows: 10, max_columns: 5, max_cell_chars: 200}\nlocale: en");
        assertThat(write(config, capped)
                        .contract("tiny")
                        .readerSettings("ADD", "csv")
                        .limits())
                .isEqualTo(new ReaderLimits(10, 5, 200));
        assertRefused(
                config,
                valid.replace("locale: en", "reader: {max_rows: 0}\nlocale: en"),
                "tiny.yml:4:",
                "max_rows is 0");
    }

    @Test
    void aTemplateIsAtVersionOneUntilItsContractSaysOtherwise(@TempDir Path config) throws IOException {
        assertThat(write(config, TINY).contract("tiny").version()).isEqualTo(1);
        assertThat(catalog.contracts())
                .allSatisfy(contract -> assertThat(contract.version()).isEqualTo(1));

        String renamed = WITH_CODE
                .replace("locale: en", "version: 3\nlocale: en")
                .replace("    pattern:", "    renamed_from: [code_service, service]\n    pattern:");
        TemplateContract contract = write(config, renamed).contract("tiny");
        assertThat(contract.version()).isEqualTo(3);
        assertThat(contract.renamedColumns()).containsExactly(entry("code", List.of("code_service", "service")));
        assertThat(contract.column("annee").orElseThrow().renamedFrom()).isEmpty();
    }

    static Stream<Arguments> badVersionsAndRenames() {
        String version2 = WITH_CODE.replace("locale: en", "version: 2\nlocale: en");
        return Stream.of(
                arguments(
                        WITH_CODE.replace("locale: en", "version: 0\nlocale: en"),
                        "tiny.yml:4:",
                        "version is 0. Fix: use 1 for the first version"),
                arguments(
                        WITH_CODE.replace("locale: en", "version: two\nlocale: en"),
                        "tiny.yml:4:",
                        "'version' is 'two', not a whole number"),
                arguments(
                        WITH_CODE.replace("    pattern:", "    renamed_from: [service]\n    pattern:"),
                        "tiny.yml:14:",
                        "column code is renamed, and the template is at version 1. Fix: raise the template's version"),
                arguments(
                        version2.replace("    pattern:", "    renamed_from: [annee]\n    pattern:"),
                        "tiny.yml:15:",
                        "renamed from 'annee', which is the name of a current column"),
                arguments(
                        version2.replace("    pattern:", "    renamed_from: [Service]\n    pattern:"),
                        "tiny.yml:15:",
                        "earlier name 'Service' of column code is not lower_snake_case"),
                arguments(
                        version2.replace("    pattern:", "    renamed_from: [ancien]\n    pattern:") + """
                              - name: autre
                                type: text
                                renamed_from: [ancien]
                                description: {fr: Autre, ar: آخر}
                            """,
                        "tiny.yml:20:",
                        "'ancien' is an earlier name of both code and autre"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource
    void badVersionsAndRenames(String yaml, String where, String what, @TempDir Path config) throws IOException {
        assertRefused(config, yaml, where, what);
    }

    /** Asserts the contract is refused with a message holding each of these parts (file:line first). */
    private static void assertRefused(Path config, String yaml, String... parts) throws IOException {
        assertThat(loadError(config, yaml)).contains(parts);
    }

    private static String loadError(Path config, String yaml) throws IOException {
        try {
            write(config, yaml);
        } catch (InvalidConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("the contract was accepted:\n" + yaml);
    }

    private static TemplateCatalog write(Path config, String yaml) throws IOException {
        Path templates = Files.createDirectories(config.resolve("templates"));
        Files.writeString(templates.resolve("tiny.yml"), yaml);
        Files.writeString(
                templates.resolve("submitters.yml"), "submitters:\n  - {code: ADD, name_fr: Agence, name_ar: وكالة}\n");
        return TemplateCatalog.load(ConfigFolder.overriddenBy(config));
    }
}
