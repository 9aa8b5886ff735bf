package org.signspell.spelling;

import org.signspell.letters.LetterClass;

/**
 * Something the commit policy put into the text.
 *
 * @param letter the committed letter for {@link Kind#LETTER}, else the class that caused it (may be null)
 */
public record CommitEvent(Kind kind, LetterClass letter, long timestampMicros) {

    public enum Kind { LETTER, SPACE, DELETE, AUTO_SPACE }
}
