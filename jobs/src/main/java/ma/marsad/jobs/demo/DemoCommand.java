package ma.marsad.jobs.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.common.WorkFolderLock;
import ma.marsad.jobs.nightly.NightlyCommand;
import ma.marsad.pipeline.demo.DemoLandingZone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marsad demo}: generate a realistic landing zone, then run the nightly job on it. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a realistic demo landing zone (all eight templates, 2024 to the as-of date, ADD's export of"
                    + " every day of the last twelve months at a small volume, a day of 200,000+ e-service requests,"
                    + " and a few deliberately bad files), then runs the nightly job on it.",
            "--volume national replaces the big day and the small exports of the last --days days by ADD's full"
                    + " export at national volume (about 200,000 requests a day, fewer on weekends and in August).",
            "An existing demo landing zone in the work folder is reused; --fresh empties the work folder first."
        })
public class DemoCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated data. Default: 2030")
    long seed = 2030;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Date the demo reports as of. Default: today")
    LocalDate asOf;

    @Option(names = "--fresh", description = "Empty the work folder first")
    boolean fresh;

    @Option(
            names = "--volume",
            paramLabel = "VOLUME",
            description = "sample (default): small daily exports and one big day; national: a full export a day")
    Volume volume = Volume.SAMPLE;

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "With --volume national: the days before the as-of date exported in full. Default: 30")
    Integer days;

    /** How many e-service requests the demo holds. */
    public enum Volume {
        SAMPLE,
        NATIONAL
    }

    @Override
    public Integer call() throws Exception {
        Path workFolder = work.work();
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        int nationalDays = nationalDays();
        if (fresh && !FreshWorkFolder.empty(workFolder)) {
            System.err.println(WorkFolderLock.busyMessage(workFolder, "demo", "--fresh deletes nothing while it runs"));
            return ExitCodes.FAILURE;
        }
        Path landing = workFolder.resolve("landing");
        if (Files.isDirectory(landing)) {
            System.err.println("marsad demo: reusing the demo landing zone in " + landing);
        } else {
            long start = System.nanoTime();
            var summary = DemoLandingZone.generate(landing, seed, date, nationalDays);
            System.err.printf(
                    "marsad demo: generated %d files (%d deliberately bad) in %s in %d ms (seed %d, as of %s)%n",
                    summary.files().size(),
                    summary.plantedProblems().size(),
                    landing,
                    (System.nanoTime() - start) / 1_000_000,
                    seed,
                    date);
        }
        Map<String, Object> properties = work.properties();
        properties.put("marsad.landing", landing.toString());
        properties.put("marsad.as-of", date.toString());
        properties.put("marsad.stability-check", "0s");
        return NightlyCommand.runLocked(workFolder, properties);
    }

    private int nationalDays() {
        if (volume == Volume.SAMPLE) {
            if (days != null) {
                throw new UsageException("--days goes with --volume national");
            }
            return 0;
        }
        int count = days == null ? 30 : days;
        if (count < 1) {
            throw new UsageException("--days must be at least 1, not " + count);
        }
        return count;
    }
}
