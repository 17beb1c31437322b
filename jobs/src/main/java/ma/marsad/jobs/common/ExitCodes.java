package ma.marsad.jobs.common;

/** Exit codes shared by every command, documented in the README for schedulers. */
public final class ExitCodes {

    /** Everything succeeded. */
    public static final int SUCCESS = 0;
    /** The run or command failed; nothing was published. */
    public static final int FAILURE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Success, but some rows were quarantined or some files rejected. */
    public static final int SUCCESS_WITH_FINDINGS = 3;
    /** {@code validate} only: at least one file would be rejected. */
    public static final int FILE_REJECTED = 4;

    private ExitCodes() {}
}
