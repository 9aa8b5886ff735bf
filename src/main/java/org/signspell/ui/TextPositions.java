package org.signspell.ui;

import org.signspell.spelling.TextChange;

/**
 * Moves a place in a text (a caret, a selection's end) to the same place in the text as it changed: the text
 * box is given the buffer's new text whole (a letter written, an undo, a clear), and the user's caret and
 * selection must stay on the characters they were on.
 */
final class TextPositions {

    private TextPositions() {
    }

    /**
     * The place in {@code now} of place {@code position} in {@code old}. The part that changed is found as what
     * lies between the texts' common start and common end: a place before it keeps its index, a place after it
     * moves by the change in length, and a place inside it goes to the end of the new part. Text put in exactly
     * at the place goes after it, unless {@code afterInserted}: the start of a selection passes over text put in
     * before it, so the selection keeps only its own characters.
     */
    static int map(int position, String old, String now, boolean afterInserted) {
        TextChange change = TextChange.between(old, now);
        int prefix = change.prefix();
        int suffix = change.suffix();
        if (afterInserted && position == prefix && position == old.length() - suffix) {
            return position + now.length() - old.length();
        }
        if (position <= prefix) {
            return Math.min(position, now.length());
        }
        if (position >= old.length() - suffix) {
            return Math.max(0, Math.min(now.length(), position + now.length() - old.length()));
        }
        return now.length() - suffix;
    }
}
