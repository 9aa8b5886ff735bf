package org.signspell.spelling;

/**
 * Where two versions of a text differ: the length of their common start and of their common end. The end
 * is counted after the start, so the two never overlap and the changed part is {@code old[prefix, old.length -
 * suffix)}, replaced by {@code now[prefix, now.length - suffix)}. Neither end splits an emoji (emoji that share
 * their first or last half would otherwise seem to share a character).
 */
public record TextChange(int prefix, int suffix) {

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
        return new TextChange(prefix, suffix);
    }
}
