package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellReferencesTests {

    @Test
    void columnLettersFollowExcelFromAToXfd() {
        assertThat(CellReferences.columnLetters(0)).isEqualTo("A");
        assertThat(CellReferences.columnLetters(25)).isEqualTo("Z");
        assertThat(CellReferences.columnLetters(26)).isEqualTo("AA");
        assertThat(CellReferences.columnLetters(51)).isEqualTo("AZ");
        assertThat(CellReferences.columnLetters(52)).isEqualTo("BA");
        // 26 + 26 * 26 = 702 columns have one or two letters
        assertThat(CellReferences.columnLetters(701)).isEqualTo("ZZ");
        assertThat(CellReferences.columnLetters(702)).isEqualTo("AAA");
        assertThat(CellReferences.columnLetters(16_383)).isEqualTo("XFD");
    }

    @Test
    void everyColumnOfASheetReadsBackToItsIndex() {
        for (int index = 0; index < 16_384; index++) {
            String reference = CellReferences.columnLetters(index) + "7";
            assertThat(CellReferences.columnIndex(reference)).as(reference).isEqualTo(index);
            assertThat(CellReferences.rowNumber(reference)).as(reference).isEqualTo(7);
        }
    }

    @Test
    void aReferenceWithoutLettersOrWithMoreThanThreeIsNotAColumn() {
        assertThat(CellReferences.columnIndex("c7")).isEqualTo(2);
        assertThat(CellReferences.columnIndex("7")).isEqualTo(-1);
        assertThat(CellReferences.columnIndex("ABCD7")).isEqualTo(-1);
        assertThat(CellReferences.columnIndex("É7")).isEqualTo(-1);
        assertThat(CellReferences.rowNumber("C")).isEqualTo(-1);
        assertThat(CellReferences.rowNumber("XFD1048576")).isEqualTo(1_048_576);
    }
}
