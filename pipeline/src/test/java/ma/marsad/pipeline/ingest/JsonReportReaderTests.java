package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderLimits;
import ma.marsad.pipeline.template.ReaderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTests {

    private static final ReaderSettings SETTINGS = new ReaderSettings(
            "json",
            StandardCharsets.UTF_8,
            ',',
            '"',
            null,
            1,
            List.of("event_id", "amount_mad", "programme", "active"),
            ReaderLimits.DEFAULTS);

    @TempDir
    Path dir;

    @Test
    void readsAnArrayOfObjectsAlignedToTheContractFields() throws Exception {
        // given
        Path file = write("""
                [
                  {"event_id": "E1", "amount_mad": 1500000.50, "programme": null, "active": true, "extra": [1, 2]},
                  {"amount_mad": 12, "event_id": "E2", "programme": {"name": "Tatwir"}}
                ]
                """);

        // when
        List<String> header;
        List<RawRow> rows;
        try (ReportReader reader = ReportReaders.open(file, SETTINGS)) {
            header = reader.header();
            rows = TestReaders.readRest(reader);
        }

        // then
        assertThat(header).containsExactly("event_id", "amount_mad", "programme", "active");
        RawRow first = rows.get(0);
        assertThat(first.row()).isEqualTo(1);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.rowRef()).isEqualTo("/0");
        assertThat(first.cells().get(0).typed()).isEqualTo("E1");
        assertThat(first.cells().get(1).typed()).isEqualTo(new BigDecimal("1500000.50"));
        assertThat(first.cells().get(1).text()).isEqualTo("1500000.50");
        assertThat(first.cells().get(1).ref()).isEqualTo("/0/amount_mad");
        assertThat(first.cells().get(2).typed()).isSameAs(RawCell.JSON_NULL);
        assertThat(first.cells().get(3).typed()).isEqualTo(Boolean.TRUE);
        RawRow second = rows.get(1);
        assertThat(second.row()).isEqualTo(2);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.cells().get(0).text()).isEqualTo("E2");
        assertThat(second.cells().get(2).text()).isEqualTo("{\"name\":\"Tatwir\"}");
        assertThat(second.cells().get(2).typed()).isNull();
        RawCell missing = second.cells().get(3);
        assertThat(missing.text()).isNull();
        assertThat(missing.typed()).isNull();
        assertThat(missing.ref()).isEqualTo("/1/active");
    }

    @Test
    void readsNdjsonWithPhysicalLines() throws Exception {
        // given: a blank line 2, so the second object starts on line 3
        Path file = write("{\"event_id\": \"E1\"}\n\n{\"event_id\": \"E2\"}\n42\n");

        // when
        List<RawRow> rows = readAll(file);

        // then
        assertThat(rows).extracting(RawRow::line).containsExactly(1, 3, 4);
        assertThat(rows).extracting(RawRow::rowRef).containsExactly("/0", "/1", "/2");
        assertThat(rows.get(1).cells().get(0).ref()).isEqualTo("/1/event_id");
        assertThat(rows.get(2).rowError().code()).isEqualTo(ReasonCode.NOT_AN_OBJECT);
        assertThat(rows.get(2).row()).isEqualTo(3);
    }

    @Test
    void anElementThatIsNotAnObjectIsARowError() throws Exception {
        Path file = write("[{\"event_id\": \"E1\"}, [1, 2], \"x\"]");

        List<RawRow> rows = readAll(file);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).rowError().code()).isEqualTo(ReasonCode.NOT_AN_OBJECT);
        assertThat(rows.get(2).rowError().code()).isEqualTo(ReasonCode.NOT_AN_OBJECT);
    }

    @Test
    void nestingDeeperThan32IsRejected() throws Exception {
        // given: the array is level 1, the object level 2, then 31 nested arrays reach level 33
        Path file = write("[{\"event_id\": " + "[".repeat(31) + "]".repeat(31) + "}]");
        Path allowed = write("[{\"event_id\": " + "[".repeat(30) + "]".repeat(30) + "}]");

        assertRejected(file, ReasonCode.JSON_TOO_DEEP);
        assertThat(readAll(allowed)).hasSize(1);
    }

    @Test
    void duplicateKeysAreRejected() throws Exception {
        assertRejected(write("[{\"event_id\": \"E1\", \"event_id\": \"E2\"}]"), ReasonCode.JSON_DUPLICATE_KEY);
    }

    @Test
    void aNumberLongerThan1000CharactersIsRejected() throws Exception {
        Path tooLong = write("[{\"amount_mad\": " + "9".repeat(1001) + "}]");
        Path longest = write("[{\"amount_mad\": " + "9".repeat(1000) + "}]");

        assertRejected(tooLong, ReasonCode.JSON_NUMBER_TOO_LONG);
        assertThat(readAll(longest).get(0).cells().get(1).text()).hasSize(1000);
    }

    @Test
    void truncatedInputIsRejected() throws Exception {
        assertRejected(write("[{\"event_id\": \"E1\"}, {\"event_id\": \"E"), ReasonCode.JSON_TRUNCATED);
        assertRejected(
                write("{\"event_id\": \"E1\"}\n{\"event_id\": \"E2\", \"amount_mad\""), ReasonCode.JSON_TRUNCATED);
    }

    @Test
    void anHtmlPageOrOtherTextIsNotJson() throws Exception {
        assertRejected(write("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"), ReasonCode.NOT_JSON);
        assertRejected(write("\"just a string\""), ReasonCode.NOT_JSON);
        assertRejected(write("[{\"event_id\": \"E1\"}] trailing"), ReasonCode.NOT_JSON);
    }

    @Test
    void anEmptyFileOrArrayHasNoData() throws Exception {
        assertRejected(write("  \n"), ReasonCode.NO_DATA);
        assertRejected(write("[ ]"), ReasonCode.NO_DATA);
    }

    private void assertRejected(Path file, ReasonCode code) {
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static List<RawRow> readAll(Path file) throws FileRejectedException {
        return TestReaders.readAll(file, SETTINGS);
    }

    private Path write(String json) throws Exception {
        Path file = Files.createTempFile(dir, "report", ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
