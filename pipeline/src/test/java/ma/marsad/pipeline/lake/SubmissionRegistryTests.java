package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionRegistryTests {

    @TempDir
    Path folder;

    @Test
    void aLaterRevisionReplacesThePartitionAndTheEarlierOneStaysWhereItsSnapshotsNameIt() throws Exception {
        // given two revisions of (digital-training, UM5, 2025-S1) and one of another submitter
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageRevisionAndAnotherSubmitter(lake);
        SubmissionRegistry registry = new SubmissionRegistry(lake);

        // when
        RegistrySnapshot snapshot = registry.snapshot();
        int moved = new PartitionFiler(lake).file(snapshot);

        // then the later UM5 file is current, valid from its received time; the earlier one is valid until then
        assertThat(snapshot.current())
                .extracting(SubmissionRecord::submissionId)
                .containsExactly("ccc3", "bbb2");
        SubmissionRecord first = registry.find("aaa1").orElseThrow();
        assertThat(snapshot.validity(first).validTo()).isEqualTo(Instant.parse("2025-07-20T08:00:00Z"));
        // and the superseded file stays in staging/, where the Iceberg snapshot before the revision names it
        assertThat(moved).isZero();
        Path superseded = folder.resolve("lake/staging/digital-training/period=2025-S1/submitter=UM5/aaa1.parquet");
        assertThat(Files.exists(superseded)).isTrue();
        assertThat(new PartitionFiler(lake).location(snapshot, first).toUri().getPath())
                .isEqualTo(superseded.toString());
    }

    @Test
    void aFileALakeOlderThanItsTablesFiledUnderHistoryComesBackToStaging() throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "aaa1", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 100});
        Path staging = folder.resolve("lake/staging/digital-training/period=2025-S1/submitter=UM5/aaa1.parquet");
        Path history = folder.resolve("lake/history/digital-training/period=2025-S1/submitter=UM5/aaa1.parquet");
        Files.createDirectories(history.getParent());
        Files.move(staging, history);

        assertThat(new PartitionFiler(lake).file(new SubmissionRegistry(lake).snapshot()))
                .isEqualTo(1);
        assertThat(Files.exists(staging)).isTrue();
        assertThat(new PartitionFiler(lake).file(new SubmissionRegistry(lake).snapshot()))
                .isZero();
    }

    @Test
    void aTruncatedRecordFailsNamingItsFileAmongTheOthers() throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        for (String id : List.of("aaa1", "bbb2", "ccc3")) {
            LakeFixtures.stageSemester(lake, id, "UM5", "2025-07-10T08:00:00Z", new long[] {4, 100});
        }
        Path row = LakeFixtures.editEntry(folder.resolve("lake"), "bbb2", json -> json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> new SubmissionRegistry(lake).snapshot())
                .hasMessageContaining("the row of the lake table marsad.submission in " + row)
                .hasMessageContaining("bbb2.parquet is damaged: not valid JSON")
                .hasMessageContaining("Fix:");
    }

    @Test
    void anEntryWithoutARequiredFieldFailsNamingItsPathAndTheField() throws Exception {
        Lake lake = lakeWithEditedEntry(json -> json.replaceFirst("\"received_at\"", "\"receivedAt\""));

        assertThatThrownBy(() -> new SubmissionRegistry(lake).find("aaa1"))
                .hasMessageContaining("aaa1.parquet is damaged: field 'received_at' is missing");
    }

    @Test
    void anEntryWhoseCountsDisagreeFailsNamingItsPath() throws Exception {
        Lake lake = lakeWithEditedEntry(json -> json.replaceFirst("\"rows_read\" : 1", "\"rows_read\" : 5"));

        assertThatThrownBy(() -> new SubmissionRegistry(lake).snapshot())
                .hasMessageContaining("aaa1.parquet is damaged: submission aaa1: rows_read 5 != rows_accepted 1");
    }

    @Test
    void aWithdrawnRevisionGivesTheCurrentPlaceBackToThePreviousOne() throws Exception {
        // given
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "aaa1", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 100});
        LakeFixtures.stageSemester(lake, "bbb2", "UM5", "2025-07-20T08:00:00Z", new long[] {4, 999});
        SubmissionRegistry registry = new SubmissionRegistry(lake);

        // when the mis-filed later revision is withdrawn
        registry.withdraw("bbb2", "wrong semester", Instant.parse("2025-07-21T00:00:00Z"));
        RegistrySnapshot snapshot = registry.snapshot();

        // then
        assertThat(snapshot.current())
                .extracting(SubmissionRecord::submissionId)
                .containsExactly("aaa1");
        assertThat(snapshot.isWithdrawn("bbb2")).isTrue();
    }

    @Test
    void twoVersionsReceivedAtTheSameTimeAreOrderedByDiscoveryNeverByNameOrDigest() throws Exception {
        // given a version found one night, and another of the same partition, received at the same time, found the
        // next night under a name and digest that both sort before it
        Lake lake = Lake.local(folder.resolve("lake"));
        SubmissionRegistry registry = new SubmissionRegistry(lake);
        Instant received = Instant.parse("2025-07-10T08:00:00Z");
        registry.commit(training(lake, "fff9", "z-training.csv", received, Instant.parse("2025-07-11T01:00:00Z"), 0));
        registry.commit(training(lake, "aaa1", "a-training.csv", received, Instant.parse("2025-07-12T01:00:00Z"), 0));

        // when
        RegistrySnapshot snapshot = registry.snapshot();

        // then the one discovered later is current, read back from the registry's entries
        assertThat(snapshot.current())
                .extracting(SubmissionRecord::submissionId)
                .containsExactly("aaa1");
        assertThat(registry.find("aaa1").orElseThrow().discoveredAt()).isEqualTo(Instant.parse("2025-07-12T01:00:00Z"));

        // and within one scan, the later place in the scan wins
        registry.commit(training(lake, "bbb2", "b-training.csv", received, Instant.parse("2025-07-13T01:00:00Z"), 1));
        registry.commit(training(lake, "ccc3", "c-training.csv", received, Instant.parse("2025-07-13T01:00:00Z"), 0));
        assertThat(registry.snapshot().current())
                .extracting(SubmissionRecord::submissionId)
                .containsExactly("bbb2");
    }

    /** A lake holding one submission, aaa1, whose registry entry was then edited by hand. */
    private Lake lakeWithEditedEntry(java.util.function.UnaryOperator<String> edit) throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "aaa1", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 100});
        LakeFixtures.editEntry(folder.resolve("lake"), "aaa1", edit);
        return lake;
    }

    private static SubmissionRecord training(
            Lake lake, String id, String fileName, Instant received, Instant discoveredAt, int discoveryOrder)
            throws java.io.IOException {
        LakeFixtures.writeTraining(lake, id, "UM5", "2025-S1", new long[][] {{4, 100}});
        return new SubmissionRecord(
                id,
                "digital-training",
                "UM5",
                java.util.List.of(fileName),
                received,
                "accepted",
                "2025-S1",
                1,
                1,
                0,
                null,
                null,
                null,
                null,
                "digital-training/period=2025-S1/submitter=UM5/" + id + ".parquet",
                null,
                null,
                null,
                discoveredAt,
                discoveryOrder);
    }
}
