package ma.marsad.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberParserTests {

    @ParameterizedTest(name = "{0} \"{1}\" = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "FR_MA|1 234 567,5|1234567.5",
                "FR_MA|1.234.567,5|1234567.5",
                "FR_MA|1\u00A0234\u00A0567,5|1234567.5",
                "FR_MA|1\u202F234,25|1234.25",
                "FR_MA|1234567,5|1234567.5",
                "FR_MA|1.234|1234",
                "FR_MA|0,5|0.5",
                "FR_MA|-12,5|-12.5",
                "FR_MA|\u221212|-12",
                "FR_MA|+3|3",
                "FR_MA|  42  |42",
                // Arabic-Indic digits with U+066B decimal and U+066C grouping
                "FR_MA|\u0661\u0662\u0663\u066B\u0665|123.5",
                "FR_MA|\u0661\u066C\u0662\u0663\u0664\u066B\u0665|1234.5",
                "FR_MA|\u06F1\u06F2\u06F3|123",
                "EN|1234.5|1234.5",
                "EN|-0.5|-0.5",
                "EN|0.43830|0.4383",
                "EN|146|146",
                "EN|+7|7"
            })
    void readsNumbersAsTheirLocaleWritesThem(ValueLocale locale, String text, String expected)
            throws InvalidValueException {
        assertThat(NumberParser.parse(text, locale)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a '.' that is not a valid thousands separator may be a decimal point: never guess
                "FR_MA|1.5|AMBIGUOUS_NUMBER",
                "FR_MA|1 234.5|AMBIGUOUS_NUMBER",
                "FR_MA|1,234.5|AMBIGUOUS_NUMBER",
                "FR_MA|12.50|AMBIGUOUS_NUMBER",
                "FR_MA|1,234,567|AMBIGUOUS_NUMBER",
                "FR_MA|12 34|NOT_A_NUMBER",
                "FR_MA|1 2345|NOT_A_NUMBER",
                "FR_MA|1 234\u00A0567|NOT_A_NUMBER",
                "FR_MA|,5|NOT_A_NUMBER",
                "FR_MA|5,|NOT_A_NUMBER",
                "FR_MA|-|NOT_A_NUMBER",
                "FR_MA|(1 234)|NOT_A_NUMBER",
                "FR_MA|12%|UNIT_IN_VALUE",
                "FR_MA|12 %|UNIT_IN_VALUE",
                "FR_MA|100 MAD|UNIT_IN_VALUE",
                "FR_MA|1,5 Mds DH|UNIT_IN_VALUE",
                "FR_MA|€12|UNIT_IN_VALUE",
                "FR_MA|1e5|UNIT_IN_VALUE",
                "FR_MA|NaN|UNIT_IN_VALUE",
                // English takes neither a ',' nor a space for grouping
                "EN|1,234.5|AMBIGUOUS_NUMBER",
                "EN|1,5|AMBIGUOUS_NUMBER",
                "EN|1 234|NOT_A_NUMBER",
                "EN|1.2.3|NOT_A_NUMBER",
                "EN|1.|NOT_A_NUMBER",
                "EN|12 USD|UNIT_IN_VALUE"
            })
    void refusesWhatItWouldHaveToGuess(ValueLocale locale, String text, ReasonCode expected) {
        assertThatThrownBy(() -> NumberParser.parse(text, locale))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }
}
