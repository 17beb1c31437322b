package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.template.ColumnType;
import org.junit.jupiter.api.Test;

class RowHasherTests {

    private static final List<ColumnType> TYPES = List.of(
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.DATETIME,
            ColumnType.INTEGER,
            ColumnType.INTEGER,
            ColumnType.DECIMAL,
            ColumnType.DATE);

    private static final Object[] ROW = {
        "ADD-20261127-00000001",
        "DGI-102",
        LocalDateTime.of(2026, 11, 27, 9, 30),
        null,
        4L,
        2.5,
        LocalDate.of(2026, 11, 27)
    };

    @Test
    void aKeyAtTheFrontHashesAsTheSameKeyNamedColumnByColumn() {
        // the prefix shortcut and the general path give the same key and row hashes
        ColumnBatch batch = batchOf(ROW);
        long[] prefix = new long[2];
        long[] general = new long[2];
        for (int length = 1; length <= 3; length++) {
            int[] key = new int[length];
            for (int i = 0; i < length; i++) {
                key[i] = i;
            }
            RowHasher.hashKeyAndRow(batch, 0, key, length, prefix);
            RowHasher.hashKeyAndRow(batch, 0, key, 0, general);
            assertThat(prefix).containsExactly(general);
        }
    }

    @Test
    void onlyLeadingKeysInOrderArePrefixes() {
        assertThat(RowHasher.keyPrefixLength(new int[] {0})).isEqualTo(1);
        assertThat(RowHasher.keyPrefixLength(new int[] {0, 1})).isEqualTo(2);
        assertThat(RowHasher.keyPrefixLength(new int[] {1})).isZero();
        assertThat(RowHasher.keyPrefixLength(new int[] {1, 0})).isZero();
        assertThat(RowHasher.keyPrefixLength(new int[] {0, 2})).isZero();
    }

    @Test
    void theRowHashSeesEveryColumnAfterTheKey() {
        // same key, a different last value: the key hashes agree, the row hashes differ
        Object[] other = ROW.clone();
        other[6] = LocalDate.of(2026, 11, 28);
        long[] first = new long[2];
        long[] second = new long[2];
        RowHasher.hashKeyAndRow(batchOf(ROW), 0, new int[] {0}, 1, first);
        RowHasher.hashKeyAndRow(batchOf(other), 0, new int[] {0}, 1, second);
        assertThat(second[0]).isEqualTo(first[0]);
        assertThat(second[1]).isNotEqualTo(first[1]);
    }

    @Test
    void aNullAndAnEmptyValueAndAMovedValueHashDifferently() {
        Object[] moved = ROW.clone();
        moved[3] = 4L;
        moved[4] = null;
        long[] first = new long[2];
        long[] second = new long[2];
        RowHasher.hashKeyAndRow(batchOf(ROW), 0, new int[] {0}, 1, first);
        RowHasher.hashKeyAndRow(batchOf(moved), 0, new int[] {0}, 1, second);
        assertThat(second[1]).isNotEqualTo(first[1]);
    }

    @Test
    void aValueRunningIntoTheNextColumnChangesTheHash() {
        List<ColumnType> types = List.of(ColumnType.TEXT, ColumnType.INTEGER, ColumnType.TEXT);
        ColumnBatch batch = new ColumnBatch(types, 2);
        Object[][] rows = {{"R1", 2L, null}, {"R12", null, null}};
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 3; column++) {
                batch.set(column, row, rows[row][column]);
            }
        }
        long[] first = new long[2];
        long[] second = new long[2];
        RowHasher.hashKeyAndRow(batch, 0, new int[] {0}, 1, first);
        RowHasher.hashKeyAndRow(batch, 1, new int[] {0}, 1, second);
        assertThat(second[0]).isNotEqualTo(first[0]);
        assertThat(second[1]).isNotEqualTo(first[1]);
    }

    @Test
    void theKeyTextIsTheSameFromABatchAsFromValues() {
        int[] key = {0, 2};
        assertThat(RowHasher.text(batchOf(ROW), 0, key)).isEqualTo(RowHasher.text(ROW, key));
    }

    private static ColumnBatch batchOf(Object[] values) {
        ColumnBatch batch = new ColumnBatch(TYPES, 4);
        for (int column = 0; column < values.length; column++) {
            batch.set(column, 0, values[column]);
        }
        return batch;
    }
}
