package ma.marsad.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTextTests {

    @Test
    void everyFormulaStartIsNeutralised() {
        assertThat(CsvText.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvText.cell("+33 6")).isEqualTo("'+33 6");
        assertThat(CsvText.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvText.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvText.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(CsvText.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(CsvText.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void quotesOnlyWhereNeeded() {
        assertThat(CsvText.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(CsvText.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvText.cell("Casablanca")).isEqualTo("Casablanca");
        assertThat(CsvText.cell(null)).isEmpty();
    }

    @Test
    void controlAndDirectionCharactersAreShownSoACellCannotSpoofOrSplitARow() {
        assertThat(CsvText.cell("rapport-\u202Evsc.txt")).isEqualTo("rapport-<U+202E>vsc.txt");
        assertThat(CsvText.cell("a\r\nb")).isEqualTo("a<U+000D><U+000A>b");
        assertThat(CsvText.cell("\tx")).isEqualTo("<U+0009>x");
    }

    @Test
    void ownTextKeepsItsDirectionMarksAndIsStillNeutralised() {
        assertThat(CsvText.ownTextCell("ملف \u200F(.xlsx)")).isEqualTo("ملف \u200F(.xlsx)");
        assertThat(CsvText.ownTextCell("=1, 2")).isEqualTo("\"'=1, 2\"");
        assertThat(CsvText.cell("الجهة المرسلة ٢٠٣٠")).isEqualTo("الجهة المرسلة ٢٠٣٠");
    }
}
