package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.ingest.SubmissionValidatorTests.RecordingSink;
import ma.marsad.pipeline.ingest.ValidationOutcome.Status;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key uniqueness when two different keys share their 64-bit hash: a hash function that gives every key the same hash
 * makes each new key a true collision, which must still be accepted, while an equal key is still refused. The files
 * are read by the real CSV reader, so rows take both the row-by-row check and the block-by-block one.
 */
class KeyUniquenessTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.shipped();
    private static final String HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction";

    /** RowHasher's row hashes, but one key hash for every key. */
    private static final KeyUniqueness.KeyHashFunction ONE_KEY_HASH =
            (batch, row, keyColumns, keyPrefixLength, hashes) -> {
                RowHasher.hashKeyAndRow(batch, row, keyColumns, keyPrefixLength, hashes);
                hashes[0] = 0x5EED_5EED_5EED_5EEDL;
            };

    @TempDir
    Path folder;

    private final RecordingSink sink = new RecordingSink();

    @Test
    void differentKeysWithOneHashAreAllAccepted() throws IOException {
        // given three requests with three ids, whose keys all hash alike
        Path csv = requests("three.csv", request("R1", "web"), request("R2", "web"), request("R3", "mobile"));

        // when
        ValidationOutcome outcome = validate(ONE_KEY_HASH, csv);

        // then row 2 is found to collide with row 1 by reading row 1 again, and row 3 is compared by its text
        assertThat(outcome.status()).isEqualTo(Status.ACCEPTED);
        assertThat(outcome.rowsAccepted()).isEqualTo(3);
        assertThat(sink.accepted).extracting(row -> row.values()[0]).containsExactly("R1", "R2", "R3");
    }

    @Test
    void anExactRepeatOfACollidingKeyIsStillQuarantined() throws IOException {
        // given rows 4 and 5 repeating rows 2 and 1 to the letter
        Path csv = requests(
                "repeats.csv",
                request("R1", "web"),
                request("R2", "web"),
                request("R3", "web"),
                request("R2", "web"),
                request("R1", "web"));

        // when
        ValidationOutcome outcome = validate(ONE_KEY_HASH, csv);

        // then
        assertThat(outcome.status()).isEqualTo(Status.ACCEPTED_WITH_QUARANTINE);
        assertThat(outcome.rowsAccepted()).isEqualTo(3);
        assertThat(outcome.rowErrors())
                .extracting(RowError::row, RowError::code, error -> error.arguments()
                        .get("first_row"))
                .containsExactly(tuple(4, ReasonCode.DUPLICATE_ROW, 2), tuple(5, ReasonCode.DUPLICATE_ROW, 1));
    }

    @Test
    void anEqualKeyWithOtherValuesIsStillAConflict() throws IOException {
        // given row 3 with row 1's id and another channel, after row 2 collided with row 1
        Path csv = requests("conflict.csv", request("R1", "web"), request("R2", "web"), request("R1", "mobile"));

        // when
        ValidationOutcome outcome = validate(ONE_KEY_HASH, csv);

        // then
        assertThat(outcome.status()).isEqualTo(Status.REJECTED);
        assertThat(outcome.fileErrorCode()).isEqualTo(ReasonCode.KEY_CONFLICT);
        assertThat(outcome.fileErrorArguments()).containsAllEntriesOf(Map.of("key", "R1", "first_row", 1, "row", 3));
        assertThat(outcome.rowErrors()).extracting(RowError::row).containsExactly(1, 3);
    }

    @Test
    void collidingKeysAcrossBlocksGiveTheSameOutcomeAsDistinctHashes() throws IOException {
        // given 5,000 requests over three blocks of rows: row 3,000 repeats row 10, row 2,500 has a bad region
        List<String> rows = new ArrayList<>();
        for (int row = 1; row <= 5000; row++) {
            int id = row == 3000 ? 10 : row;
            String region = row == 2500 ? "13" : String.format("%02d", 1 + id % 12);
            rows.add("R" + id + ",DGI-001," + region + ",web,2026-11-28T09:00:00,,submitted,");
        }
        Path csv = requests("requests.csv", rows.toArray(String[]::new));

        // when the keys hash alike, and when they hash apart
        ValidationOutcome colliding = validate(ONE_KEY_HASH, csv);
        List<Integer> collidingRows = sink.accepted.stream().map(ValidRow::row).toList();
        sink.accepted.clear();
        sink.quarantined.clear();
        ValidationOutcome distinct = validate(RowHasher::hashKeyAndRow, csv);

        // then both give every row the same fate, in file order
        assertThat(colliding).isEqualTo(distinct);
        assertThat(colliding.rowsAccepted()).isEqualTo(4998);
        assertThat(colliding.rowErrors())
                .extracting(RowError::row, RowError::code)
                .containsExactly(tuple(2500, ReasonCode.BAD_REGION), tuple(3000, ReasonCode.DUPLICATE_ROW));
        assertThat(colliding.rowErrors().get(1).arguments()).containsEntry("first_row", 10);
        assertThat(collidingRows).hasSize(4998).isSorted().doesNotContain(2500, 3000);
        assertThat(sink.accepted).extracting(ValidRow::row).isEqualTo(collidingRows);
    }

    private ValidationOutcome validate(KeyUniqueness.KeyHashFunction keyHashes, Path csv) {
        SubmissionValidator validator = new SubmissionValidator(CATALOG, ReportReaders::open, keyHashes);
        return validator.validate(
                CATALOG.contract("egov-requests"),
                "ADD",
                List.of(csv),
                csv.getFileName().toString(),
                sink);
    }

    private Path requests(String name, String... rows) throws IOException {
        return Files.writeString(folder.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private static String request(String id, String channel) {
        return id + ",DGI-001,04," + channel + ",2026-11-28T09:00:00,,submitted,";
    }
}
