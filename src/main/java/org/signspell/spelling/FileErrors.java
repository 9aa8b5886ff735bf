package org.signspell.spelling;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file could not be written, in words. Java's own message for the common failures is just the file's
 * path ("Cannot write the output to /x: /x"), which tells a user nothing.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /** The reason behind {@code e}: the system's own where it gives one, else what the kind of failure means. */
    public static String reason(Throwable e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null && !fs.getReason().isBlank()) {
            return fs.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            // Where the folder is missing, the callers say so first; this is a folder that takes no new files.
            return "no file can be made there";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * What to log with a message about {@code e}: a failed read or write is a condition the user meets (a full
     * disk, a file that is not text), which the window says and the message's {@link #reason} explains, so no
     * stack trace (null); anything else is a fault in the program and keeps its trace.
     */
    public static Throwable traceIfFault(Throwable e) {
        return e instanceof java.io.IOException ? null : e;
    }
}
