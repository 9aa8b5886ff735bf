package org.signspell.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app from a plain main class (the CLI), so the jar runs from the classpath without
 * JavaFX's module checks.
 */
public final class AppLauncher {

    /**
     * JavaFX warns at every start that it was loaded from the classpath, which is this launcher's design (see the
     * class comment), not a fault: a user starting the app from a terminal would take it for one. Only that
     * warning is dropped. Held here: the logging framework keeps loggers only weakly.
     */
    private static final Logger JAVAFX_STARTUP = Logger.getLogger("javafx");

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
        JAVAFX_STARTUP.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(SignSpellApp.class);
        return exitCode;
    }

    /**
     * Why no window can open here, in words for the user; empty where one can, or where only trying would tell.
     * JavaFX on Linux draws through X11 (XWayland under Wayland): without a {@code DISPLAY}, as in an ssh session
     * or a service, its start fails with a stack trace from deep inside the toolkit.
     */
    public static Optional<String> whyNoWindow() {
        return whyNoWindow(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
    }

    static Optional<String> whyNoWindow(Map<String, String> environment, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean headlessToolkit = "monocle".equalsIgnoreCase(glassPlatform);
        String display = environment.get("DISPLAY");
        if (!linux || headlessToolkit || (display != null && !display.isBlank())) {
            return Optional.empty();
        }
        return Optional.of("There is no display to open SignSpell's window on (DISPLAY is not set, as in an ssh session)."
                + " Start it from the desktop, or use the commands that need no window: signspell --help lists them.");
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
