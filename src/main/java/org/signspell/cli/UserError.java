package org.signspell.cli;

/** A failure the user can act on; the CLI prints its message alone and exits non-zero. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
