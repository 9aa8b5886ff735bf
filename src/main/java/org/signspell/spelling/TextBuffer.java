package org.signspell.spelling;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The text being composed: letters from the commit policy and edits from the keyboard.
 *
 * <p>Thread-safe. Every change that alters the text is one undo step (a clear included), except that keys typed
 * one after another in a view make one step per word ({@link #replaceSeen}); undone steps can be redone until
 * the next change. Every change is reported to
 * the listeners on the thread that made it, while the buffer's lock is held, so listeners see changes in the
 * order they happened (an autosave can never write an older text over a newer one). Listeners must
 * therefore be quick and must not wait on another thread that uses this buffer.
 */
public final class TextBuffer {

    /** Told of every change, on the thread that made it. */
    @FunctionalInterface
    public interface Listener {
        void textChanged(String text);
    }

    /** Enough undo for any editing session while bounding memory in an app left running for days. */
    public static final int UNDO_LIMIT = 1000;
    /**
     * The undo history's characters, all steps together: a step is a copy of the whole text, so a long text
     * would otherwise hold a thousand copies of itself (20 MB for 20,000 characters). The latest step is kept
     * whatever its size.
     */
    public static final long UNDO_CHAR_LIMIT = 2_000_000;

    private static final System.Logger LOG = System.getLogger(TextBuffer.class.getName());

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Deque<String> undo = new ArrayDeque<>();
    private final Deque<String> redo = new ArrayDeque<>();
    private long undoChars;
    /** Whether the last change was a key typed in a view, which the next key typed may join (one step a word). */
    private boolean typing;
    /** Whether the last change was an input method's, which its next may join (one step a word, as keys). */
    private boolean composing;
    /** Where the input method's word lies in the text (its changes join it only there). */
    private int composedFrom;
    private int composedTo;
    /**
     * Where that key left the caret: a range, since a key typed among equal letters ("AAAA") could have been
     * typed at several places that give the same text.
     */
    private int caretLow;
    private int caretHigh;
    private String text;

    public TextBuffer() {
        this("");
    }

    /**
     * A buffer holding {@code initial} with nothing to undo (a restored text), its line ends made {@code \n} and
     * other control characters but tabs left out, as the window's text box keeps text. The saved file may come
     * from elsewhere (a synced folder, Windows line ends); kept as it was, the box would show another text than
     * the buffer's, and the first edit would write the difference back as a hidden undo step.
     */
    public TextBuffer(String initial) {
        this.text = plain(Objects.requireNonNull(initial, "initial"));
    }

    static String plain(String s) {
        String lines = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(lines.length());
        lines.codePoints().filter(c -> c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    public synchronized String text() {
        return text;
    }

    public synchronized void append(String s) {
        change(text + Objects.requireNonNull(s, "s"));
    }

    /** Inserts {@code s} before the UTF-16 index {@code position} (0 to {@code text().length()}). */
    public synchronized void insert(int position, String s) {
        Objects.requireNonNull(s, "s");
        if (position < 0 || position > text.length()) {
            throw new IndexOutOfBoundsException("position " + position + " outside text of length " + text.length());
        }
        change(text.substring(0, position) + s + text.substring(position));
    }

    /**
     * Deletes the last character (a whole code point, so an emoji typed from the keyboard is not split).
     *
     * @return false when the text was already empty
     */
    public synchronized boolean backspace() {
        if (text.isEmpty()) {
            return false;
        }
        change(text.substring(0, text.offsetByCodePoints(text.length(), -1)));
        return true;
    }

    /** Empties the text; undo brings it back. */
    public synchronized void clear() {
        change("");
    }

    /** Replaces the whole text, for edits made in the window's text field. */
    public synchronized void replaceAll(String s) {
        change(Objects.requireNonNull(s, "s"));
    }

    /**
     * An edit made in a view that showed {@code seen} and now holds {@code edited}. A view shows the text a moment
     * late, so a letter may have been written meanwhile: the part of {@code seen} the user changed is changed in
     * the text as it is now, and the letter is kept. Letters are written and taken back at the end only, so this
     * works unless the user's change reaches into what changed meanwhile; then the user's text wins.
     */
    public synchronized void replaceSeen(String seen, String edited) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(edited, "edited");
        composing = false;
        if (seen.equals(text)) {
            // One key typed (a character in, or one out) joins the keys typed just before it, so undo takes
            // back a word, not a letter; a typed space begins the next step. Anything else is a step of its own.
            Key key = Key.of(seen, edited);
            // Joined only where the last key left the caret: keys typed at the end and then in the middle, or
            // after the caret was moved, are two steps.
            boolean joins = key != null && typing && key.follows(caretLow, caretHigh) && !key.typesWhiteSpace();
            if (joins) {
                joinLastStep(edited);
            } else {
                change(edited);
            }
            typing = key != null;
            if (key != null) {
                int[] caret = key.caretAfter(caretLow, caretHigh, joins);
                caretLow = caret[0];
                caretHigh = caret[1];
            }
            return;
        }
        TextChange userChange = TextChange.between(seen, edited);
        int prefix = userChange.prefix();
        int suffix = userChange.suffix();
        int changedEnd = seen.length() - suffix;
        if (!text.startsWith(seen.substring(0, changedEnd))) {
            change(edited);
            return;
        }
        change(text.substring(0, prefix) + edited.substring(prefix, edited.length() - suffix) + text.substring(changedEnd));
    }

    /**
     * As {@link #replaceSeen}, for text an input method composes or commits (a word typed in Korean, Japanese or
     * Chinese passes through states such as "k", "ka", then "か"): its states and the word it commits make one
     * undo step with the input method's changes just before, as a word typed on keys does. An undo then takes
     * back the word, not a state of it the user never confirmed.
     */
    public synchronized void replaceSeenComposed(String seen, String edited) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(edited, "edited");
        if (!seen.equals(text)) {
            // A letter was written meanwhile: merged as any edit is, a step of its own.
            replaceSeen(seen, edited);
            typing = false;
            return;
        }
        TextChange at = TextChange.between(text, edited);
        int end = edited.length() - at.suffix();
        // The same word: where the input method's last change was (a Korean word goes on syllable by syllable),
        // not where the caret was taken since.
        // A pure insertion where the word begins is a word put before it (the caret taken back), not this one.
        boolean sameWord = composing && at.prefix() <= composedTo
                && (at.prefix() > composedFrom || text.length() - at.suffix() > composedFrom);
        if (sameWord) {
            if (!edited.equals(text)) {
                joinLastStep(edited);
            }
            composedTo = end;
        } else {
            change(edited);
            composedFrom = at.prefix();
            composedTo = end;
        }
        typing = false;
        // White space committed ends the word: the next one is a step of its own, as typed keys are.
        String put = edited.substring(at.prefix(), end);
        composing = put.isEmpty() || !Character.isWhitespace(put.codePointBefore(put.length()));
    }

    /**
     * Applies one edit of the commit policy. An auto-space is dropped at the start of the text and after
     * white space, so pauses never produce two spaces in a row.
     */
    public synchronized void apply(CommitEvent event) {
        switch (event.kind()) {
            case LETTER -> append(event.letter().label());
            case SPACE -> append(" ");
            case DELETE -> backspace();
            case AUTO_SPACE -> {
                if (!text.isEmpty() && !Character.isWhitespace(text.codePointBefore(text.length()))) {
                    append(" ");
                }
            }
        }
    }

    /**
     * Takes back the last change.
     *
     * @return false when there was nothing to undo
     */
    public synchronized boolean undo() {
        String previous = undo.pollFirst();
        if (previous == null) {
            return false;
        }
        undoChars -= previous.length();
        redo.addFirst(text);
        typing = false;
        composing = false;
        text = previous;
        notifyListeners();
        return true;
    }

    /**
     * Makes the last change undone again, while no other change came in between.
     *
     * @return false when there was nothing to redo
     */
    public synchronized boolean redo() {
        String next = redo.pollFirst();
        if (next == null) {
            return false;
        }
        pushUndo(text);
        typing = false;
        composing = false;
        text = next;
        notifyListeners();
        return true;
    }

    public synchronized boolean canUndo() {
        return !undo.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void change(String next) {
        typing = false;
        composing = false;
        if (next.equals(text)) {
            return;
        }
        pushUndo(text);
        redo.clear();
        text = next;
        notifyListeners();
    }

    /** The text becomes {@code edited} within the last undo step: one undo takes both back. */
    private void joinLastStep(String edited) {
        redo.clear();
        text = edited;
        notifyListeners();
    }

    private void pushUndo(String step) {
        undo.addFirst(step);
        undoChars += step.length();
        while (undo.size() > UNDO_LIMIT || (undoChars > UNDO_CHAR_LIMIT && undo.size() > 1)) {
            undoChars -= undo.removeLast().length();
        }
    }

    /**
     * One code point typed in or deleted: the places in the shorter text, {@code from} to {@code to}, where it could
     * have been (one place, or a run of equal letters), its length in chars, which way it went, and which it was.
     */
    private record Key(int from, int to, int length, boolean typedIn, int codePoint) {

        /** The key that makes {@code after} of {@code before}, or null for any other edit. */
        static Key of(String before, String after) {
            int difference = after.length() - before.length();
            if (difference == 0 || Math.abs(difference) > 2) {
                return null;
            }
            String longer = difference > 0 ? after : before;
            String shorter = difference > 0 ? before : after;
            int prefix = 0;
            while (prefix < shorter.length() && shorter.charAt(prefix) == longer.charAt(prefix)) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < shorter.length()
                    && shorter.charAt(shorter.length() - 1 - suffix) == longer.charAt(longer.length() - 1 - suffix)) {
                suffix++;
            }
            // The range's ends never split an emoji (emoji share their first half); inside a run of one emoji
            // the range holds places between halves too, which only widens what a next key may join.
            int to = prefix > 0 && Character.isHighSurrogate(shorter.charAt(prefix - 1)) ? prefix - 1 : prefix;
            int from = shorter.length() - suffix;
            if (from > 0 && from < shorter.length() && Character.isLowSurrogate(shorter.charAt(from))) {
                from++;
            }
            // One insertion (or deletion) at p leaves p common on both sides: from <= p <= to. No such p, another edit.
            if (from > to) {
                return null;
            }
            String inOrOut = longer.substring(to, to + Math.abs(difference));
            return inOrOut.codePointCount(0, inOrOut.length()) == 1
                    ? new Key(from, to, Math.abs(difference), difference > 0, inOrOut.codePointAt(0)) : null;
        }

        /** A space (or line break) typed in: it begins the next undo step. */
        boolean typesWhiteSpace() {
            return typedIn && Character.isWhitespace(codePoint);
        }

        /** Whether a caret somewhere in {@code low}–{@code high} could have made this key. */
        boolean follows(int low, int high) {
            // Typed in at the caret; deleted after it (Delete) or before it (Backspace).
            boolean atCaret = from <= high && low <= to;
            return atCaret || (!typedIn && from + length <= high && low <= to + length);
        }

        /** Where the caret is after this key: {low, high}. */
        int[] caretAfter(int low, int high, boolean followed) {
            if (!followed) {
                return typedIn ? new int[] {from + length, to + length} : new int[] {from, to};
            }
            if (typedIn) {
                return new int[] {Math.max(from, low) + length, Math.min(to, high) + length};
            }
            // Delete leaves the caret where it was, Backspace one key back: either way within from–to.
            int newLow = Integer.MAX_VALUE;
            int newHigh = Integer.MIN_VALUE;
            if (Math.max(from, low) <= Math.min(to, high)) {
                newLow = Math.max(from, low);
                newHigh = Math.min(to, high);
            }
            if (Math.max(from, low - length) <= Math.min(to, high - length)) {
                newLow = Math.min(newLow, Math.max(from, low - length));
                newHigh = Math.max(newHigh, Math.min(to, high - length));
            }
            return new int[] {newLow, newHigh};
        }
    }

    private void notifyListeners() {
        for (Listener listener : listeners) {
            try {
                listener.textChanged(text);
            } catch (RuntimeException e) {
                // One faulty listener (a view) must not keep the change from the others (the autosave).
                LOG.log(System.Logger.Level.ERROR, "text listener failed; the change itself stands", e);
            }
        }
    }
}
