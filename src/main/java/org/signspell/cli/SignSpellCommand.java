package org.signspell.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signspell.capture.FrameSources;
import org.signspell.ui.AppLauncher;
import org.signspell.ui.AppOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: with no subcommand it opens the app. */
@Command(name = "signspell",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        // Every subcommand takes --help and --version too, and prints the same version.
        scope = CommandLine.ScopeType.INHERIT,
        description = "Reads ASL fingerspelling from a camera or video and writes it as text, offline.",
        subcommands = {
                CommandLine.HelpCommand.class,
                LandmarksCommand.class,
                ClassifyCommand.class,
                SpellCommand.class,
                BenchCommand.class,
                SelfTestCommand.class,
        })
public final class SignSpellCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "PATH",
            description = "Start on this video file, folder of frames, or camera (camera:0, /dev/video0) instead of the camera.")
    String source;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Write a PNG of the window once the source has played (or failed), then quit.")
    Path screenshot;

    @Option(names = "--presenter", description = "Start in the full-screen presenter view.")
    boolean presenter;

    @Override
    public Integer call() {
        String spec = source;
        if (spec != null && !FrameSources.isCamera(spec)) {
            Path path = Path.of(spec);
            if (!Files.exists(path)) {
                throw new UserError("--source " + spec + " does not exist. Give a video file or a folder of frames.");
            }
            spec = path.toAbsolutePath().normalize().toString();
        }
        AppLauncher.whyNoWindow().ifPresent(reason -> {
            throw new UserError(reason);
        });
        return AppLauncher.launch(new AppOptions(spec, screenshot, presenter));
    }

    /** Runs the command line and returns the exit code; user errors print one line, no stack trace. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for {@link #run} and for tests that capture its output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SignSpellCommand());
        // A mistyped option or value: one line and where to read more, not the whole usage (exit status 2).
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            String hint = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()
                    ? " Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?" : "";
            failed.getErr().println("signspell: " + ex.getMessage() + (ex.getMessage().endsWith(".") ? "" : ".")
                    + hint + " See: " + failed.getCommandSpec().qualifiedName() + " --help");
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
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
