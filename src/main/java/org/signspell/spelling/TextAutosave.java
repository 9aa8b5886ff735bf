package org.signspell.spelling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

/**
 * Keeps the composed text on disk so that no text is lost to a crash or a power cut: every change is written
 * to a temporary file beside the text file, forced to the disk and renamed over it atomically, so the file
 * always holds either the previous text or the new one, never a torn mix.
 *
 * <p>Writes happen synchronously, on the thread that changed the buffer. The text is small (a few hundred
 * bytes) and changes at human speed (a letter every 0.4 s at most while signing, a few keys a second when
 * typing); a write with fsync took a median 0.2 ms on an ext4 virtual disk (p99 1 to 37 ms, worst 88 ms while
 * other builds loaded the disk). A background writer that coalesces changes would lose every change still
 * queued when the process dies; written this way, a kill right after a change loses at most the change being
 * written at that instant. A caller that cannot afford an occasional slow disk on its thread (the UI thread)
 * can make its edits from another thread.
 *
 * <p>Never throws into the caller: a failed save is logged, the text stays in memory, the next change tries
 * again, and the {@link Listener} hears of the failure (and of the recovery) so the window can show it.
 */
public final class TextAutosave implements TextBuffer.Listener {

    /** What the window shows about the saved text. Called on the thread that saved or restored. */
    public interface Listener {
        /** A save failed; the text is still in memory and the next change will try again. */
        default void saveFailed(Path file, Exception cause) {
        }

        /** A save succeeded after one or more failures. */
        default void saveRecovered(Path file) {
        }

        /**
         * The saved text could not be read; the app starts with empty text.
         *
         * @param setAside where the unreadable file was moved so nothing in it is destroyed, or null when it
         *                 could not be moved either
         */
        default void restoreFailed(Path file, Path setAside, Exception cause) {
        }
    }

    public static final String FILE_NAME = "text.txt";

    /** Far beyond any spelled text; a bigger file is not ours, and reading it could exhaust memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(TextAutosave.class.getName());
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path file;
    private final Listener listener;
    private boolean failing;

    public TextAutosave(Path file, Listener listener) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.listener = Objects.requireNonNull(listener, "listener");
        if (this.file.getParent() == null) {
            throw new IllegalArgumentException("the text file needs a parent folder: " + file);
        }
    }

    /** {@code text.txt} in {@link AppDirs#dataDir()}. */
    public static Path defaultFile() {
        return AppDirs.dataDir().resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The restored text in a new buffer, with this autosave already listening to it. */
    public TextBuffer openBuffer() {
        TextBuffer buffer = new TextBuffer(restore());
        buffer.addListener(this);
        return buffer;
    }

    /**
     * Reads the saved text. Never throws: a missing file gives empty text; an unreadable or corrupt one gives
     * empty text too, after being renamed to {@code text.txt.bad} (or {@code text.txt.N.bad}) and reported.
     * Temporary files left by a process killed in the middle of a save are removed.
     */
    public synchronized String restore() {
        removeStaleTempFiles();
        // A link to a file not made yet (a synced folder's file, say) is no text yet, as a missing file is; saving
        // then makes the file it names (see linkTarget).
        if (!Files.exists(file)) {
            return "";
        }
        try {
            return read();
        } catch (IOException | RuntimeException e) {
            Path aside = setAside();
            LOG.log(System.Logger.Level.WARNING, "the saved text in " + file + " cannot be read ("
                    + FileErrors.reason(e) + "); starting empty" + (aside != null ? ", the file is kept as " + aside : ""),
                    FileErrors.traceIfFault(e));
            try {
                listener.restoreFailed(file, aside, e);
            } catch (RuntimeException listenerFault) {
                LOG.log(System.Logger.Level.ERROR, "autosave listener failed", listenerFault);
            }
            return "";
        }
    }

    /**
     * Writes {@code text} atomically. Never throws.
     *
     * @return whether the text is now on disk
     */
    public synchronized boolean save(String text) {
        // A text file linked elsewhere (into a synced folder, say) is saved where the link points; renaming a
        // new file over the link would cut it, and the linked file would keep the old text for good.
        Path target = linkTarget();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, target.getFileName() + ".", TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory(dir);
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                // The first of a run of failures: each retry, every few seconds, would say the same again.
                LOG.log(System.Logger.Level.WARNING, "cannot save the text to " + file + " (" + FileErrors.reason(e)
                        + "); it is kept in memory", FileErrors.traceIfFault(e));
            }
            failing = true;
            try {
                listener.saveFailed(file, e);
            } catch (RuntimeException listenerFault) {
                LOG.log(System.Logger.Level.ERROR, "autosave listener failed", listenerFault);
            }
            return false;
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        if (failing) {
            failing = false;
            try {
                listener.saveRecovered(file);
            } catch (RuntimeException listenerFault) {
                LOG.log(System.Logger.Level.ERROR, "autosave listener failed", listenerFault);
            }
        }
        return true;
    }

    /** Whether the last save failed. */
    public synchronized boolean isFailing() {
        return failing;
    }

    /**
     * Saves {@code buffer}'s text again if the last save failed; does nothing otherwise. For a timer while saving
     * fails (a network folder back, a virus scanner's lock gone) and for the moment the app closes: a failed
     * save is otherwise tried again only at the next change, and a text nobody changes again would stay in
     * memory only. Taken under the buffer's lock, as every change's save is, so an older text never lands
     * after a newer one.
     *
     * @return whether the text is on disk now
     */
    public boolean retry(TextBuffer buffer) {
        synchronized (buffer) {
            return !isFailing() || save(buffer.text());
        }
    }

    @Override
    public void textChanged(String text) {
        save(text);
    }

    /** Where the text goes: the file, or what it links to (resolved on every save: the link may change). */
    private Path linkTarget() {
        try {
            return Files.isSymbolicLink(file) ? file.toRealPath() : file;
        } catch (IOException | RuntimeException e) {
            // A link to nothing: saving there would make the file it names; without one, replace the link.
            try {
                Path pointsTo = Files.readSymbolicLink(file);
                return file.resolveSibling(pointsTo).normalize();
            } catch (IOException | RuntimeException again) {
                return file;
            }
        }
    }

    private String read() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + " is " + size + " bytes, more than a saved text can be");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
        // Zero-filled blocks are what some file systems leave after a power cut; such a file is damaged.
        if (text.indexOf('\0') >= 0) {
            throw new IOException(file + " contains NUL characters");
        }
        // A text editor may have added a byte-order mark; it is not part of the text.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private Path setAside() {
        String name = file.getFileName().toString();
        for (int n = 0; n < 1000; n++) {
            Path aside = file.resolveSibling(n == 0 ? name + ".bad" : name + "." + n + ".bad");
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                return Files.move(file, aside);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot move the unreadable " + file + " aside ("
                        + FileErrors.reason(e) + ")", FileErrors.traceIfFault(e));
                return null;
            }
        }
        return null;
    }

    private void removeStaleTempFiles() {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        String glob = file.getFileName() + ".*" + TEMP_SUFFIX;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, glob)) {
            for (Path temp : temps) {
                deleteQuietly(temp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot list " + dir + " for stale temporary files", e);
        }
    }

    /** Makes the rename itself durable across a power cut; not possible (nor needed) on Windows. */
    private static void forceDirectory(Path dir) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot sync folder " + dir, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot delete " + path, e);
        }
    }
}
