package ma.marsad.jobs.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The received dates a backfill takes new landing files from ({@code marsad backfill --from --to}); both null for a
 * nightly run, which takes every new file. Days are Casablanca days, inclusive at both ends.
 */
@ConfigurationProperties("marsad.backfill")
public record BackfillWindow(LocalDate from, LocalDate to) {

    private static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

    public BackfillWindow {
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("a backfill needs both --from and --to, not one: " + from + ", " + to);
        }
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to + "; swap them");
        }
    }

    public boolean isSet() {
        return from != null;
    }

    /** Whether a file received at {@code receivedAt} belongs to the window (always true without a window). */
    public boolean contains(Instant receivedAt) {
        if (!isSet()) {
            return true;
        }
        LocalDate day = receivedAt.atZone(ZONE).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
