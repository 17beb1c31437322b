package ma.marsad.pipeline.warehouse;

import java.util.Set;
import java.util.TreeSet;
import ma.marsad.pipeline.lake.LakeSnapshots;

/**
 * What changed in the lake since the published warehouse was built, by submission: which became current (new, or
 * current again after a withdrawal), which stopped being current (revised or withdrawn), and which entered the lake
 * as accepted (every accepted submission enters history). Everything a night recomputes follows from these sets.
 */
public record ChangeSet(Set<String> becameCurrent, Set<String> leftCurrent, Set<String> newlyAccepted) {

    public ChangeSet {
        becameCurrent = Set.copyOf(becameCurrent);
        leftCurrent = Set.copyOf(leftCurrent);
        newlyAccepted = Set.copyOf(newlyAccepted);
    }

    public static final ChangeSet NONE = new ChangeSet(Set.of(), Set.of(), Set.of());

    /**
     * The change the lake tables' snapshots record since the published warehouse; a submission enters history when its
     * row enters {@code marsad.submission} and the lake's registry holds it as accepted.
     */
    static ChangeSet of(LakeSnapshots.Changes changes, LakePosition now) {
        Set<String> newlyAccepted = new TreeSet<>(changes.committed());
        newlyAccepted.retainAll(now.accepted());
        return new ChangeSet(changes.becameCurrent(), changes.leftCurrent(), newlyAccepted);
    }

    /** The change from the published position to the lake's current one, as the registry records them. */
    static ChangeSet between(LakePosition published, LakePosition now) {
        return new ChangeSet(
                difference(now.current(), published.current()),
                difference(published.current(), now.current()),
                difference(now.accepted(), published.accepted()));
    }

    /** Every submission whose rows a night must replace. */
    public Set<String> touched() {
        Set<String> touched = new TreeSet<>(becameCurrent);
        touched.addAll(leftCurrent);
        touched.addAll(newlyAccepted);
        return touched;
    }

    public boolean isEmpty() {
        return becameCurrent.isEmpty() && leftCurrent.isEmpty() && newlyAccepted.isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
