package ma.marsad.pipeline.ingest;

/**
 * Excel cell references such as {@code C7}: a column's letters ({@code A} … {@code Z}, {@code AA} … {@code XFD}) from
 * its 0-based index and back, and the row number. The one place Marsad spells a column as letters, for the references
 * readers give cells and the validator gives absent cells.
 */
final class CellReferences {

    /** Excel's last column, {@code XFD}, has three letters. */
    private static final int MAX_LETTERS = 3;

    private CellReferences() {}

    /** The letters of a 0-based column index: 0 is {@code A}, 25 {@code Z}, 26 {@code AA}. */
    static String columnLetters(int index) {
        StringBuilder letters = new StringBuilder(MAX_LETTERS);
        int n = index + 1;
        while (n > 0) {
            int remainder = (n - 1) % 26;
            letters.insert(0, (char) ('A' + remainder));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }

    /** The 0-based column of a reference such as {@code C7} (letters in either case); -1 when it is not one. */
    static int columnIndex(String reference) {
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z' || i >= MAX_LETTERS) {
                return -1;
            }
            column = column * 26 + (c - 'A' + 1);
            i++;
        }
        return i == 0 ? -1 : column - 1;
    }

    /** The 1-based row of a reference such as {@code C7}; -1 when what follows the letters is not a number. */
    static int rowNumber(String reference) {
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            i++;
        }
        Integer row = XlsxParts.parseIntOrNull(reference.substring(i));
        return row == null ? -1 : row;
    }
}
