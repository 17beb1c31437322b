package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import ma.marsad.pipeline.config.ConfigFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(messages.place("line 8, column 3", Language.FR)).isEqualTo("ligne 8, colonne 3");
        assertThat(messages.place("line 8, column 3", Language.AR)).isEqualTo("السطر 8، العمود 3");
        assertThat(messages.place("line 8, column 3", Language.EN)).isEqualTo("line 8, column 3");
        assertThat(messages.place("line 12", Language.FR)).isEqualTo("ligne 12");
        assertThat(messages.place("Indicateurs!C7", Language.AR)).isEqualTo("Indicateurs!C7");
        assertThat(messages.place("/12/amount_mad", Language.FR)).isEqualTo("/12/amount_mad");
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
                    "scale",
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

    /** The values a message shows, each marked {@code <name>} by the test. */
    private static java.util.Set<String> placeholders(String message) {
        return names(java.util.regex.Pattern.compile("<([a-z_]+)>"), message);
    }

    private static java.util.Set<String> names(java.util.regex.Pattern pattern, String text) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher = pattern.matcher(text);
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

    @Test
    void everyPhraseIsWrittenInEveryLanguageWithTheSameValues() throws IOException {
        Map<Language, Properties> files = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            files.put(language, shippedFile(language));
        }
        Properties french = files.get(Language.FR);
        for (Language language : Language.values()) {
            assertThat(files.get(language).stringPropertyNames())
                    .as("keys of messages_" + language.tag())
                    .isEqualTo(french.stringPropertyNames());
        }
        for (String key : french.stringPropertyNames()) {
            for (Language language : Language.values()) {
                assertThat(braces(files.get(language).getProperty(key)))
                        .as(key + " in " + language.tag())
                        .isEqualTo(braces(french.getProperty(key)));
            }
        }
        assertThat(messages.phrase("status.accepted_with_quarantine", Language.AR))
                .isEqualTo("مقبول مع أسطر معزولة");
        assertThat(messages.phrase("validation.truncated", Map.of("max", 1000), Language.EN))
                .isEqualTo("(only the first 1000 errors are listed; the counts are exact)");
    }

    @Test
    void aConfigurationFolderGivesEveryCodeAndMayLeaveThePhrasesToTheShippedFiles(@TempDir Path config)
            throws IOException {
        // given message files with the reason codes only, and one phrase of their own
        Path folder = Files.createDirectories(config.resolve("messages"));
        for (Language language : Language.values()) {
            StringBuilder codesOnly = new StringBuilder();
            Properties shipped = shippedFile(language);
            for (ReasonCode code : ReasonCode.values()) {
                codesOnly
                        .append(code.name())
                        .append(" = ")
                        .append(shipped.getProperty(code.name()))
                        .append('\n');
            }
            codesOnly.append("report.file = Document\n");
            Files.writeString(folder.resolve("messages_" + language.tag() + ".properties"), codesOnly);
        }

        // when
        Messages configured = Messages.load(ConfigFolder.overriddenBy(config));

        // then
        assertThat(configured.phrase("report.file", Language.FR)).isEqualTo("Document");
        assertThat(configured.phrase("report.status", Language.FR)).isEqualTo("Statut");
        assertThatThrownBy(() -> configured.phrase("report.no_such_phrase", Language.FR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("report.no_such_phrase");

        // and a file without a reason code's message is refused
        Files.writeString(folder.resolve("messages_ar.properties"), "report.file = وثيقة\n");
        assertThatThrownBy(() -> Messages.load(ConfigFolder.overriddenBy(config)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("messages_ar.properties has no message for UNKNOWN_SUBMITTER");
    }

    private static Properties shippedFile(Language language) throws IOException {
        String name = "messages_" + language.tag() + ".properties";
        Properties properties = new Properties();
        properties.load(new StringReader(
                ConfigFolder.shipped().file("messages", name).orElseThrow().content()));
        return properties;
    }

    /** The {@code {name}} placeholders of a message file's text. */
    private static java.util.Set<String> braces(String text) {
        return names(java.util.regex.Pattern.compile("\\{([a-z_]+)}"), text);
    }
}
