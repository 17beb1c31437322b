package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsRowsWithLineBasedReferences() throws Exception {
        // given
        Path file = write("a,b,c\n1,2,3\n4,5,6\n", StandardCharsets.UTF_8);

        // when
        try (ReportReader reader = ReportReaders.open(file, settings(StandardCharsets.UTF_8, ','))) {
            // then
            assertThat(reader.header()).containsExactly("a", "b", "c");
            RawRow first = reader.next();
            assertThat(texts(first)).containsExactly("1", "2", "3");
            assertThat(first.row()).isEqualTo(1);
            assertThat(first.line()).isEqualTo(2);
            assertThat(first.rowRef()).isEqualTo("line 2");
            assertThat(first.cells().get(2).ref()).isEqualTo("line 2, column 3");
            RawRow second = reader.next();
            assertThat(second.row()).isEqualTo(2);
            assertThat(second.line()).isEqualTo(3);
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void quotedFieldsKeepDelimitersLineBreaksAndDoubledQuotes() throws Exception {
        // given: the second record spans lines 2-3, so the third starts on line 4
        Path file = write("a;b\r\n\"x;y\";\"he said \"\"hi\"\"\r\nbye\"\r\nlast;\"\"\r\n", StandardCharsets.UTF_8);

        // when
        List<RawRow> rows = TestReaders.readAll(file, settings(StandardCharsets.UTF_8, ';'));

        // then
        assertThat(texts(rows.get(0))).containsExactly("x;y", "he said \"hi\"\r\nbye");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(texts(rows.get(1))).containsExactly("last", null);
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void blankLinesAreSkippedButCountedAsLines() throws Exception {
        // given: lines 1 header, 2 blank, 3 data, 4 spaces only, 5 blank, 6 data
        Path file = write("a,b\n\n1,2\n   \n\r\n3,4", StandardCharsets.UTF_8);

        // when
        List<RawRow> rows = TestReaders.readAll(file, settings(StandardCharsets.UTF_8, ','));

        // then
        assertThat(rows).extracting(RawRow::row).containsExactly(1, 2);
        assertThat(rows).extracting(RawRow::line).containsExactly(3, 6);
        assertThat(texts(rows.get(1))).containsExactly("3", "4");
    }

    @Test
    void lonelyCarriageReturnAndMixedLineEndsEndRecords() throws Exception {
        // given
        Path file = write("k,v\r\nA,1\rB,2\nC,3\r\n", StandardCharsets.UTF_8);

        // when
        List<RawRow> rows = TestReaders.readAll(file, settings(StandardCharsets.UTF_8, ','));

        // then
        assertThat(rows).extracting(row -> row.cells().get(0).text()).containsExactly("A", "B", "C");
        assertThat(rows).extracting(RawRow::line).containsExactly(2, 3, 4);
    }

    @Test
    void rowsWithAnotherFieldCountAreStillReturned() throws Exception {
        Path file = write("a,b,c\n1,2\n1,2,3,4\n", StandardCharsets.UTF_8);

        List<RawRow> rows = TestReaders.readAll(file, settings(StandardCharsets.UTF_8, ','));

        assertThat(rows.get(0).cells()).hasSize(2);
        assertThat(rows.get(1).cells()).hasSize(4);
    }

    @Test
    void headerOnADeclaredLineSkipsTitleLines() throws Exception {
        Path file = write("Rapport 2026\nsource: X\nannee,valeur\n2026,5\n", StandardCharsets.UTF_8);
        ReaderSettings settings =
                new ReaderSettings("csv", StandardCharsets.UTF_8, ',', '"', null, 3, null, ReaderLimits.DEFAULTS);

        try (ReportReader reader = ReportReaders.open(file, settings)) {
            assertThat(reader.header()).containsExactly("annee", "valeur");
            assertThat(reader.next().line()).isEqualTo(4);
        }
    }

    @Test
    void byteOrderMarksWinOverTheDeclaredCharset() throws Exception {
        // given: declared windows-1256 but each file starts with a BOM
        byte[] utf8 = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "nom\nمراكش\n".getBytes(StandardCharsets.UTF_8));
        byte[] utf16le =
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "nom\nRabat\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16be =
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "nom\nFès\n".getBytes(StandardCharsets.UTF_16BE));
        ReaderSettings declared1256 = settings(Charset.forName("windows-1256"), ',');

        // then
        assertThat(TestReaders.readAll(writeBytes(utf8), declared1256)
                        .get(0)
                        .cells()
                        .get(0)
                        .text())
                .isEqualTo("مراكش");
        assertThat(header(writeBytes(utf8), declared1256)).containsExactly("nom");
        assertThat(TestReaders.readAll(writeBytes(utf16le), declared1256)
                        .get(0)
                        .cells()
                        .get(0)
                        .text())
                .isEqualTo("Rabat");
        assertThat(TestReaders.readAll(writeBytes(utf16be), declared1256)
                        .get(0)
                        .cells()
                        .get(0)
                        .text())
                .isEqualTo("Fès");
    }

    @Test
    void windows1256ArabicIsDecoded() throws Exception {
        Charset windows1256 = Charset.forName("windows-1256");
        Path file = write("السنة;المتعهد\n2026;مكتب التكوين المهني\n", windows1256);

        List<RawRow> rows = TestReaders.readAll(file, settings(windows1256, ';'));

        assertThat(texts(rows.get(0))).containsExactly("2026", "مكتب التكوين المهني");
    }

    @Test
    void utf8BytesDeclaredAsWindows1256AreTheWrongEncoding() throws Exception {
        Path file = write("annee;operateur\n2026;مكتب\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReportReaders.open(file, settings(Charset.forName("windows-1256"), ';')))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.WRONG_ENCODING));
    }

    @Test
    void pureAsciiDeclaredAsWindows1256IsAccepted() throws Exception {
        Path file = write("annee;operateur\n2026;OFPPT\n", StandardCharsets.US_ASCII);

        assertThat(TestReaders.readAll(file, settings(Charset.forName("windows-1256"), ';')))
                .hasSize(1);
    }

    @Test
    void anInvalidByteIsRejectedWithItsOffsetAndLine() throws Exception {
        // given: "a,b\n" (4 bytes) + "1,2\n" (4 bytes) + "x," (2 bytes) then 0xE9, so the byte offset is 10 on line 3
        byte[] bytes = concat("a,b\n1,2\nx,".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, '\n'});
        Path file = writeBytes(bytes);

        // when
        List<RawRow> rows = new ArrayList<>();
        try (ReportReader reader = ReportReaders.open(file, settings(StandardCharsets.UTF_8, ','))) {
            assertThatThrownBy(() -> {
                        RawRow row;
                        while ((row = reader.next()) != null) {
                            rows.add(row);
                        }
                    })
                    // then
                    .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ReasonCode.BAD_ENCODING);
                        assertThat(e.arguments())
                                .containsEntry("byte_offset", 10L)
                                .containsEntry("line", 3);
                    });
        }
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void anInvalidByteFarIntoALargeFileReportsItsExactOffset() throws Exception {
        // given: 50,000 lines of "12345,abcdef\n" (13 bytes) after a 4-byte header, then a lone 0xFF
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("a,b\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 50_000; i++) {
            out.writeBytes("12345,abcdef\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0xFF);
        Path file = writeBytes(out.toByteArray());

        // then: offset 4 + 50,000 * 13 = 650,004 on line 50,002
        assertThatThrownBy(() -> TestReaders.readAll(file, settings(StandardCharsets.UTF_8, ',')))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.BAD_ENCODING);
                    assertThat(e.arguments())
                            .containsEntry("byte_offset", 650_004L)
                            .containsEntry("line", 50_002);
                });
    }

    @Test
    void aTruncatedMultiByteSequenceAtTheEndIsBadEncoding() throws Exception {
        byte[] bytes = concat("a\nx".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xD8});

        assertThatThrownBy(() -> TestReaders.readAll(writeBytes(bytes), settings(StandardCharsets.UTF_8, ',')))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.BAD_ENCODING));
    }

    @Test
    void anUnclosedQuoteRejectsTheFile() throws Exception {
        Path file = write("a,b\n1,\"open\n2,3\n4,5\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TestReaders.readAll(file, settings(StandardCharsets.UTF_8, ',')))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.UNCLOSED_QUOTE);
                    assertThat(e.arguments()).containsEntry("line", 2);
                });
    }

    @Test
    void anEmptyFileOrAHeaderWithoutRowsHasNoData() throws Exception {
        Path empty = write("", StandardCharsets.UTF_8);
        Path headerOnly = write("a,b\r\n\r\n", StandardCharsets.UTF_8);

        for (Path file : List.of(empty, headerOnly)) {
            try (ReportReader reader = ReportReaders.open(file, settings(StandardCharsets.UTF_8, ','))) {
                assertThatThrownBy(reader::header)
                        .isInstanceOfSatisfying(FileRejectedException.class, e -> assertThat(e.code())
                                .isEqualTo(ReasonCode.NO_DATA));
            }
        }
    }

    @Test
    void fieldsSpanningManyBuffersAreReadWhole() throws Exception {
        // given: a quoted field of 300,000 characters, larger than the decode buffer
        String big = "é".repeat(300_000);
        Path file = write("a,b\n\"" + big + "\",2\n", StandardCharsets.UTF_8);

        List<RawRow> rows = TestReaders.readAll(file, settings(StandardCharsets.UTF_8, ','));

        assertThat(rows.get(0).cells().get(0).text()).isEqualTo(big);
        assertThat(rows.get(0).cells().get(1).text()).isEqualTo("2");
    }

    static ReaderSettings settings(Charset charset, char delimiter) {
        return new ReaderSettings("csv", charset, delimiter, '"', null, 1, null, ReaderLimits.DEFAULTS);
    }

    private static List<String> header(Path file, ReaderSettings settings) throws FileRejectedException {
        try (ReportReader reader = ReportReaders.open(file, settings)) {
            return reader.header();
        }
    }

    static List<String> texts(RawRow row) {
        return row.cells().stream().map(RawCell::text).toList();
    }

    private Path write(String text, Charset charset) throws Exception {
        return writeBytes(text.getBytes(charset));
    }

    private Path writeBytes(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(dir, "report", ".csv");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
