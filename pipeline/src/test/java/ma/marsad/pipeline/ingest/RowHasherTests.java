package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RowHasherTests {

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
    void keyPrefixHashesEqualTheSeparateKeyAndRowHashes() {
        long[] hashes = new long[2];
        for (int prefix = 1; prefix <= 3; prefix++) {
            int[] key = new int[prefix];
            for (int i = 0; i < prefix; i++) {
                key[i] = i;
            }
            RowHasher.hashKeyPrefixAndAll(ROW, prefix, hashes);
            assertThat(hashes[0]).isEqualTo(RowHasher.hash(ROW, key));
            assertThat(hashes[1]).isEqualTo(RowHasher.hashAll(ROW));
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
        RowHasher.hashKeyPrefixAndAll(ROW, 1, first);
        RowHasher.hashKeyPrefixAndAll(other, 1, second);
        assertThat(second[0]).isEqualTo(first[0]);
        assertThat(second[1]).isNotEqualTo(first[1]);
    }
}
