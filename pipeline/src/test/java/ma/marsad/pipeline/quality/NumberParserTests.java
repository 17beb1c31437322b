package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberParserTests {

    @ParameterizedTest(name = "fr-MA \"{0}\" = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 234 567,5|1234567.5",
                "1.234.567,5|1234567.5",
                "1\u00A0234\u00A0567,5|1234567.5",
                "1\u202F234,25|1234.25",
                "1234567,5|1234567.5",
                "1.234|1234",
                "0,5|0.5",
                "-12,5|-12.5",
                "\u221212|-12",
                "+3|3",
                "  42  |42",
                // Arabic-Indic digits with U+066B decimal and U+066C grouping
                "\u0661\u0662\u0663\u066B\u0665|123.5",
                "\u0661\u066C\u0662\u0663\u0664\u066B\u0665|1234.5",
                "\u06F1\u06F2\u06F3|123"
            })
    void readsFrenchMoroccanNumbers(String text, String expected) throws InvalidValueException {
        assertThat(NumberParser.parse(text, ValueLocale.FR_MA)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "fr-MA \"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a '.' that is not a valid thousands separator may be a decimal point: never guess
                "1.5|AMBIGUOUS_NUMBER",
                "1 234.5|AMBIGUOUS_NUMBER",
                "1,234.5|AMBIGUOUS_NUMBER",
                "12.50|AMBIGUOUS_NUMBER",
                "1,234,567|AMBIGUOUS_NUMBER",
                "12 34|NOT_A_NUMBER",
                "1 2345|NOT_A_NUMBER",
                "1 234\u00A0567|NOT_A_NUMBER",
                ",5|NOT_A_NUMBER",
                "5,|NOT_A_NUMBER",
                "-|NOT_A_NUMBER",
                "(1 234)|NOT_A_NUMBER",
                "12%|UNIT_IN_VALUE",
                "12 %|UNIT_IN_VALUE",
                "100 MAD|UNIT_IN_VALUE",
                "1,5 Mds DH|UNIT_IN_VALUE",
                "€12|UNIT_IN_VALUE",
                "1e5|UNIT_IN_VALUE",
                "NaN|UNIT_IN_VALUE"
            })
    void refusesWhatItWouldHaveToGuess(String text, ReasonCode expected) {
        assertThatThrownBy(() -> NumberParser.parse(text, ValueLocale.FR_MA))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "en \"{0}\" = {1}")
    @CsvSource(
            delimiter = '|',
            value = {"1234.5|1234.5", "-0.5|-0.5", "0.43830|0.4383", "146|146", "+7|7"})
    void readsEnglishNumbers(String text, String expected) throws InvalidValueException {
        assertThat(NumberParser.parse(text, ValueLocale.EN)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "en \"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1,234.5|AMBIGUOUS_NUMBER",
                "1,5|AMBIGUOUS_NUMBER",
                "1 234|NOT_A_NUMBER",
                "1.2.3|NOT_A_NUMBER",
                "1.|NOT_A_NUMBER",
                "12 USD|UNIT_IN_VALUE"
            })
    void refusesGroupingInEnglish(String text, ReasonCode expected) {
        assertThatThrownBy(() -> NumberParser.parse(text, ValueLocale.EN))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }
}
