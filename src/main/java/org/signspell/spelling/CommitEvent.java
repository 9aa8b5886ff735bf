package org.signspell.spelling;

import java.util.Objects;
import org.signspell.letters.LetterClass;

/**
 * One edit the commit policy asks of the text.
 *
 * @param kind            what to do
 * @param letter          the class that was held: a letter for {@link Kind#LETTER}, {@link LetterClass#SPACE}
 *                        for {@link Kind#SPACE}, {@link LetterClass#DEL} for {@link Kind#DELETE}; null for
 *                        {@link Kind#AUTO_SPACE}, which no class caused
 * @param timestampMicros the time stamp of the frame that completed it
 */
public record CommitEvent(Kind kind, LetterClass letter, long timestampMicros) {

    public enum Kind {
        /** Append the letter. */
        LETTER,
        /** Append a space (the {@code space} sign). */
        SPACE,
        /** Delete the last character (the {@code del} sign). */
        DELETE,
        /** Append a space after a no-hand pause, unless the text is empty or already ends in white space. */
        AUTO_SPACE
    }

    public CommitEvent {
        Objects.requireNonNull(kind, "kind");
        LetterClass expected = switch (kind) {
            case LETTER -> letter;
            case SPACE -> LetterClass.SPACE;
            case DELETE -> LetterClass.DEL;
            case AUTO_SPACE -> null;
        };
        boolean fits = kind == Kind.LETTER ? letter != null && letter.isLetter() : letter == expected;
        if (!fits) {
            throw new IllegalArgumentException(kind + " cannot carry class " + letter);
        }
    }

    /** The event a held class produces, or null for {@link LetterClass#NOTHING}, which never commits. */
    static CommitEvent forClass(LetterClass held, long timestampMicros) {
        if (held.isLetter()) {
            return new CommitEvent(Kind.LETTER, held, timestampMicros);
        }
        return switch (held) {
            case SPACE -> new CommitEvent(Kind.SPACE, held, timestampMicros);
            case DEL -> new CommitEvent(Kind.DELETE, held, timestampMicros);
            default -> null;
        };
    }
}
