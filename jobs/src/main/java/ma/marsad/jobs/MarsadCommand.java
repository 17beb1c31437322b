package ma.marsad.jobs;

import java.io.PrintWriter;
import ma.marsad.jobs.backfill.BackfillCommand;
import ma.marsad.jobs.bench.BenchCommand;
import ma.marsad.jobs.cli.ErrorLines;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.demo.DemoCommand;
import ma.marsad.jobs.nightly.NightlyCommand;
import ma.marsad.jobs.publish.DashboardsCommand;
import ma.marsad.jobs.publish.RollbackCommand;
import ma.marsad.jobs.publish.WithdrawCommand;
import ma.marsad.jobs.recover.RecoverCommand;
import ma.marsad.jobs.status.StatusCommand;
import ma.marsad.jobs.validate.TemplateCommand;
import ma.marsad.jobs.validate.ValidateCommand;
import ma.marsad.jobs.workers.WorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code marsad} command: lists the commands; each has {@code --help}. */
@Command(
        name = "marsad",
        mixinStandardHelpOptions = true,
        version = "Marsad 0.1.0",
        description = {
            "Nightly pipeline behind the Digital Morocco 2030 and Morocco AI 2030 KPI dashboards.",
            "",
            "Exit codes: 0 success, 3 success with quarantined rows or rejected files, 1 failure,"
                    + " 2 usage error (validate: 4 when a file is rejected).",
            ""
        },
        subcommands = {
            DemoCommand.class,
            NightlyCommand.class,
            BackfillCommand.class,
            ValidateCommand.class,
            TemplateCommand.class,
            StatusCommand.class,
            RecoverCommand.class,
            DashboardsCommand.class,
            RollbackCommand.class,
            WithdrawCommand.class,
            BenchCommand.class,
            WorkerCommand.class,
            CommandLine.HelpCommand.class
        })
public class MarsadCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Parses and runs a command line; returns the process exit code. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new MarsadCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("marsad: " + exception.getMessage());
            String command = exception.getCommandLine().getCommandName();
            err.println("Try 'marsad " + ("marsad".equals(command) ? "" : command + " ") + "--help'.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println(ErrorLines.format(
                    "marsad " + cmd.getCommandName() + ": " + describe(exception), wantsJson(parseResult)));
            err.flush();
            return isUsage(exception) ? ExitCodes.USAGE : ExitCodes.FAILURE;
        });
        return commandLine.execute(args);
    }

    /** A usage error may surface wrapped, when a check runs while the Spring context starts. */
    private static boolean isUsage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UsageException) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    private static boolean wantsJson(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if ("json".equalsIgnoreCase(result.matchedOptionValue("--log-format", "text"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable exception) {
        // Spring's context start wraps the real failure in bean-creation messages that only name classes
        Throwable start = exception;
        while (start.getCause() != null
                && start.getCause() != start
                && start.getClass().getName().startsWith("org.springframework.")) {
            start = start.getCause();
        }
        exception = start;
        StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
        Throwable cause = exception.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return message.toString();
    }
}
