package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyHashIndexTests {

    private static final int NEW = -1;

    @Test
    void remembersEachKeyHashWithItsRowHashAndRow() {
        KeyHashIndex index = new KeyHashIndex(16);
        assertThat(index.findOrAdd(42, 7, 1)).isEqualTo(NEW);
        // a known key hash gives its slot and keeps the first row and row hash
        int slot = index.findOrAdd(42, 8, 2);
        assertThat(slot).isNotNegative();
        assertThat(index.rowHashAt(slot)).isEqualTo(7);
        assertThat(index.rowAt(slot)).isEqualTo(1);
        assertThat(index.findOrAdd(43, 9, 3)).isEqualTo(NEW);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void growsAndKeepsEveryEntry() {
        // given 200,000 keys spread by the same mixer the validator uses
        KeyHashIndex index = new KeyHashIndex(16);
        for (int i = 1; i <= 200_000; i++) {
            assertThat(index.findOrAdd(RowHasher.fmix64(i), i * 31L, i)).isEqualTo(NEW);
        }
        // then all are found with their row, and the table stays at most 75 % full
        assertThat(index.size()).isEqualTo(200_000);
        assertThat(index.capacity()).isEqualTo(1 << 19); // 262,144 * 0.75 < 200,000 → 524,288
        for (int i = 1; i <= 200_000; i++) {
            int slot = index.findOrAdd(RowHasher.fmix64(i), 0, 0);
            assertThat(index.rowAt(slot)).isEqualTo(i);
            assertThat(index.rowHashAt(slot)).isEqualTo(i * 31L);
        }
        assertThat(index.size()).isEqualTo(200_000);
        assertThat(index.findOrAdd(RowHasher.fmix64(200_001), 0, 0)).isEqualTo(NEW);
    }

    @Test
    void collidingSlotsProbeOnwards() {
        // hashes equal in their low bits land in the same slot and are kept apart by probing
        KeyHashIndex index = new KeyHashIndex(16);
        long a = 5L;
        long b = 5L | (1L << 40) | (1L << 8 << 32);
        assertThat(index.findOrAdd(a, 1, 1)).isEqualTo(NEW);
        assertThat(index.findOrAdd(b, 2, 2)).isEqualTo(NEW);
        assertThat(index.rowAt(index.findOrAdd(a, 0, 0))).isEqualTo(1);
        assertThat(index.rowAt(index.findOrAdd(b, 0, 0))).isEqualTo(2);
    }

    @Test
    void theZeroHashIsStorable() {
        KeyHashIndex index = new KeyHashIndex(16);
        assertThat(index.findOrAdd(0, 9, 3)).isEqualTo(NEW);
        assertThat(index.rowAt(index.findOrAdd(0, 0, 0))).isEqualTo(3);
    }

    @Test
    void reservingRoomKeepsEveryKeyAndItsRow() {
        KeyHashIndex index = new KeyHashIndex(16);
        for (int row = 1; row <= 100; row++) {
            index.findOrAdd(row * 0x9E3779B97F4A7C15L, row, row);
        }
        index.reserve(1_000_000);
        assertThat(index.capacity()).isEqualTo(1 << 21);
        for (int row = 1; row <= 100; row++) {
            int slot = index.findOrAdd(row * 0x9E3779B97F4A7C15L, 0, 0);
            assertThat(index.rowAt(slot)).isEqualTo(row);
            assertThat(index.rowHashAt(slot)).isEqualTo(row);
        }
        index.reserve(10); // never shrinks
        assertThat(index.capacity()).isEqualTo(1 << 21);
    }
}
