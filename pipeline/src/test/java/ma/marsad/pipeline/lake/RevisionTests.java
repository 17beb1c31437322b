package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionTests {

    private static final Instant RECEIVED = Instant.parse("2026-11-27T23:00:00Z");
    private static final Instant SCAN = Instant.parse("2026-11-28T01:00:00.123456789Z");

    @Test
    void aRevisionReadsBackFromItsOneLineOfTextWhateverItsFileNames() {
        Revision revision =
                new Revision(RECEIVED, SCAN, 7, List.of("a b,c.csv", "ligne\nnouvelle %20.csv", "تقرير.csv"), "f00d");

        String text = revision.encode();

        assertThat(text).doesNotContain("\n");
        assertThat(Revision.decode(text)).isEqualTo(revision);
        Revision unknownScan = new Revision(RECEIVED, null, 0, List.of(), "beef");
        assertThat(Revision.decode(unknownScan.encode())).isEqualTo(unknownScan);
    }

    @Test
    void revisionsReceivedTogetherFollowTheirScanNotTheirNames() {
        Revision earlierInScan = new Revision(RECEIVED, SCAN, 1, List.of("d.csv"), "2");
        Revision laterInScan = new Revision(RECEIVED, SCAN, 2, List.of("c.csv"), "1");
        Revision laterScan = new Revision(RECEIVED, SCAN.plusSeconds(86_400), 0, List.of("a.csv"), "0");
        Revision receivedLater = new Revision(RECEIVED.plusSeconds(1), null, 0, List.of("a.csv"), "0");

        assertThat(List.of(receivedLater, laterScan, laterInScan, earlierInScan).stream()
                        .sorted()
                        .toList())
                .containsExactly(earlierInScan, laterInScan, laterScan, receivedLater);
    }

    @Test
    void namesThenDigestsOnlyBreakTiesOfRevisionsFoundBeforeScansWereKept() {
        Revision a = new Revision(RECEIVED, null, 0, List.of("a.csv"), "9");
        Revision b = new Revision(RECEIVED, null, 0, List.of("b.csv"), "1");
        Revision bOtherDigest = new Revision(RECEIVED, null, 0, List.of("b.csv"), "2");

        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(bOtherDigest);
    }
}
