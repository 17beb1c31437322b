package ma.marsad.jobs.nightly;

/** Keys the nightly job keeps in its execution context, so a restarted run carries on with the same facts. */
final class RunContext {

    static final String SKIPPED = "marsad.skipped";
    static final String INCOMPLETE = "marsad.incomplete";
    /** Landing files rewritten after their {@code .done} marker, one per line. */
    static final String STALE_MARKERS = "marsad.staleMarkers";

    static final String BUILD_FILE = "marsad.buildFile";
    static final String KPIS_SCORED = "marsad.kpisScored";

    private RunContext() {}
}
