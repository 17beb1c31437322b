package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landing file that changes while it is read is not loaded under the digest of other bytes; a defect met while
 * validating one submission rejects that submission only. Real files, real readers, a real local lake.
 */
class SubmissionIngesterTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.shipped();
    private static final String HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction\n";

    @TempDir
    Path folder;

    private Path landing;
    private Path file;
    private Lake lake;
    private SubmissionRegistry registry;
    private final LandingScanner scanner = new LandingScanner(Set.of("egov-requests"), Duration.ZERO);

    @BeforeEach
    void landingFile() throws Exception {
        landing = folder.resolve("landing");
        file = landing.resolve("egov-requests/ADD/requests-2026-11-27.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + rows(1, 2_000), StandardCharsets.UTF_8);
        lake = Lake.local(folder.resolve("lake"));
        registry = new SubmissionRegistry(lake);
    }

    @Test
    void aFileAppendedWhileItIsReadIsNotLoadedAndItsCompleteVersionIsTheNextNight() throws Exception {
        // given a file found by discovery, appended to once the reader has copied its first 4 KiB
        LandingSubmission found = onlySubmission();
        String foundId = LandingScanner.submissionId(found.parts());
        AtomicBoolean appended = new AtomicBoolean();
        SubmissionIngester ingester = ingester(new LandingIntake(4_096, (part, bytes) -> {
            if (appended.compareAndSet(false, true)) {
                Files.writeString(part, rows(2_001, 3_000), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        }));

        // when it is ingested, then it is deferred: nothing registered, nothing kept in the lake
        assertThatThrownBy(() -> ingester.ingest(found, foundId))
                .isInstanceOfSatisfying(SubmissionDeferredException.class, deferred -> {
                    assertThat(deferred.code()).isEqualTo(ReasonCode.LANDING_CHANGED);
                    assertThat(deferred.file()).isEqualTo("egov-requests/ADD/requests-2026-11-27.csv");
                });
        assertThat(appended).isTrue();
        assertThat(registry.all()).isEmpty();
        assertThat(filesUnder(folder.resolve("lake/raw"))).isEmpty();
        assertThat(filesUnder(folder.resolve("lake/staging"))).isEmpty();

        // and the next night loads the complete file, its id and raw copy being those of the 3,000 rows loaded
        LandingSubmission complete = onlySubmission();
        String completeId = LandingScanner.submissionId(complete.parts());
        SubmissionRecord record = ingester(defaultIntake()).ingest(complete, completeId);
        assertThat(record.rowsRead()).isEqualTo(3_000);
        Path raw = folder.resolve("lake/raw/egov-requests/" + completeId + ".csv");
        assertThat(raw).hasSameBinaryContentAs(file);
        assertThat(LandingScanner.submissionId(List.of(raw))).isEqualTo(record.submissionId());
    }

    @Test
    void bytesRewrittenAfterDiscoveryWithTheSameSizeAndTimeAreNotLoadedUnderTheDigestOfTheOldOnes() throws Exception {
        // given discovery hashed the file, then the file was rewritten with as many bytes and its time put back
        LandingSubmission found = onlySubmission();
        String foundId = LandingScanner.submissionId(found.parts());
        FileTime time = Files.getLastModifiedTime(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("R1,DGI-001,01", "R1,DGI-001,02"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, time);

        // when, then
        assertThatThrownBy(() -> ingester(defaultIntake()).ingest(found, foundId))
                .isInstanceOfSatisfying(SubmissionDeferredException.class, deferred -> assertThat(deferred.code())
                        .isEqualTo(ReasonCode.LANDING_CHANGED));
        assertThat(registry.contains(foundId)).isFalse();
        assertThat(filesUnder(folder.resolve("lake/staging"))).isEmpty();
    }

    @Test
    void aFileThatCannotBeOpenedIsDeferredNamingIt() throws Exception {
        // given a file found by discovery, then replaced by a folder of the same name (open for reading fails)
        LandingSubmission found = onlySubmission();
        String foundId = LandingScanner.submissionId(found.parts());
        Files.delete(file);
        Files.createDirectory(file);

        // when, then
        assertThatThrownBy(() -> ingester(defaultIntake()).ingest(found, foundId))
                .isInstanceOfSatisfying(SubmissionDeferredException.class, deferred -> {
                    assertThat(deferred.code()).isIn(ReasonCode.LANDING_UNREADABLE, ReasonCode.LANDING_CHANGED);
                    assertThat(deferred.getMessage()).contains("requests-2026-11-27.csv");
                });
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void aDefectMetWhileValidatingRejectsThatSubmissionWithItsCause() throws Exception {
        // given readers whose close fails with a runtime exception (a defect, not a property of the file)
        ReportReaderFactory failingClose = (part, settings) -> {
            ReportReader reader = ReportReaders.open(part, settings);
            return new ReportReader() {
                @Override
                public List<String> header() throws FileRejectedException {
                    return reader.header();
                }

                @Override
                public RawRow next() throws FileRejectedException {
                    return reader.next();
                }

                @Override
                public List<ReaderWarning> warnings() {
                    return reader.warnings();
                }

                @Override
                public void close() {
                    reader.close();
                    throw new IllegalStateException("reader defect");
                }
            };
        };
        SubmissionIngester ingester = new SubmissionIngester(
                lake,
                registry,
                CATALOG,
                new SubmissionValidator(CATALOG, failingClose),
                Messages.shipped(),
                defaultIntake());
        LandingSubmission found = onlySubmission();
        String id = LandingScanner.submissionId(found.parts());

        // when
        SubmissionIngester.Result result = ingester.ingestWithOutcome(found, id);

        // then the submission is rejected with the cause, registered with its raw bytes, and reported
        assertThat(result.record().status()).isEqualTo("rejected");
        assertThat(result.record().fileErrorCode()).isEqualTo(ReasonCode.INGESTION_FAILED.name());
        assertThat(result.outcome().fileErrorArguments().get("detail").toString())
                .contains("reader defect");
        assertThat(registry.find(id)).isPresent();
        assertThat(folder.resolve("lake/raw/egov-requests/" + id + ".csv")).hasSameBinaryContentAs(file);
        assertThat(filesUnder(folder.resolve("lake/staging"))).isEmpty();
    }

    private LandingSubmission onlySubmission() throws Exception {
        List<LandingSubmission> submissions = scanner.scan(landing).submissions();
        assertThat(submissions).hasSize(1);
        return submissions.get(0);
    }

    private SubmissionIngester ingester(LandingIntake intake) {
        return new SubmissionIngester(
                lake,
                registry,
                CATALOG,
                new SubmissionValidator(CATALOG, ReportReaders::open),
                Messages.shipped(),
                intake);
    }

    private static LandingIntake defaultIntake() {
        return new LandingIntake(LandingIntake.DEFAULT_CHUNK_BYTES, (part, bytes) -> {});
    }

    private static String rows(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append('R').append(i).append(",DGI-001,01,web,2026-11-27T09:00:00,,submitted,\n");
        }
        return text.toString();
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
