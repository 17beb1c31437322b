package ma.marsad.jobs.nightly;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ma.marsad.pipeline.ingest.LandingScanner.FileStamp;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;

/**
 * The submissions a run found to ingest, kept in the job's execution context as plain text (one line each, fields
 * separated by tabs, parts and their stamps by NUL) so a restarted run ingests exactly the same list.
 */
final class PendingSubmissions {

    static final String CONTEXT_KEY = "marsad.pending";

    private PendingSubmissions() {}

    record Pending(String submissionId, LandingSubmission submission) {}

    static String encode(List<Pending> pending) {
        StringBuilder text = new StringBuilder();
        for (Pending entry : pending) {
            LandingSubmission submission = entry.submission();
            text.append(entry.submissionId())
                    .append('\t')
                    .append(submission.template())
                    .append('\t')
                    .append(submission.submitter())
                    .append('\t')
                    .append(submission.receivedAt())
                    .append('\t')
                    .append(submission.displayName())
                    .append('\t')
                    .append(String.join(
                            "\0",
                            submission.parts().stream().map(Path::toString).toList()))
                    .append('\t')
                    .append(String.join(
                            "\0",
                            submission.stamps().stream()
                                    .map(stamp -> stamp.size() + "@" + stamp.modified())
                                    .toList()))
                    .append('\t')
                    .append(submission.discoveredAt())
                    .append('\t')
                    .append(submission.discoveryOrder())
                    .append('\n');
        }
        return text.toString();
    }

    static List<Pending> decode(String text) {
        List<Pending> pending = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pending;
        }
        for (String line : text.split("\n")) {
            String[] fields = line.split("\t", -1);
            List<Path> parts =
                    Arrays.stream(fields[5].split("\0")).map(Path::of).toList();
            if (fields.length < 9) { // written by an earlier version: nothing to check the files against
                pending.add(new Pending(
                        fields[0],
                        new LandingSubmission(fields[1], fields[2], parts, fields[4], Instant.parse(fields[3]))));
                continue;
            }
            List<FileStamp> stamps = fields[6].isEmpty()
                    ? List.of()
                    : Arrays.stream(fields[6].split("\0"))
                            .map(stamp -> new FileStamp(
                                    Long.parseLong(stamp.substring(0, stamp.indexOf('@'))),
                                    Instant.parse(stamp.substring(stamp.indexOf('@') + 1))))
                            .toList();
            pending.add(new Pending(
                    fields[0],
                    new LandingSubmission(
                            fields[1],
                            fields[2],
                            parts,
                            fields[4],
                            Instant.parse(fields[3]),
                            stamps,
                            "null".equals(fields[7]) ? null : Instant.parse(fields[7]),
                            Integer.parseInt(fields[8]))));
        }
        return pending;
    }
}
