package org.signspell;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard error without the one warning the pinned native stack is known to give: JavaCPP says, once, that
 * OpenBLAS ({@code 0.3.31-1.5.13}) is not of its own release, because the release's own OpenBLAS is not served
 * and OpenCV works with this one (pom.xml, native/README.md). Shown to every user of every command, it read as
 * a fault, and it broke "bad input is one line on standard error". Anything else JavaCPP says passes.
 */
final class KnownNativeWarnings extends PrintStream {

    KnownNativeWarnings(PrintStream err) {
        super(err, true, stderrCharset());
    }

    /** As Java 17 encodes standard error (PrintStream.charset() is newer than Java 17). */
    private static Charset stderrCharset() {
        String encoding = System.getProperty("sun.stderr.encoding");
        try {
            return encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    static boolean isKnown(String line) {
        return line != null && line.startsWith("Warning: Versions of org.bytedeco:javacpp:")
                && line.contains(" and org.bytedeco:openblas:") && line.endsWith(" do not match.");
    }

    @Override
    public void println(String line) {
        if (!isKnown(line)) {
            super.println(line);
        }
    }
}
