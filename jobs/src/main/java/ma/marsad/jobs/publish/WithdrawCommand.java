package ma.marsad.jobs.publish;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import ma.marsad.jobs.JobContexts;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marsad withdraw}: a mis-filed submission leaves the current data at the next run; its history is kept. */
@Command(
        name = "withdraw",
        mixinStandardHelpOptions = true,
        description = "Withdraws a submission: at the next run its rows leave the current tables (the previous revision"
                + " of its partition, if any, becomes current again); it stays in history.")
public class WithdrawCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Parameters(
            index = "0",
            paramLabel = "SUBMISSION_ID",
            description = "SHA-256 of the submission (see the submission table)")
    String submissionId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the record")
    String reason;

    @Override
    public Integer call() throws Exception {
        var properties = work.properties();
        properties.put("logging.level.root", "WARN");
        return JobContexts.run(properties, context -> {
            SubmissionRegistry registry = context.getBean(SubmissionRegistry.class);
            if (!registry.contains(submissionId)) {
                throw new UsageException("no submission " + submissionId + " in the registry");
            }
            registry.withdraw(
                    submissionId, reason, LocalDate.now().atStartOfDay().toInstant(ZoneOffset.UTC));
            System.out.println(
                    "withdrawn " + submissionId + "; it leaves the current data at the next 'marsad nightly'");
            return ExitCodes.SUCCESS;
        });
    }
}
