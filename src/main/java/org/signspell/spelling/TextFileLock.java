package org.signspell.spelling;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One SignSpell at a time keeps the text. Two windows on one text file would each save their whole text over the
 * other's, and what one of them wrote would be gone at the other's next change; each start also removes the
 * temporary files a save leaves, which may be the other window's save in progress.
 *
 * <p>The lock is the operating system's, on a file beside the text file, so it goes when the process goes,
 * however it ends: a crash leaves nothing to clean up. A second start {@linkplain #knock knocks} (another file
 * beside it) and the window holding the lock {@linkplain #answerKnock comes forward}: the user lands on the
 * window that has the text.
 *
 * <p>Where no lock can be taken at all (a read-only folder, a network share without locks) the app goes on
 * without one, as it did before there was a lock: its saves then say themselves whether they work.
 */
public final class TextFileLock implements AutoCloseable {

    static final String LOCK_SUFFIX = ".lock";
    static final String KNOCK_SUFFIX = ".knock";

    private static final System.Logger LOG = System.getLogger(TextFileLock.class.getName());
    /**
     * The lock files this process holds. Asked twice, the second must not open the file at all: on Linux, closing
     * any channel to it lets go of the process's lock, which another SignSpell could then take.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path knock;
    private final Path lockFile;

    private TextFileLock(FileChannel channel, FileLock lock, Path knock, Path lockFile) {
        this.channel = channel;
        this.lock = lock;
        this.knock = knock;
        this.lockFile = lockFile;
    }

    /**
     * Takes the lock for {@code textFile}.
     *
     * @return empty when another running SignSpell holds it (or this process does already); otherwise the lock,
     *         which {@link #held} may say could not be taken at all
     */
    public static Optional<TextFileLock> tryLock(Path textFile) {
        Path knock = beside(textFile, KNOCK_SUFFIX);
        Path lockFile = beside(textFile, LOCK_SUFFIX);
        try {
            Files.createDirectories(lockFile.getParent());
            // One name per file, however it was spelled (a "..", a link), for the set of locks held here.
            lockFile = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        } catch (IOException | RuntimeException e) {
            return unlocked(lockFile, knock, e);
        }
        if (!HELD_HERE.add(lockFile)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD_HERE.remove(lockFile);
                return Optional.empty();
            }
            return Optional.of(new TextFileLock(channel, lock, knock, lockFile));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD_HERE.remove(lockFile);
            return unlocked(lockFile, knock, e);
        }
    }

    private static Optional<TextFileLock> unlocked(Path lockFile, Path knock, Exception e) {
        LOG.log(System.Logger.Level.WARNING, "cannot lock " + lockFile + " (" + FileErrors.reason(e) + "); going on"
                + " without the lock, so a second SignSpell on the same text would not be noticed",
                FileErrors.traceIfFault(e));
        return Optional.of(new TextFileLock(null, null, knock, lockFile));
    }

    /** Asks the SignSpell that holds the lock for {@code textFile} to bring its window forward. */
    public static void knock(Path textFile) {
        Path knock = beside(textFile, KNOCK_SUFFIX);
        try {
            Files.writeString(knock, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot ask the SignSpell already open to come forward (" + knock
                    + ": " + FileErrors.reason(e) + ")", FileErrors.traceIfFault(e));
        }
    }

    /** True once for each knock since the last call: a second start asked for this window. */
    public boolean answerKnock() {
        try {
            return Files.deleteIfExists(knock);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the lock is held, as it is unless it could not be taken at all. */
    public boolean held() {
        return lock != null && lock.isValid();
    }

    @Override
    public void close() {
        closeQuietly(channel);
        HELD_HERE.remove(lockFile);
    }

    private static Path beside(Path textFile, String suffix) {
        Path file = textFile.toAbsolutePath();
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            // Closing the channel releases its lock.
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the text lock failed", e);
        }
    }
}
