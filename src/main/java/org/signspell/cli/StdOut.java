package org.signspell.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Standard output for the commands whose output programs read. */
final class StdOut {
    private StdOut() {
    }

    /**
     * A writer on System.out in UTF-8: JSON lines are read by programs, which expect UTF-8, not the console's code
     * page (on which a file name outside it would come out as '?'). Closing it flushes and leaves System.out open
     * for whoever runs us.
     */
    static Writer utf8() {
        return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Fails with a one-line message if anything written to {@code out} or to System.out was lost (a full disk, a
     * closed pipe). PrintWriter and PrintStream never throw on a failed write, so without this a command whose
     * output went nowhere would still exit 0.
     *
     * @param what what was written, for the message ("the output", "the text")
     */
    static void requireWritten(PrintWriter out, String what) {
        // Both are asked (no short cut): out's check flushes it into System.out, whose check then flushes that.
        if (out.checkError() | System.out.checkError()) {
            throw lost(what);
        }
    }

    /** As {@link #requireWritten(PrintWriter, String)}, for output written to System.out by other means. */
    static void requireWritten(String what) {
        if (System.out.checkError()) {
            throw lost(what);
        }
    }

    private static UserError lost(String what) {
        return new UserError("Cannot write " + what + " to standard output (the disk is full, or the reader closed "
                + "the pipe).");
    }
}
