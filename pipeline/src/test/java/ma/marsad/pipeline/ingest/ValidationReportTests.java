package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.ReasonCode;
import org.junit.jupiter.api.Test;

class ValidationReportTests {

    private static final String SPOOFED_NAME = "demandes-\u202Evsc.txt"; // shown as "demandes-txt.csv"
    private static final String SPOOFED_VALUE = "DGI\u2067-001\n";

    private final ValidationReport report = new ValidationReport(Messages.shipped());
    private final RowError error = new RowError(
            1,
            2,
            "line 2, column 2",
            "service_code",
            "code\u202E_service",
            ReasonCode.PATTERN_MISMATCH,
            SPOOFED_VALUE,
            Map.of("pattern", "^[A-Z]{2,10}-[0-9]{3}$"));
    private final List<ValidationReport.Entry> entries = List.of(new ValidationReport.Entry(
            SPOOFED_NAME,
            "egov-requests",
            "ADD",
            new ValidationOutcome(
                    ValidationOutcome.Status.ACCEPTED_WITH_QUARANTINE,
                    "2026-11-27",
                    2,
                    1,
                    1,
                    null,
                    Map.of(),
                    List.of(),
                    List.of(error),
                    false)));

    @Test
    void theTextReportShowsControlAndDirectionCharactersOfNamesAndValuesAsEscapes() {
        for (Language language : Language.values()) {
            String text = report.text(entries, language);

            assertThat(text)
                    .as(language.tag())
                    .contains("demandes-<U+202E>vsc.txt", "DGI<U+2067>-001<U+000A>")
                    .doesNotContain("\u202E", "\u2067");
        }
    }

    @Test
    void theArabicTextReportKeepsItsOwnRightToLeftMarks() {
        String text = report.text(entries, Language.AR);

        assertThat(text.lines().filter(line -> !line.isEmpty()))
                .allSatisfy(line -> assertThat(line).startsWith("\u200F"));
    }

    @Test
    void theJsonKeepsTheExactNameButNeverTheRawControlCharacters() throws Exception {
        String json = report.json(entries, Language.FR);

        assertThat(json).doesNotContain("\u202E", "\u2067").contains("demandes-\\u202Evsc.txt");
        Map<String, String> fields = stringFields(json);
        assertThat(fields.get("file")).isEqualTo(SPOOFED_NAME);
        assertThat(fields.get("value")).isEqualTo(SPOOFED_VALUE);
        assertThat(fields.get("header")).isEqualTo("code\u202E_service");
        // the message is for display: the value is quoted as the text report shows it
        assertThat(fields.get("message")).contains("DGI<U+2067>-001<U+000A>");
    }

    /** Every string field of the JSON by name (each name used once here). */
    private static Map<String, String> stringFields(String json) throws Exception {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    fields.put(parser.currentName(), parser.getText());
                }
            }
        }
        return fields;
    }
}
