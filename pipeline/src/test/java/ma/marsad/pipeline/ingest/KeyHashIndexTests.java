package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyHashIndexTests {

    @Test
    void remembersEachKeyHashWithItsRowHashAndRow() {
        KeyHashIndex index = new KeyHashIndex(16);
        assertThat(index.find(42)).isEqualTo(-1);
        index.add(42, 7, 1);
        int slot = index.find(42);
        assertThat(slot).isNotNegative();
        assertThat(index.rowHashAt(slot)).isEqualTo(7);
        assertThat(index.rowAt(slot)).isEqualTo(1);
        assertThat(index.find(43)).isEqualTo(-1);
    }

    @Test
    void growsAndKeepsEveryEntry() {
        // given 200,000 keys spread by the same mixer the validator uses
        KeyHashIndex index = new KeyHashIndex(16);
        for (int i = 1; i <= 200_000; i++) {
            index.add(RowHasher.fmix64(i), i * 31L, i);
        }
        // then all are found with their row, and the table stays at most 75 % full
        assertThat(index.size()).isEqualTo(200_000);
        assertThat(index.capacity()).isEqualTo(1 << 19); // 262,144 * 0.75 < 200,000 → 524,288
        for (int i = 1; i <= 200_000; i++) {
            int slot = index.find(RowHasher.fmix64(i));
            assertThat(index.rowAt(slot)).isEqualTo(i);
            assertThat(index.rowHashAt(slot)).isEqualTo(i * 31L);
        }
        assertThat(index.find(RowHasher.fmix64(200_001))).isEqualTo(-1);
    }

    @Test
    void collidingSlotsProbeOnwards() {
        // hashes equal in their low bits land in the same slot and are kept apart by probing
        KeyHashIndex index = new KeyHashIndex(16);
        long a = 5L;
        long b = 5L | (1L << 40) | (1L << 8 << 32);
        index.add(a, 1, 1);
        index.add(b, 2, 2);
        assertThat(index.rowAt(index.find(a))).isEqualTo(1);
        assertThat(index.rowAt(index.find(b))).isEqualTo(2);
    }

    @Test
    void theZeroHashIsStorable() {
        KeyHashIndex index = new KeyHashIndex(16);
        index.add(0, 9, 3);
        assertThat(index.rowAt(index.find(0))).isEqualTo(3);
    }

    @Test
    void reservingRoomKeepsEveryKeyAndItsRow() {
        KeyHashIndex index = new KeyHashIndex(16);
        for (int row = 1; row <= 100; row++) {
            index.add(row * 0x9E3779B97F4A7C15L, row, row);
        }
        index.reserve(1_000_000);
        assertThat(index.capacity()).isEqualTo(1 << 21);
        for (int row = 1; row <= 100; row++) {
            int slot = index.find(row * 0x9E3779B97F4A7C15L);
            assertThat(index.rowAt(slot)).isEqualTo(row);
            assertThat(index.rowHashAt(slot)).isEqualTo(row);
        }
        index.reserve(10); // never shrinks
        assertThat(index.capacity()).isEqualTo(1 << 21);
    }
}
