package ma.marsad.pipeline.ingest;

/**
 * For each key seen in a file, a 64-bit hash of the key, a 64-bit hash of the whole row and the row number, in
 * primitive arrays with open addressing (linear probing): 20 bytes per slot, so 2 million keys take ~80 MB
 * instead of the ~400 MB a set of strings would.
 *
 * <p>A key hash of 0 marks an empty slot, so the hash 0 is stored as 1; the caller treats every key-hash match as a
 * candidate to confirm, so that merge costs nothing in exactness.
 */
final class KeyHashIndex {

    private static final double MAX_LOAD = 0.75;
    private static final int SLOT_BYTES = 20;

    // key hash and row hash side by side, so a probe and its row-hash check touch one cache line, not two
    private long[] hashes;
    private int[] rows;
    private int size;
    private int mask;

    KeyHashIndex(int expectedKeys) {
        allocate(capacityFor(expectedKeys));
    }

    private static int capacityFor(long expectedKeys) {
        long slots = Math.min(1L << 30, Math.max(16, (long) (expectedKeys / MAX_LOAD)));
        return (int) (Long.highestOneBit(slots - 1) << 1);
    }

    /**
     * Makes room at once for this many keys, when a file's size tells how many it holds: growing step by step to a
     * large table moves every key once per doubling, each move a cache miss.
     */
    void reserve(long expectedKeys) {
        // an estimate never asks for more than a third of the heap; past that the index grows as keys come
        long affordable = (long) (Runtime.getRuntime().maxMemory() / 3 / SLOT_BYTES * MAX_LOAD);
        int capacity = capacityFor(Math.min(expectedKeys, affordable));
        if (capacity > rows.length) {
            rehash(capacity);
        }
    }

    private void allocate(int capacity) {
        hashes = new long[capacity * 2];
        rows = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    int capacity() {
        return rows.length;
    }

    /** The slot holding this key hash if there is one; otherwise adds it with its row and returns -1 (one probe). */
    int findOrAdd(long keyHash, long rowHash, int row) {
        if (size + 1 > rows.length * MAX_LOAD) {
            grow();
        }
        long stored = stored(keyHash);
        int slot = slot(stored);
        while (true) {
            long current = hashes[slot * 2];
            if (current == 0) {
                hashes[slot * 2] = stored;
                hashes[slot * 2 + 1] = rowHash;
                rows[slot] = row;
                size++;
                return -1;
            }
            if (current == stored) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Reads the slot where a key hash's probe starts, and nothing else: touching the slots of many keys in one tight loop
     * lets the processor fetch their memory in parallel, so the probes that follow find it in cache.
     */
    long touch(long keyHash) {
        return hashes[slot(stored(keyHash)) * 2];
    }

    long rowHashAt(int slot) {
        return hashes[slot * 2 + 1];
    }

    int rowAt(int slot) {
        return rows[slot];
    }

    /** Places an entry moved by {@link #rehash}, whose key hash is not in the new table yet. */
    private void insert(long stored, long rowHash, int row) {
        int slot = slot(stored);
        while (hashes[slot * 2] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot * 2] = stored;
        hashes[slot * 2 + 1] = rowHash;
        rows[slot] = row;
    }

    private void grow() {
        rehash(rows.length * 2);
    }

    private void rehash(int capacity) {
        long[] oldHashes = hashes;
        int[] oldRows = rows;
        allocate(capacity);
        for (int i = 0; i < oldRows.length; i++) {
            if (oldHashes[i * 2] != 0) {
                insert(oldHashes[i * 2], oldHashes[i * 2 + 1], oldRows[i]);
            }
        }
    }

    private static long stored(long keyHash) {
        return keyHash == 0 ? 1 : keyHash;
    }

    private int slot(long stored) {
        // the hashes are already mixed; fold the high bits in so that the low bits used as index are spread
        return (int) (stored ^ (stored >>> 32)) & mask;
    }

    @Override
    public String toString() {
        return "KeyHashIndex[size=" + size + ", capacity=" + rows.length + "]";
    }
}
