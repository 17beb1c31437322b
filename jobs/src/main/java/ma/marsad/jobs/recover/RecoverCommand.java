package ma.marsad.jobs.recover;

import java.util.concurrent.Callable;
import ma.marsad.jobs.JobContexts;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.nightly.NightlyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code marsad recover}: mark a run left STARTED by a crash as failed, so the next nightly restarts it. */
@Command(
        name = "recover",
        mixinStandardHelpOptions = true,
        description = {
            "Marks a run left STARTED by a crashed process as failed so the next 'marsad nightly' restarts it where it"
                    + " stopped. 'nightly' does this by itself; use this after a crash to inspect before rerunning."
        })
public class RecoverCommand implements Callable<Integer> {

    private static final String RECOVERED =
            "recovered: the interrupted run is marked failed; 'marsad nightly' will restart it";
    private static final String NOTHING_TO_RECOVER = "nothing to recover: no run was left running";

    @Mixin
    WorkOptions work;

    @Override
    public Integer call() throws Exception {
        return JobContexts.runLocked(work, "recover", "it is running, nothing to recover", context -> {
            boolean recovered = context.getBean(NightlyRunner.class).recoverCrashedRun();
            System.out.println(recovered ? RECOVERED : NOTHING_TO_RECOVER);
            return ExitCodes.SUCCESS;
        });
    }
}
