package org.signspell.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: with no subcommand it opens the app. */
@Command(name = "signspell",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Reads ASL fingerspelling from a camera or video and writes it as text, offline.",
        subcommands = {
                CommandLine.HelpCommand.class,
                LandmarksCommand.class,
                TrackerBenchCommand.class,
                ClassifyCommand.class,
                SpellCommand.class,
                BenchCommand.class,
                SelfTestCommand.class,
        })
public final class SignSpellCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("The desktop app is not built yet. Commands: signspell --help");
        return 2;
    }

    /** Runs the command line and returns the exit code; user errors print one line, no stack trace. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for {@link #run} and for tests that capture its output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SignSpellCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError) {
                commandLine.getErr().println("signspell: " + ex.getMessage());
                commandLine.getErr().flush();
                return 1;
            }
            throw ex;
        });
        return cli;
    }
}
