package org.signspell.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the real command line in this JVM and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SignSpellCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs the command line as {@code main} does, writing to System.out and System.err (the commands that write
     * their own bytes, UTF-8, go there rather than to picocli's writer); keeps both, read as UTF-8.
     */
    public static CliRun onStdout(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = withStdout(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command line as {@code main} does with System.out and System.err swapped for these streams. */
    public static int withStdout(PrintStream out, PrintStream err, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(out);
            System.setErr(err);
            return SignSpellCommand.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The last non-empty line of standard output (where `spell` prints the text). */
    public String lastLine() {
        String[] lines = out.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
