package org.signspell.spelling;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where SignSpell keeps its files, per operating system: the XDG folders on Linux,
 * {@code ~/Library/Application Support/SignSpell} on macOS, {@code %APPDATA%\SignSpell} on Windows.
 * The system property {@value #HOME_PROPERTY} puts both in one folder instead (tests, portable installs).
 */
public final class AppDirs {

    public static final String HOME_PROPERTY = "signspell.home";

    private AppDirs() {
    }

    /** Folder for what the user made (the text). */
    public static Path dataDir() {
        return resolve(Kind.DATA, System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home"), System.getProperty(HOME_PROPERTY));
    }

    /** Folder for settings. */
    public static Path configDir() {
        return resolve(Kind.CONFIG, System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home"), System.getProperty(HOME_PROPERTY));
    }

    enum Kind { DATA, CONFIG }

    /** The rules, apart from the process's environment so every system's answer can be tested anywhere. */
    static Path resolve(Kind kind, String osName, Map<String, String> env, String userHome, String homeOverride) {
        if (homeOverride != null && !homeOverride.isBlank()) {
            return Path.of(homeOverride).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("SignSpell");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("SignSpell");
        }
        String variable = kind == Kind.DATA ? "XDG_DATA_HOME" : "XDG_CONFIG_HOME";
        String xdg = env.get(variable);
        // The XDG spec says a relative path in these variables is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("signspell");
        }
        return kind == Kind.DATA
                ? home.resolve(".local").resolve("share").resolve("signspell")
                : home.resolve(".config").resolve("signspell");
    }
}
