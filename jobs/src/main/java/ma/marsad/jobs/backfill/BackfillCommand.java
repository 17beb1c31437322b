package ma.marsad.jobs.backfill;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.nightly.LandingOptions;
import ma.marsad.jobs.nightly.NightlyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marsad backfill}: catch up on the files received during a range of days, then rebuild as of its end. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description = {
            "Catches up on a range of days, e.g. after the scheduler was down or with a landing zone restored from"
                    + " an archive. It is the nightly job with two differences:",
            "  1. of the complete files in the landing zone, only those received (modification time, or their .done"
                    + " marker's) from --from to --to, Casablanca days inclusive, are taken;",
            "  2. the warehouse is rebuilt, scored and published as of --to.",
            "Idempotent: a file whose SHA-256 the registry already knows is not ingested again, so running the same"
                    + " backfill twice, or over days a nightly run already covered, changes nothing in the lake; the"
                    + " warehouse is rebuilt from the whole lake, every period included. A revision received in the"
                    + " range replaces its period as in a nightly run.",
            "Takes the same work-folder lock as nightly; after a crash, run the same backfill again to resume it."
                    + " Use --to today (the default) to leave the dashboards current: a past --to publishes the"
                    + " warehouse as of that date until the next nightly run.",
            "Exit: 0 ok, 3 ok with quarantined rows or rejected files, 1 failure, 2 usage."
        })
public class BackfillCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DATE",
            description = "First day of files received to take (yyyy-MM-dd)")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "Last day of files received to take, and the as-of date of the warehouse. Default: today")
    LocalDate to;

    @Mixin
    LandingOptions landing;

    @Override
    public Integer call() throws Exception {
        LocalDate last = to == null ? LocalDate.now() : to;
        if (from.isAfter(last)) {
            throw new UsageException("--from " + from + " is after --to " + last + "; give the earlier day first");
        }
        if (last.isAfter(LocalDate.now().plusDays(1))) {
            throw new UsageException("--to " + last + " is in the future; a backfill covers days already past");
        }
        Map<String, Object> properties = work.properties();
        landing.put(properties);
        properties.put("marsad.as-of", last.toString());
        properties.put("marsad.backfill.from", from.toString());
        properties.put("marsad.backfill.to", last.toString());
        return NightlyCommand.runLocked(work.work(), properties);
    }
}
