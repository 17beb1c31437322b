package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one file may make a reader hold is capped: past a cap the file is rejected with the cap's reason code before it
 * is held. The workbooks are written here, streamed, and sized just past the real caps; the tests run in a 1 GB heap,
 * where the uncapped reader ran out of memory on the same files.
 */
class ReaderCapsTests {

    @TempDir
    Path dir;

    @Test
    void millionsOfTinySharedStringsAreRejectedAtTheCountCap() throws Exception {
        // given: one more tiny shared string than the table may hold (a String each used to take about 50 bytes)
        Path bomb = XlsxBombs.manyTinyStrings(dir.resolve("tiny.xlsx"), ReaderLimits.MAX_SHARED_STRINGS);

        assertRejected(bomb, xlsx(), ReasonCode.TOO_MANY_SHARED_STRINGS);
    }

    @Test
    void oneHugeSharedStringIsRejectedAtTheCellCapBeforeItIsHeld() throws Exception {
        // given: a single shared string of 50 million characters, 50 times the cell cap
        Path bomb = XlsxBombs.oneHugeString(dir.resolve("huge.xlsx"), 50_000_000L);

        FileRejectedException rejection = assertRejected(bomb, xlsx(), ReasonCode.CELL_TOO_LONG);
        assertThat(rejection.arguments()).containsEntry("max", ReaderLimits.DEFAULTS.maxCellChars());
    }

    @Test
    void sharedStringsAreCappedInTotalCharacters() throws Exception {
        // given: long entries, each under the cell cap, together past the table's character cap
        int entries = (int) (ReaderLimits.MAX_SHARED_STRING_CHARS / 90_000) + 1;
        Path bomb = XlsxBombs.manyLongStrings(dir.resolve("long.xlsx"), entries, 90_000);

        assertRejected(bomb, xlsx(), ReasonCode.SHARED_STRINGS_TOO_LARGE);
    }

    @Test
    void aWorkbookUnderTheCapsReadsItsSharedStrings() throws Exception {
        Path file = XlsxBombs.manyTinyStrings(dir.resolve("fine.xlsx"), 100_000);

        try (ReportReader reader = ReportReaders.open(file, xlsx())) {
            assertThat(reader.header()).containsExactly("a");
            assertThat(reader.next().cells().get(0).text()).isEqualTo("b");
        }
    }

    @Test
    void anXlsxCellBeyondTheColumnCapIsRejected() throws Exception {
        Path wide = XlsxBombs.wideRow(dir.resolve("wide.xlsx"), 1_001);
        Path fits = XlsxBombs.wideRow(dir.resolve("fits.xlsx"), 1_000);

        assertRejected(wide, xlsx(), ReasonCode.TOO_MANY_COLUMNS);
        try (ReportReader reader = ReportReaders.open(fits, xlsx())) {
            reader.header();
            assertThat(reader.next().cells()).hasSize(1_000);
        }
    }

    @Test
    void aCsvFieldLongerThanTheCellCapIsRejectedWithItsPlace() throws Exception {
        // given: a quoted field that closes its quote only 3 million characters later
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "a,b\n1,\"" + "x".repeat(3_000_000) + "\"\n", StandardCharsets.UTF_8);

        FileRejectedException rejection = assertRejected(file, csv(ReaderLimits.DEFAULTS), ReasonCode.CELL_TOO_LONG);
        assertThat(rejection.arguments()).containsEntry("cell", "line 2, column 2");
    }

    @Test
    void aCsvRecordWithTooManyFieldsIsRejected() throws Exception {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, "a,b\n" + "1,".repeat(5_000) + "1\n", StandardCharsets.UTF_8);

        assertRejected(file, csv(ReaderLimits.DEFAULTS), ReasonCode.TOO_MANY_COLUMNS);
    }

    @Test
    void aCsvRecordLongerThanTheRecordCapIsRejected() throws Exception {
        // given: 900 fields of 9,000 characters, each under the cell cap, 8.1 million characters in all
        Path file = dir.resolve("record.csv");
        String field = "y".repeat(9_000);
        Files.writeString(file, "a,b\n" + String.join(",", java.util.Collections.nCopies(900, field)) + "\n");

        assertRejected(file, csv(ReaderLimits.DEFAULTS), ReasonCode.RECORD_TOO_LONG);
    }

    @Test
    void aTemplatesRowCapRejectsTheRowAfterIt() throws Exception {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "a,b\n1,2\n3,4\n5,6\n");
        ReaderLimits twoRows = new ReaderLimits(2, 10, 100);

        assertThat(readAll(file, csv(new ReaderLimits(3, 10, 100)))).isEqualTo(3);
        assertRejected(file, csv(twoRows), ReasonCode.TOO_MANY_ROWS);
    }

    @Test
    void aJsonStringLongerThanTheCellCapIsRejected() throws Exception {
        Path file = dir.resolve("long.json");
        Files.writeString(file, "[{\"a\": \"" + "z".repeat(2_000_000) + "\", \"b\": 1}]");

        assertRejected(file, json(), ReasonCode.CELL_TOO_LONG);
    }

    @Test
    void aJsonObjectWithTooManyFieldsIsRejected() throws Exception {
        StringBuilder object = new StringBuilder("[{");
        for (int i = 0; i < 1_001; i++) {
            object.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": 1");
        }
        Path file = dir.resolve("wide.json");
        Files.writeString(file, object.append("}]").toString());

        assertRejected(file, json(), ReasonCode.TOO_MANY_COLUMNS);
    }

    private static FileRejectedException assertRejected(Path file, ReaderSettings settings, ReasonCode code) {
        FileRejectedException[] caught = new FileRejectedException[1];
        assertThatThrownBy(() -> readAll(file, settings)).isInstanceOfSatisfying(FileRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            caught[0] = e;
        });
        return caught[0];
    }

    private static long readAll(Path file, ReaderSettings settings) throws FileRejectedException {
        try (ReportReader reader = ReportReaders.open(file, settings)) {
            reader.header();
            long rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            return rows;
        }
    }

    private static ReaderSettings xlsx() {
        return new ReaderSettings("xlsx", StandardCharsets.UTF_8, ',', '"', "S", 1, null, ReaderLimits.DEFAULTS);
    }

    private static ReaderSettings csv(ReaderLimits limits) {
        return new ReaderSettings("csv", StandardCharsets.UTF_8, ',', '"', null, 1, null, limits);
    }

    private static ReaderSettings json() {
        return new ReaderSettings(
                "json", StandardCharsets.UTF_8, ',', '"', null, 1, List.of("a", "b"), ReaderLimits.DEFAULTS);
    }
}
