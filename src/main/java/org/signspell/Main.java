package org.signspell;

import org.signspell.cli.SignSpellCommand;

/**
 * Entry point for both the app and the command line.
 *
 * <p>Deliberately not a JavaFX {@code Application}: launched from the classpath, a main class that
 * extends Application fails with "JavaFX runtime components are missing".
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setErr(new KnownNativeWarnings(System.err));
        System.exit(SignSpellCommand.run(args));
    }
}
