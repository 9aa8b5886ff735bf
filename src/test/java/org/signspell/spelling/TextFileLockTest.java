package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One SignSpell at a time keeps the text (another process's hold: {@link TextAutosaveCrashTest}). */
class TextFileLockTest {

    @TempDir
    Path dir;

    @Test
    void theTextIsHeldUntilItsLockIsClosed() {
        Path file = dir.resolve("home").resolve(TextAutosave.FILE_NAME);
        TextFileLock first = TextFileLock.tryLock(file).orElseThrow();
        assertThat(first.held()).isTrue();
        assertThat(TextFileLock.tryLock(file)).as("held already").isEmpty();
        first.close();
        try (TextFileLock again = TextFileLock.tryLock(file).orElseThrow()) {
            assertThat(again.held()).isTrue();
        }
    }

    @Test
    void aKnockIsAnsweredOnce() {
        Path file = dir.resolve(TextAutosave.FILE_NAME);
        try (TextFileLock lock = TextFileLock.tryLock(file).orElseThrow()) {
            assertThat(lock.answerKnock()).isFalse();
            // Two starts at the same instant: the second knocks just after the first took the text; the knock
            // stands until the first answers it.
            TextFileLock.knock(file);
            assertThat(lock.answerKnock()).isTrue();
            assertThat(lock.answerKnock()).as("answered").isFalse();
        }
    }

    @Test
    void whereNoLockCanBeTakenTheAppGoesOnWithoutOne() throws Exception {
        // A folder that cannot be made (a file stands where it would go; a read-only place would do the same, but
        // not for root, who runs CI).
        Path notAFolder = Files.writeString(dir.resolve("home"), "a file");
        Optional<TextFileLock> lock = TextFileLock.tryLock(notAFolder.resolve(TextAutosave.FILE_NAME));
        assertThat(lock).isPresent();
        assertThat(lock.get().held()).isFalse();
        lock.get().close();
    }
}
