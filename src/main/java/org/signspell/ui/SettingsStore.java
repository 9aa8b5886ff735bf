package org.signspell.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.function.Function;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.SigningHand;
import org.signspell.letters.ExecutionProvider;
import org.signspell.spelling.AppDirs;
import org.signspell.spelling.FileErrors;

/**
 * Keeps {@link UiSettings} in {@code ui.properties} under the app's config folder. A missing, unreadable or
 * hand-mangled file gives the defaults (value by value), never a failed start.
 */
public final class SettingsStore {

    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore inConfigDir() {
        return new SettingsStore(AppDirs.configDir().resolve("ui.properties"));
    }

    public Path file() {
        return file;
    }

    public UiSettings load() {
        UiSettings d = UiSettings.defaults();
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "settings in " + file + " unreadable (" + FileErrors.reason(e)
                        + "); using defaults", FileErrors.traceIfFault(e));
                return d;
            }
        }
        return new UiSettings(
                blankToNull(p.getProperty("camera")),
                validPathOrNull(p.getProperty("recentFile")),
                parse(p, "mode", RecognitionMode::valueOf, d.mode()),
                parse(p, "hand", SigningHand::valueOf, d.hand()),
                parse(p, "provider", ExecutionProvider::valueOf, d.provider()),
                parse(p, "theme", Theme::valueOf, d.theme()),
                parse(p, "mirror", Boolean::parseBoolean, d.mirror()),
                parse(p, "mirrorFiles", Boolean::parseBoolean, d.mirrorFiles()),
                clamp(parse(p, "commitConfidence", Double::parseDouble, d.commitConfidence()), 0.3, 0.99),
                clamp(parse(p, "holdSeconds", Double::parseDouble, d.holdSeconds()), 0.2, 1.0));
    }

    /** Writes to a temporary file and moves it over the old one, so a crash never leaves half a file. */
    public synchronized void save(UiSettings s) {
        Properties p = new Properties();
        if (s.camera() != null) {
            p.setProperty("camera", s.camera());
        }
        if (s.recentFile() != null) {
            p.setProperty("recentFile", s.recentFile());
        }
        p.setProperty("mode", s.mode().name());
        p.setProperty("hand", s.hand().name());
        p.setProperty("provider", s.provider().name());
        p.setProperty("theme", s.theme().name());
        p.setProperty("mirror", Boolean.toString(s.mirror()));
        p.setProperty("mirrorFiles", Boolean.toString(s.mirrorFiles()));
        p.setProperty("commitConfidence", Double.toString(s.commitConfidence()));
        p.setProperty("holdSeconds", Double.toString(s.holdSeconds()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "SignSpell window settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Losing a preference is a nuisance, not a reason to interrupt someone signing.
            LOG.log(System.Logger.Level.WARNING, "could not save settings to " + file + " (" + FileErrors.reason(e) + ")",
                    FileErrors.traceIfFault(e));
        }
    }

    private static <T> T parse(Properties p, String key, Function<String, T> parser, T fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(v.trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /**
     * A path the window can show and reopen, or null: the menu and the file chooser take it apart as a path at
     * start, so a name this system cannot hold (a NUL edited in; on Windows a colon or a star) would stop the app
     * from starting at all, every time, since the file is never rewritten before the window is up.
     */
    private static String validPathOrNull(String v) {
        String path = blankToNull(v);
        if (path == null) {
            return null;
        }
        try {
            Path.of(path);
            return path;
        } catch (InvalidPathException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the recent file in settings, not a valid path: " + path);
            return null;
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
