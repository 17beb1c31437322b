package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import ma.marsad.pipeline.quality.HeaderMatcher.ExpectedColumn;
import ma.marsad.pipeline.quality.HeaderMatcher.HeaderMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderTests {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Année|annee",
                "  Survey   Year |survey_year",
                "E-Government Rank|e_government_rank",
                "Code. Région|code_region",
                "a - b|a_b",
                "E_Index|e_index",
                "Date\u00A0de dépôt|date_de_depot",
                // full-width letters fold under NFKC
                "\uFF21\uFF2E\uFF2E\uFF25\uFF25|annee",
                // tatweel and harakat removed; hamza on alef kept (Arabic letters are not folded)
                "السنـــة|السنة",
                "الأَسْدَس|الأسدس",
                "رمز الجهة|رمز_الجهة"
            })
    void normalisesAsTheSpecificationSays(String header, String expected) {
        assertThat(HeaderNormalizer.normalize(header)).isEqualTo(expected);
    }

    private final HeaderMatcher matcher = new HeaderMatcher(
            List.of(
                    new ExpectedColumn("annee", true, List.of("السنة")),
                    new ExpectedColumn("valeur", true, List.of("value")),
                    new ExpectedColumn("source", false, List.of())),
            false);

    @Test
    void matchesByNameOrAliasAndWarnsOfUnknownColumns() throws InvalidValueException {
        HeaderMatch match = matcher.match(List.of("Value", "السنـة", "Commentaire", ""));
        assertThat(match.positionByColumn()).containsExactly(1, 0, -1);
        assertThat(match.unknownHeaders()).containsExactly("Commentaire");
        assertThat(match.blankHeaderPositions()).containsExactly(3);
    }

    @Test
    void twoHeadersForOneColumnRejectTheFile() {
        assertThatThrownBy(() -> matcher.match(List.of("annee", "valeur", "Value")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.DUPLICATE_HEADER);
                    assertThat(e.arguments()).containsEntry("column", "valeur").containsEntry("header", "Value");
                });
    }

    @Test
    void aMissingRequiredColumnRejectsTheFile() {
        assertThatThrownBy(() -> matcher.match(List.of("annee", "source")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.MISSING_COLUMN);
                    assertThat(e.arguments()).containsEntry("column", "valeur");
                });
    }

    @Test
    void jsonFieldNamesMatchExactly() {
        HeaderMatcher json = new HeaderMatcher(List.of(new ExpectedColumn("amount_mad", true, List.of("x"))), true);
        assertThatThrownBy(() -> json.match(List.of("Amount_MAD")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.MISSING_COLUMN));
    }
}
