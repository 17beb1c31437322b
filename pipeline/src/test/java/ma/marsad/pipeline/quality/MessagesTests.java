package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTests {

    private final Messages messages = Messages.shipped();

    @Test
    void everyCodeHasAMessageInEveryLanguageWithItsValues() {
        // load() refuses a file with a missing code; here: the values are filled in
        Map<String, Object> arguments =
                Map.of("cell", "line 8, column 3", "column", "valeur", "value", "1.5", "example", "1 234,5");
        assertThat(messages.message(ReasonCode.AMBIGUOUS_NUMBER, arguments, Language.FR))
                .startsWith("ligne 8, colonne 3 (valeur) : ")
                .contains("« 1.5 »", "1 234,5");
        assertThat(messages.message(ReasonCode.AMBIGUOUS_NUMBER, arguments, Language.EN))
                .startsWith("line 8, column 3 (valeur): ")
                .contains("\"1.5\"");
        assertThat(messages.message(ReasonCode.AMBIGUOUS_NUMBER, arguments, Language.AR))
                .startsWith("السطر 8، العمود 3 (valeur): ")
                .contains("«1.5»");
        for (ReasonCode code : ReasonCode.values()) {
            for (Language language : Language.values()) {
                assertThat(messages.message(code, Map.of(), language))
                        .isNotBlank()
                        .doesNotContain("{");
            }
        }
    }

    @Test
    void valuesFromTheFileAreShownVisiblyWhileTheMessagesOwnDirectionMarksStay() {
        Map<String, Object> arguments = Map.of(
                "cell", "line 4, column 2", "column", "service_code", "value", "DGI\u202E-100\n", "pattern", "x");

        assertThat(messages.message(ReasonCode.PATTERN_MISMATCH, arguments, Language.FR))
                .contains("« DGI<U+202E>-100<U+000A> »")
                .doesNotContain("\u202E")
                .doesNotContain("\n");
        assertThat(messages.message(ReasonCode.NOT_XLSX, Map.of(), Language.AR)).contains("\u200F(.xlsx)");
        assertThat(messages.message("NO_SUCH_CODE", Map.of("value", "\u202Ex"), Language.FR))
                .doesNotContain("\u202E")
                .contains("<U+202E>x");
    }

    @Test
    void placesAreWrittenInTheMessagesLanguageExceptSpreadsheetAndJsonReferences() {
        assertThat(Messages.place("line 8, column 3", Language.FR)).isEqualTo("ligne 8, colonne 3");
        assertThat(Messages.place("line 8, column 3", Language.AR)).isEqualTo("السطر 8، العمود 3");
        assertThat(Messages.place("line 8, column 3", Language.EN)).isEqualTo("line 8, column 3");
        assertThat(Messages.place("line 12", Language.FR)).isEqualTo("ligne 12");
        assertThat(Messages.place("Indicateurs!C7", Language.AR)).isEqualTo("Indicateurs!C7");
        assertThat(Messages.place("/12/amount_mad", Language.FR)).isEqualTo("/12/amount_mad");
    }

    @Test
    void everyLanguageAsksForTheSameValuesOfACode() {
        // a placeholder present in one language and not in another is a message that lost or invented a fact
        for (ReasonCode code : ReasonCode.values()) {
            Map<String, Object> marked = new java.util.HashMap<>();
            for (String name : java.util.List.of(
                    "cell",
                    "column",
                    "header",
                    "value",
                    "pattern",
                    "range",
                    "example",
                    "allowed",
                    "expected",
                    "rule",
                    "other_column",
                    "other_value",
                    "first_row",
                    "row",
                    "rows",
                    "key",
                    "period",
                    "first_period",
                    "columns",
                    "count",
                    "second_row",
                    "sheet",
                    "available",
                    "detail",
                    "line",
                    "charset",
                    "byte_offset",
                    "declared",
                    "submitter",
                    "position",
                    "first_header",
                    "accepted",
                    "extension",
                    "formats",
                    "actual",
                    "length",
                    "max",
                    "part",
                    "character",
                    "file")) {
                marked.put(name, "<" + name + ">");
            }
            java.util.Set<String> french = placeholders(messages.message(code, marked, Language.FR));
            assertThat(placeholders(messages.message(code, marked, Language.AR)))
                    .as(code + " in Arabic")
                    .isEqualTo(french);
            assertThat(placeholders(messages.message(code, marked, Language.EN)))
                    .as(code + " in English")
                    .isEqualTo(french);
            assertThat(messages.message(code, marked, Language.FR)).doesNotContain(Messages.MISSING);
        }
    }

    private static java.util.Set<String> placeholders(String message) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("<([a-z_]+)>").matcher(message);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void anUnknownCodeStillSaysSomething() {
        assertThat(messages.message("SOMETHING_NEW", Map.of("detail", "x"), Language.FR))
                .isEqualTo("SOMETHING_NEW {detail=x}");
    }
}
