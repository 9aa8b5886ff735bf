package org.signspell.letters;

/** The letter model cannot be loaded or run; the message says what to do next. */
public class LetterModelException extends RuntimeException {
    public LetterModelException(String message) {
        super(message);
    }

    public LetterModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
