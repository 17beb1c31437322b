package ma.marsad.pipeline.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.lake.StagingRows;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateContract;

/**
 * Whether each row's key is new in its submission, in little memory for files of millions of rows: each key is
 * remembered as a 64-bit hash with a 64-bit hash of its whole row and its row number ({@link KeyHashIndex}).
 *
 * <p>Equal key and row hashes are an exact duplicate ({@code DUPLICATE_ROW}; a false match would need two independent
 * 64-bit collisions at once). Equal key hashes with different row hashes are confirmed before the file is rejected
 * ({@code KEY_CONFLICT}): the earlier row is read again from the file and the two keys compared as text. Two different
 * keys with the same hash are from then on compared by their exact text in a small map.
 *
 * <p>Rows that pass every other check are held in their block and their keys added together ({@link #addHeld}): the
 * index is far larger than the processor's caches, and touching the slots of a whole block first lets their memory
 * load in parallel.
 */
final class KeyUniqueness {

    /** Hashes the key and the whole row of a batch row: {@link RowHasher}'s, or in tests one whose keys collide. */
    @FunctionalInterface
    interface KeyHashFunction {

        /** Writes the key hash at index 0 of {@code hashes} and the row hash at index 1. */
        void hash(ColumnBatch batch, int row, int[] keyColumns, int keyPrefixLength, long[] hashes);
    }

    /** Reads an earlier row of the submission again, to compare its key exactly. */
    @FunctionalInterface
    interface EarlierRows {

        /** The row, with the exact text of its key; null if it cannot be found or its key not typed again. */
        KeyedRow read(int row, int[] keyColumns) throws Rejection;
    }

    /** A row read again, with the exact text of its key ({@link RowHasher#text}). */
    record KeyedRow(RawRow raw, String keyText) {}

    private final KeyHashFunction hashFunction;
    private final EarlierRows earlierRows;
    private final int[] keyColumns;
    private final int keyPrefixLength;
    private final String keyName;
    private final KeyHashIndex index = new KeyHashIndex(1 << 16);
    private final Set<Long> collidedKeyHashes = new HashSet<>();
    private final Map<String, long[]> exactKeys = new HashMap<>();
    private final long[] hashes = new long[2];
    // key and row hashes of the held rows, by their position in the block
    private final long[] heldKeyHashes;
    private final long[] heldRowHashes;
    private long touches;

    KeyUniqueness(TemplateContract contract, KeyHashFunction hashFunction, EarlierRows earlierRows, int blockCapacity) {
        this.hashFunction = hashFunction;
        this.earlierRows = earlierRows;
        this.keyColumns =
                contract.key().stream().mapToInt(contract::columnIndex).toArray();
        this.keyPrefixLength = RowHasher.keyPrefixLength(keyColumns);
        this.keyName = String.join(", ", contract.key());
        this.heldKeyHashes = new long[blockCapacity];
        this.heldRowHashes = new long[blockCapacity];
    }

    /** Makes room at once for this many keys, estimated from the size of the submission. */
    void reserve(long expectedKeys) {
        index.reserve(expectedKeys);
    }

    /** Hashes the row at this position of the block, to be added with the rows around it by {@link #addHeld}. */
    void hold(ColumnBatch batch, int at) {
        hashFunction.hash(batch, at, keyColumns, keyPrefixLength, hashes);
        heldKeyHashes[at] = hashes[0];
        heldRowHashes[at] = hashes[1];
    }

    /**
     * Adds the keys of the held rows {@code from} to {@code end} of the block, in file order, as {@link #check} would
     * one by one, up to the first whose key hash is known already: that row is for {@link #check} to settle (a
     * duplicate, a conflict or a collision).
     *
     * @return the position of that row, or {@code end} when every key was new
     */
    int addHeld(StagingRows block, int from, int end) {
        long touched = 0;
        for (int i = from; i < end; i++) {
            touched ^= index.touch(heldKeyHashes[i]);
        }
        touches += touched; // used, so the loads are not optimised away
        int i = from;
        while (i < end
                && (collidedKeyHashes.isEmpty() || !collidedKeyHashes.contains(heldKeyHashes[i]))
                && index.findOrAdd(heldKeyHashes[i], heldRowHashes[i], block.rowNumber(i)) < 0) {
            i++;
        }
        return i;
    }

