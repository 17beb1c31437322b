package ma.marsad.jobs.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halts the process abruptly at a named point of the run when {@code MARSAD_FAULT_AT} names it, as a SIGKILL would:
 * no shutdown hooks, no cleanup. Crash-safety tests use it to land a crash exactly where intended.
 */
public final class FaultInjection {

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);
    public static final String VARIABLE = "MARSAD_FAULT_AT";

    private FaultInjection() {}

    /** Halts with exit status 137 (as after SIGKILL) when the fault point is {@code point}. */
    public static void at(String point) {
        if (point.equals(System.getenv(VARIABLE))) {
            log.warn("{}={}: halting the process now", VARIABLE, point);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
