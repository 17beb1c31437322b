package ma.marsad.pipeline.template;

/**
 * How much one file may make a reader hold or read, so a hostile or broken file is rejected with a reason code before
 * it exhausts memory. The three components are per template ({@code reader:} options); the constants are fixed caps.
 *
 * @param maxRows data rows in one file ({@code TOO_MANY_ROWS})
 * @param maxColumns fields of a CSV record, keys of a JSON object, columns of an XLSX cell with a value ({@code
 *     TOO_MANY_COLUMNS})
 * @param maxCellChars characters of one cell, shared string or JSON string ({@code CELL_TOO_LONG})
 */
public record ReaderLimits(long maxRows, int maxColumns, int maxCellChars) {

    /** Well above the largest legitimate files: a 10-million-row export, 1,000 columns, a million characters a cell. */
    public static final ReaderLimits DEFAULTS = new ReaderLimits(50_000_000L, 1_000, 1_000_000);

    /** Characters of one CSV record, all its fields together ({@code RECORD_TOO_LONG}); at least one full cell. */
    public static final int MAX_RECORD_CHARS = 4_000_000;

    /** Entries of an XLSX shared-string table ({@code TOO_MANY_SHARED_STRINGS}): about 4 bytes each when held. */
    public static final int MAX_SHARED_STRINGS = 5_000_000;

    /** Characters of all shared strings together ({@code SHARED_STRINGS_TOO_LARGE}): 2 bytes each when held. */
    public static final long MAX_SHARED_STRING_CHARS = 64_000_000L;

    /** Parts (zip entries) of an XLSX package ({@code TOO_MANY_PARTS}); Excel writes a few dozen. */
    public static final int MAX_PARTS = 1_000;

    /** Uncompressed bytes of one XLSX part ({@code PART_TOO_LARGE}). */
    public static final long MAX_PART_BYTES = 1L << 30;

    /** Merged ranges of one XLSX sheet, all held while the sheet is read ({@code TOO_MANY_MERGED_CELLS}). */
    public static final int MAX_MERGED_RANGES = 1_000_000;

    public ReaderLimits {
        if (maxRows < 1 || maxColumns < 1 || maxCellChars < 1) {
            throw new IllegalArgumentException("reader limits must be 1 or more: rows " + maxRows + ", columns "
                    + maxColumns + ", cell characters " + maxCellChars);
        }
    }

    /** The record cap for these limits: never below one cell of the largest allowed size. */
    public int maxRecordChars() {
        return Math.max(MAX_RECORD_CHARS, maxCellChars);
    }
}
