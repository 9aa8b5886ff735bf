package org.signspell.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
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
}
