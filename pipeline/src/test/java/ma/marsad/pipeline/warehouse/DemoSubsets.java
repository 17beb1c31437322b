package ma.marsad.pipeline.warehouse;

import java.time.LocalDate;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;

/**
 * Parts of the demo landing zone (as of 2026-11-28) that tests over the whole warehouse can leave out. ADD's small
 * daily exports before the last two months take the same paths as those two months (a month of daily reports, a
 * month still running), and each month of them adds about 90 vintages to every full scoring.
 */
final class DemoSubsets {

    private static final LocalDate FIRST_DAILY_EXPORT = LocalDate.of(2025, 11, 1);
    private static final LocalDate DAILY_EXPORTS_KEPT_FROM = LocalDate.of(2026, 10, 1);

    private DemoSubsets() {}

    /** ADD's export of a day from its first daily export up to the last two months (its monthly samples come before). */
    static boolean isOlderAddDailyExport(LandingSubmission submission) {
        String name = submission.displayName();
        if (!submission.template().equals("egov-requests")
                || !submission.submitter().equals("ADD")
                || !name.matches("demandes-\\d{4}-\\d{2}-\\d{2}\\.csv")) {
            return false;
        }
        LocalDate day = LocalDate.parse(name.substring("demandes-".length(), name.length() - ".csv".length()));
        return !day.isBefore(FIRST_DAILY_EXPORT) && day.isBefore(DAILY_EXPORTS_KEPT_FROM);
    }
}