    /** Moves the hashes of {@code count} held rows to another position of the block, as the rows themselves move. */
    void moveHeld(int from, int to, int count) {
        System.arraycopy(heldKeyHashes, from, heldKeyHashes, to, count);
        System.arraycopy(heldRowHashes, from, heldRowHashes, to, count);
    }

    /**
     * Checks the key of a typed row of the batch and remembers it.
     *
     * @return empty when the key is new; the earlier row's number when this row repeats it exactly
     * @throws Rejection {@code KEY_CONFLICT}, naming both rows, when the key was seen with other values
     */
    OptionalInt check(RawRow raw, int row, ColumnBatch batch, int at) throws Rejection {
        hashFunction.hash(batch, at, keyColumns, keyPrefixLength, hashes);
        long keyHash = hashes[0];
        long rowHash = hashes[1];
        if (!collidedKeyHashes.isEmpty() && collidedKeyHashes.contains(keyHash)) {
            return checkExactKey(raw, row, RowHasher.text(batch, at, keyColumns), rowHash);
        }
        int slot = index.findOrAdd(keyHash, rowHash, row);
        if (slot < 0) {
            return OptionalInt.empty();
        }
        if (index.rowHashAt(slot) == rowHash) {
            return OptionalInt.of(index.rowAt(slot));
        }
        KeyedRow earlier = earlierRows.read(index.rowAt(slot), keyColumns);
        String keyText = RowHasher.text(batch, at, keyColumns);
        if (earlier == null || keyText.equals(earlier.keyText())) {
            throw conflict(earlier, raw, row, keyText, index.rowAt(slot));
        }
        // two different keys with one 64-bit hash: compare this hash's keys by their text from now on
        collidedKeyHashes.add(keyHash);
        exactKeys.put(earlier.keyText(), new long[] {index.rowHashAt(slot), index.rowAt(slot)});
        exactKeys.put(keyText, new long[] {rowHash, row});
        return OptionalInt.empty();
    }

    private OptionalInt checkExactKey(RawRow raw, int row, String keyText, long rowHash) throws Rejection {
        long[] seen = exactKeys.get(keyText);
        if (seen == null) {
            exactKeys.put(keyText, new long[] {rowHash, row});
            return OptionalInt.empty();
        }
        if (seen[0] == rowHash) {
            return OptionalInt.of((int) seen[1]);
        }
        throw conflict(earlierRows.read((int) seen[1], keyColumns), raw, row, keyText, (int) seen[1]);
    }

    private Rejection conflict(KeyedRow earlier, RawRow raw, int row, String keyText, int earlierRow) {
        String key = RowHasher.display(keyText);
        // second_row, because each row error's own "row" argument is the row it is about
        Map<String, Object> arguments = Map.of("key", key, "first_row", earlierRow, "row", row, "second_row", row);
        List<RowError> errors = new ArrayList<>();
        if (earlier != null) {
            errors.add(RowErrors.of(
                    earlier.raw(), earlierRow, keyPlace(earlier.raw()), ReasonCode.KEY_CONFLICT, key, arguments));
        }
        errors.add(RowErrors.of(raw, row, keyPlace(raw), ReasonCode.KEY_CONFLICT, key, arguments));
        return new Rejection(ReasonCode.KEY_CONFLICT, arguments, errors);
    }

    private RowErrors.Place keyPlace(RawRow raw) {
        return new RowErrors.Place(raw.rowRef(), keyName, null);
    }
}
