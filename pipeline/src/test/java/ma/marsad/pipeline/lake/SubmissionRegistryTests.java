package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionRegistryTests {

    @TempDir
    Path folder;

    @Test
    void aLaterRevisionReplacesThePartitionAndTheEarlierOneMovesToHistory() throws Exception {
        // given two revisions of (digital-training, UM5, 2025-S1) and one of another submitter
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageTraining(
                lake, "aaa1", "UM5", "2025-S1", Instant.parse("2025-07-10T08:00:00Z"), new long[][] {{4, 100}, {6, 50}
                });
        LakeFixtures.stageTraining(
                lake, "bbb2", "UM5", "2025-S1", Instant.parse("2025-07-20T08:00:00Z"), new long[][] {{4, 120}});
        LakeFixtures.stageTraining(
                lake, "ccc3", "UIR", "2025-S1", Instant.parse("2025-07-01T08:00:00Z"), new long[][] {{4, 30}});
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
        assertThat(moved).isEqualTo(1);
        assertThat(Files.exists(
                        folder.resolve("lake/history/digital-training/period=2025-S1/submitter=UM5/aaa1.parquet")))
                .isTrue();
        assertThat(Files.exists(
                        folder.resolve("lake/staging/digital-training/period=2025-S1/submitter=UM5/aaa1.parquet")))
                .isFalse();
        // and filing again moves nothing (idempotent after a crash)
        assertThat(new PartitionFiler(lake).file(registry.snapshot())).isZero();
    }

    @Test
    void aWithdrawnRevisionGivesTheCurrentPlaceBackToThePreviousOne() throws Exception {
        // given
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageTraining(
                lake, "aaa1", "UM5", "2025-S1", Instant.parse("2025-07-10T08:00:00Z"), new long[][] {{4, 100}});
        LakeFixtures.stageTraining(
                lake, "bbb2", "UM5", "2025-S1", Instant.parse("2025-07-20T08:00:00Z"), new long[][] {{4, 999}});
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
}
