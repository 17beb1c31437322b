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
                .contains("line 8, column 3", "valeur", "« 1.5 »", "1 234,5");
        assertThat(messages.message(ReasonCode.AMBIGUOUS_NUMBER, arguments, Language.EN))
                .contains("\"1.5\"", "valeur");
        assertThat(messages.message(ReasonCode.AMBIGUOUS_NUMBER, arguments, Language.AR))
                .contains("«1.5»", "العمود");
        for (ReasonCode code : ReasonCode.values()) {
            for (Language language : Language.values()) {
                assertThat(messages.message(code, Map.of(), language))
                        .isNotBlank()
                        .doesNotContain("{");
            }
        }
    }

    @Test
    void anUnknownCodeStillSaysSomething() {
        assertThat(messages.message("SOMETHING_NEW", Map.of("detail", "x"), Language.FR))
                .isEqualTo("SOMETHING_NEW {detail=x}");
    }
}
