package org.signspell.spelling;

/**
 * Where two versions of a text differ: the length of their common start and of their common end, and the two
 * lengths. The end is counted after the start, so the two never overlap and the changed part is
 * {@code old[prefix, oldLength - suffix)}, replaced by {@code now[prefix, newLength - suffix)}. Neither end splits
 * an emoji (emoji that share their first or last half would otherwise seem to share a character).
 */
public record TextChange(int prefix, int suffix, int oldLength, int newLength) {

    public static TextChange between(String old, String now) {
        int shorter = Math.min(old.length(), now.length());
        int prefix = 0;
        while (prefix < shorter && old.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && old.charAt(old.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
            suffix++;
        }
        if (prefix > 0 && Character.isHighSurrogate(old.charAt(prefix - 1))) {
            prefix--;
        }
        if (suffix > 0 && Character.isLowSurrogate(old.charAt(old.length() - suffix))) {
            suffix--;
        }
        return new TextChange(prefix, suffix, old.length(), now.length());
    }

    /**
     * The place in the new text of {@code position} in the old one, so a caret or a selection stays on its
     * characters (the text box is given the buffer's new text whole: a letter written, an undo, a clear). A
     * place before the changed part keeps its index, a place after it moves by the change in length, and a
     * place inside it goes to the end of the new part. Text put in exactly at the place goes after it, unless
     * {@code afterInserted}: the start of a selection passes over text put in before it, so the selection keeps
     * only its own characters.
     */
    public int map(int position, boolean afterInserted) {
        if (afterInserted && position == prefix && position == oldLength - suffix) {
            return position + newLength - oldLength;
        }
        if (position <= prefix) {
            return Math.min(position, newLength);
        }
        if (position >= oldLength - suffix) {
            return Math.max(0, Math.min(newLength, position + newLength - oldLength));
        }
        return newLength - suffix;
    }
}
