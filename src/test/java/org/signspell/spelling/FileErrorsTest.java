package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be written is said in words, not by its path again. */
class FileErrorsTest {

    @Test
    void eachKindOfFailureHasItsReason() {
        assertThat(FileErrors.reason(new AccessDeniedException("/x/text.txt"))).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new NoSuchFileException("/proc/x.jsonl"))).isEqualTo("no file can be made there");
        assertThat(FileErrors.reason(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(FileErrors.reason(new IOException("Read-only file system"))).isEqualTo("Read-only file system");
        assertThat(FileErrors.reason(new IOException())).isEqualTo("IOException");
    }

    @Test
    void aFailedReadOrWriteIsLoggedWithoutAStackTraceAndAFaultWithOne() {
        assertThat(FileErrors.traceIfFault(new AccessDeniedException("/x"))).isNull();
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThat(FileErrors.traceIfFault(bug)).isSameAs(bug);
    }

    @Test
    void aFolderWhereAFileShouldGoIsNamedAsSuch(@TempDir Path dir) {
        IOException e = org.assertj.core.api.Assertions.catchThrowableOfType(IOException.class,
                () -> Files.newBufferedWriter(dir));
        assertThat(FileErrors.reason(e)).isNotEqualTo(dir.toString()).doesNotContain(dir.toString());
    }
}
