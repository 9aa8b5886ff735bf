package org.signspell.ui;

import java.util.Objects;
import javafx.application.Application;

/**
 * Starts the desktop app from a plain main class (the CLI), so the jar runs from the classpath without
 * JavaFX's module checks.
 */
public final class AppLauncher {

    private static volatile AppOptions options = AppOptions.interactive();
    private static volatile int exitCode;

    private AppLauncher() {
    }

    /**
     * Opens the window and returns when it is closed.
     *
     * @return 0, or 1 when a screenshot was asked for and could not be written
     */
    public static int launch(AppOptions appOptions) {
        options = Objects.requireNonNull(appOptions, "appOptions");
        exitCode = 0;
        Application.launch(SignSpellApp.class);
        return exitCode;
    }

    /** For tests that start {@link SignSpellApp} through TestFX rather than {@link #launch}. */
    static void useOptions(AppOptions appOptions) {
        options = Objects.requireNonNull(appOptions, "appOptions");
    }

    static AppOptions options() {
        return options;
    }

    static void setExitCode(int code) {
        exitCode = code;
    }
}
