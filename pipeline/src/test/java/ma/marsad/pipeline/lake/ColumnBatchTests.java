package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import ma.marsad.pipeline.template.ColumnType;
import org.junit.jupiter.api.Test;

class ColumnBatchTests {

    private static final List<ColumnType> TYPES = List.of(
            ColumnType.TEXT,
            ColumnType.ENUM,
            ColumnType.INTEGER,
            ColumnType.YEAR,
            ColumnType.DECIMAL,
            ColumnType.DATE,
            ColumnType.DATETIME);

    private static final Object[] ROW = {
        "مرصد",
        "web",
        -42L,
        2030,
        0.1,
        LocalDate.of(1969, 12, 31),
        LocalDateTime.of(2026, 11, 27, 9, 30, 15, 123_456_000)
    };

    @Test
    void valuesComeBackAsTheJavaValuesSet() {
        ColumnBatch batch = new ColumnBatch(TYPES, 2);
        for (int column = 0; column < ROW.length; column++) {
            batch.set(column, 1, ROW[column]);
            assertThat(batch.get(column, 1)).isEqualTo(ROW[column]);
            batch.set(column, 1, null);
            assertThat(batch.isNull(column, 1)).isTrue();
            assertThat(batch.get(column, 1)).isNull();
        }
    }

    @Test
    void copiedRowsKeepTheirValuesNullsAndTextHashes() {
        ColumnBatch source = new ColumnBatch(TYPES, 3);
        for (int column = 0; column < ROW.length; column++) {
            source.set(column, 0, ROW[column]);
            source.set(column, 1, null);
        }
        ColumnBatch target = new ColumnBatch(TYPES, 3);
        source.copyRow(0, target, 2);
        source.copyTo(target, 2);
        for (int column = 0; column < ROW.length; column++) {
            assertThat(target.get(column, 0)).isEqualTo(ROW[column]);
            assertThat(target.get(column, 1)).isNull();
            assertThat(target.get(column, 2)).isEqualTo(ROW[column]);
        }
        assertThat(target.textHash(0, 2)).isEqualTo(source.textHash(0, 0));
    }

    @Test
    void equalTextsHashAlikeAndNeighboursDoNot() {
        assertThat(ColumnBatch.hash(ColumnBatch.utf8("ADD-20261127-00000001")))
                .isEqualTo(ColumnBatch.hash(ColumnBatch.utf8(new String("ADD-20261127-00000001"))))
                .isNotEqualTo(ColumnBatch.hash(ColumnBatch.utf8("ADD-20261127-00000002")));
        assertThat(ColumnBatch.hash(ColumnBatch.utf8("a"))).isNotEqualTo(ColumnBatch.hash(ColumnBatch.utf8("a\0")));
        assertThat(ColumnBatch.hash(ColumnBatch.utf8(""))).isNotEqualTo(ColumnBatch.hash(ColumnBatch.utf8("\0")));
    }
}
