package ma.marsad.pipeline.lake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One submission as the registry knows it: a file (or a set of parts) identified by its SHA-256, and what the pipeline
 * made of it. Written once, when the submission is ingested; never rewritten.
 *
 * @param submissionId SHA-256 of the file's bytes (of the parts' digests, in order, for a split file)
 * @param template template id
 * @param submitter submitter code (the landing folder)
 * @param fileNames the landing file names, parts in order
 * @param receivedAt the modification time of the file or of its {@code .done} marker
 * @param status accepted, accepted_with_quarantine or rejected
 * @param period period key, null when rejected
 * @param fileErrorMessage why the file was rejected, in French
 * @param fileErrorMessageAr the same in Arabic, null in entries written before it was kept
 * @param fileErrorMessageEn the same in English, null in entries written before it was kept
 * @param stagingFile the partition file relative to the lake's {@code staging/} or {@code history/} folder, or null
 * @param quarantineFile the quarantine file relative to the lake root, or null
 * @param stagingBytes size of the staging file when it was committed, or null (entries written before sizes were kept)
 * @param quarantineBytes size of the quarantine file when it was committed, or null
 * @param discoveredAt when the scan that found it started (null for entries written before it was kept)
 * @param discoveryOrder its place in that scan
 * @param templateVersion the version of the template it was ingested with, null in entries written before templates
 *     had versions (version 1)
 */
public record SubmissionRecord(
        String submissionId,
        String template,
        String submitter,
        List<String> fileNames,
        Instant receivedAt,
        String status,
        String period,
        long rowsRead,
        long rowsAccepted,
        long rowsQuarantined,
        String fileErrorCode,
        String fileErrorMessage,
        String fileErrorMessageAr,
        String fileErrorMessageEn,
        String stagingFile,
        String quarantineFile,
        Long stagingBytes,
        Long quarantineBytes,
        Instant discoveredAt,
        long discoveryOrder,
        Integer templateVersion) {

    public SubmissionRecord {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        fileNames = List.copyOf(fileNames);
        if (rowsRead != rowsAccepted + rowsQuarantined) {
            throw new IllegalArgumentException("submission " + submissionId + ": rows_read " + rowsRead
                    + " != rows_accepted " + rowsAccepted + " + rows_quarantined " + rowsQuarantined);
        }
    }

    /** A record whose template version is not known (an entry written before templates had versions). */
    public SubmissionRecord(
            String submissionId,
            String template,
            String submitter,
            List<String> fileNames,
            Instant receivedAt,
            String status,
            String period,
            long rowsRead,
            long rowsAccepted,
            long rowsQuarantined,
            String fileErrorCode,
            String fileErrorMessage,
            String fileErrorMessageAr,
            String fileErrorMessageEn,
            String stagingFile,
            String quarantineFile,
            Long stagingBytes,
            Long quarantineBytes,
            Instant discoveredAt,
            long discoveryOrder) {
        this(
                submissionId,
                template,
                submitter,
                fileNames,
                receivedAt,
                status,
                period,
                rowsRead,
                rowsAccepted,
                rowsQuarantined,
                fileErrorCode,
                fileErrorMessage,
                fileErrorMessageAr,
                fileErrorMessageEn,
                stagingFile,
                quarantineFile,
                stagingBytes,
                quarantineBytes,
                discoveredAt,
                discoveryOrder,
                null);
    }

    /** A record without file sizes, whose discovery is not known, with a file error in French only. */
    public SubmissionRecord(
            String submissionId,
            String template,
            String submitter,
            List<String> fileNames,
            Instant receivedAt,
            String status,
            String period,
            long rowsRead,
            long rowsAccepted,
            long rowsQuarantined,
            String fileErrorCode,
            String fileErrorMessage,
            String stagingFile,
            String quarantineFile) {
        this(
                submissionId,
                template,
                submitter,
                fileNames,
                receivedAt,
                status,
                period,
                rowsRead,
                rowsAccepted,
                rowsQuarantined,
                fileErrorCode,
                fileErrorMessage,
                null,
                null,
                stagingFile,
                quarantineFile,
                null,
                null,
                null,
                0);
    }

    public boolean isRejected() {
        return "rejected".equals(status);
    }

    /** The (template, submitter, period) a revision replaces as a whole. */
    public String partitionKey() {
        return template + "|" + submitter + "|" + period;
    }

    /** Orders revisions by arrival, as {@link Revision} says. */
    public static int compareRevisions(SubmissionRecord a, SubmissionRecord b) {
        return Revision.of(a).compareTo(Revision.of(b));
    }

    /** Names the submission in messages: id, template, submitter and file. */
    public String describe() {
        return "submission " + submissionId + " (template " + template + ", submitter " + submitter + ", file "
                + String.join(" + ", fileNames) + ")";
    }
}
