package ma.marsad.pipeline.lake;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What orders two revisions of one (template, submitter, period): received time, then discovery (an earlier scan, then
 * the scan's order); the file names and the digest only break ties between revisions found before discovery was kept.
 * Never by digest first: the digest says nothing about which version came last.
 *
 * <p>A lake table's commit records it in its snapshot summary, so that a process committing the next revision of the
 * same partition can order the two while the other's submission row is still being committed.
 */
record Revision(
        Instant receivedAt, Instant discoveredAt, long discoveryOrder, List<String> fileNames, String submissionId)
        implements Comparable<Revision> {

    private static final Comparator<Revision> ORDER = Comparator.comparing(Revision::receivedAt)
            .thenComparing(Revision::discoveredAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Revision::discoveryOrder)
            .thenComparing(revision -> String.join("/", revision.fileNames()))
            .thenComparing(Revision::submissionId);

    Revision {
        fileNames = List.copyOf(fileNames);
    }

    static Revision of(SubmissionRecord record) {
        return new Revision(
                record.receivedAt(),
                record.discoveredAt(),
                record.discoveryOrder(),
                record.fileNames(),
                record.submissionId());
    }

    @Override
    public int compareTo(Revision other) {
        return ORDER.compare(this, other);
    }

    /** One line of text: spaces between the fields, file names URL-encoded and separated by commas. */
    String encode() {
        return receivedAt + " " + (discoveredAt == null ? "-" : discoveredAt.toString()) + " " + discoveryOrder + " "
                + submissionId + " "
                + String.join(
                        ",",
                        fileNames.stream()
                                .map(name -> URLEncoder.encode(name, StandardCharsets.UTF_8))
                                .toList());
    }

    static Revision decode(String text) {
        String[] fields = text.split(" ", -1);
        if (fields.length != 5) {
            throw new IllegalArgumentException("not a revision: " + text);
        }
        return new Revision(
                Instant.parse(fields[0]),
                "-".equals(fields[1]) ? null : Instant.parse(fields[1]),
                Long.parseLong(fields[2]),
                fields[4].isEmpty()
                        ? List.of()
                        : Arrays.stream(fields[4].split(",", -1))
                                .map(name -> URLDecoder.decode(name, StandardCharsets.UTF_8))
                                .toList(),
                fields[3]);
    }
}
