package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.signspell.letters.LetterClass;

class TextBufferTest {

    @Test
    void editsTheText() {
        TextBuffer buffer = new TextBuffer();
        buffer.append("HELO");
        buffer.insert(3, "L");
        assertThat(buffer.text()).isEqualTo("HELLO");
        buffer.insert(0, ">");
        buffer.insert(6, "!");
        assertThat(buffer.text()).isEqualTo(">HELLO!");
        assertThat(buffer.backspace()).isTrue();
        assertThat(buffer.text()).isEqualTo(">HELLO");
        buffer.replaceAll("typed by hand");
        assertThat(buffer.text()).isEqualTo("typed by hand");
        buffer.clear();
        assertThat(buffer.text()).isEmpty();
        assertThat(buffer.backspace()).isFalse();
    }

    @Test
    void anEditMadeOnTextShownALittleLateKeepsTheLetterWrittenMeanwhile() {
        TextBuffer buffer = new TextBuffer("HE");
        buffer.append("L");                       // the engine writes L; the window still shows "HE"
        buffer.replaceSeen("HE", "HE!");          // the user types ! after the E they see
        assertThat(buffer.text()).isEqualTo("HE!L");
        buffer.append("P");
        buffer.replaceSeen("HE!L", "E!L");         // deletes the H at the start
        assertThat(buffer.text()).isEqualTo("E!LP");
        buffer.replaceSeen("E!LP", "E!LP?");       // shown in time: the edit is taken as it is
        assertThat(buffer.text()).isEqualTo("E!LP?");
        // A letter taken back (del) where the user was editing: the user's text wins.
        buffer.backspace();
        buffer.replaceSeen("E!LP?", "E!LP!");
        assertThat(buffer.text()).isEqualTo("E!LP!");
        buffer.undo();
        assertThat(buffer.text()).as("one undo step").isEqualTo("E!LP");
    }

    @Test
    void insertOutsideTheTextIsRefused() {
        TextBuffer buffer = new TextBuffer("AB");
        assertThatThrownBy(() -> buffer.insert(3, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.insert(-1, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(buffer.text()).isEqualTo("AB");
        assertThat(buffer.canUndo()).isFalse();
    }

    @Test
    void backspaceRemovesAWholeCodePoint() {
        TextBuffer buffer = new TextBuffer("hi 👋");
        buffer.backspace();
        assertThat(buffer.text()).isEqualTo("hi ");
    }

    @Test
    void undoGoesBackStepByStepIncludingAClear() {
        TextBuffer buffer = new TextBuffer("restored");
        assertThat(buffer.canUndo()).as("a restored text is not an edit").isFalse();
        buffer.append(" A");
        buffer.backspace();
        buffer.insert(0, "X");
        buffer.replaceAll("other");
        buffer.clear();

        List<String> seen = new ArrayList<>();
        while (buffer.undo()) {
            seen.add(buffer.text());
        }
        assertThat(seen).containsExactly("other", "Xrestored ", "restored ", "restored A", "restored");
        assertThat(buffer.canUndo()).isFalse();
        assertThat(buffer.undo()).isFalse();
    }

    @Test
    void changesThatChangeNothingAreNotUndoSteps() {
        TextBuffer buffer = new TextBuffer();
        buffer.append("");
        buffer.clear();
        buffer.backspace();
        buffer.replaceAll("");
        assertThat(buffer.canUndo()).isFalse();
        buffer.append("A");
        buffer.replaceAll("A");
        assertThat(buffer.undo()).isTrue();
        assertThat(buffer.text()).isEmpty();
        assertThat(buffer.canUndo()).isFalse();
    }

    @Test
    void undoIsBoundedToTheMostRecentSteps() {
        TextBuffer buffer = new TextBuffer();
        for (int i = 0; i < TextBuffer.UNDO_LIMIT + 5; i++) {
            buffer.append("x");
        }
        int undone = 0;
        while (buffer.undo()) {
            undone++;
        }
        assertThat(undone).isEqualTo(TextBuffer.UNDO_LIMIT);
        assertThat(buffer.text()).isEqualTo("xxxxx");
    }

    /** Keys typed in the text field one by one, as the view reports them. */
    private static void type(TextBuffer buffer, String keys) {
        for (int i = 0; i < keys.length(); i++) {
            buffer.replaceSeen(buffer.text(), buffer.text() + keys.charAt(i));
        }
    }

    @Test
    void keysTypedOneAfterAnotherAreUndoneAWordAtATime() {
        TextBuffer buffer = new TextBuffer("HELP");
        type(buffer, " me now");
        buffer.replaceSeen(buffer.text(), buffer.text().substring(0, buffer.text().length() - 1)); // a typo taken back
        type(buffer, "w!");
        assertThat(buffer.text()).isEqualTo("HELP me now!");
        assertThat(buffer.undo()).isTrue();
        assertThat(buffer.text()).isEqualTo("HELP me");
        assertThat(buffer.undo()).isTrue();
        assertThat(buffer.text()).isEqualTo("HELP");
        assertThat(buffer.canUndo()).isFalse();

        // A letter written between two keys ends the word's step; a paste is a step of its own.
        type(buffer, "ab");
        buffer.append("C");
        type(buffer, "d");
        buffer.replaceSeen(buffer.text(), buffer.text() + "pasted");
        assertThat(buffer.text()).isEqualTo("HELPabCdpasted");
        buffer.undo();
        assertThat(buffer.text()).isEqualTo("HELPabCd");
        buffer.undo();
        assertThat(buffer.text()).isEqualTo("HELPabC");
        buffer.undo();
        assertThat(buffer.text()).isEqualTo("HELPab");

        // Keys typed at the end, then in the middle, are two steps.
        TextBuffer moved = new TextBuffer("DEAR CLASS");
        type(moved, " HI");
        moved.replaceSeen(moved.text(), "DEAR CLASSES HI".substring(0, 11) + moved.text().substring(10));
        moved.replaceSeen(moved.text(), "DEAR CLASSES HI");
        assertThat(moved.text()).isEqualTo("DEAR CLASSES HI");
        moved.undo();
        assertThat(moved.text()).isEqualTo("DEAR CLASS HI");

        // A key typed one or two places from where the caret was left is another place too.
        TextBuffer hello = new TextBuffer();
        type(hello, "HELLO");
        hello.replaceSeen("HELLO", "HELXLO");              // ← ← X
        assertThat(hello.undo()).isTrue();
        assertThat(hello.text()).isEqualTo("HELLO");
        TextBuffer cat = new TextBuffer();
        type(cat, "CAT");
        cat.replaceSeen("CAT", "CT");                      // ← ← Delete
        cat.undo();
        assertThat(cat.text()).isEqualTo("CAT");
        // Among equal letters any of their places will do: A, A, B typed at the start of AAAA is one step.
        assertUndoneAsOneStep("AAAA", "AAAAA", "AAAAAA", "AABAAAA");
        // Delete at the caret goes on with the step: "AB" typed before "Z", then Delete.
        assertUndoneAsOneStep("Z", "AZ", "ABZ", "AB");
        // An emoji typed before another: both begin with the same half, which must not split the key.
        assertUndoneAsOneStep("\uD83D\uDE03", "a\uD83D\uDE03", "a\uD83D\uDE00\uD83D\uDE03");
        // Backspace at the caret goes on with the step.
        TextBuffer fix = new TextBuffer();
        type(fix, "CAX");
        fix.replaceSeen("CAX", "CA");                       // Backspace
        type(fix, "T");
        fix.undo();
        assertThat(fix.text()).isEmpty();
    }

    /** Keys typed one after another in a view, each edit one key from the last: one undo takes them all back. */
    private static void assertUndoneAsOneStep(String start, String... edits) {
        TextBuffer buffer = new TextBuffer(start);
        for (String edited : edits) {
            buffer.replaceSeen(buffer.text(), edited);
        }
        assertThat(buffer.undo()).isTrue();
        assertThat(buffer.text()).as("one step back from " + edits[edits.length - 1]).isEqualTo(start);
    }

    @Test
    void redoBringsBackWhatUndoTookUntilTheNextChange() {
        TextBuffer buffer = new TextBuffer();
        buffer.append("A");
        buffer.append("B");
        assertThat(buffer.canRedo()).isFalse();
        buffer.undo();
        buffer.undo();
        assertThat(buffer.text()).isEmpty();
        assertThat(buffer.redo()).isTrue();
        assertThat(buffer.text()).isEqualTo("A");
        assertThat(buffer.redo()).isTrue();
        assertThat(buffer.text()).isEqualTo("AB");
        assertThat(buffer.redo()).isFalse();
        buffer.undo();
        buffer.append("C");
        assertThat(buffer.canRedo()).as("a new change ends what could be redone").isFalse();
        assertThat(buffer.text()).isEqualTo("AC");
        buffer.undo();
        assertThat(buffer.text()).isEqualTo("A");
    }

    @Test
    void undoHistoryIsBoundedInCharactersToo() {
        String page = "x".repeat(100_000);
        TextBuffer buffer = new TextBuffer(page);
        for (int i = 0; i < 60; i++) {
            buffer.append("y");
        }
        int undone = 0;
        while (buffer.undo()) {
            undone++;
        }
        assertThat((long) undone * page.length()).isLessThanOrEqualTo(TextBuffer.UNDO_CHAR_LIMIT);
        assertThat(undone).isGreaterThanOrEqualTo(19);
        TextBuffer huge = new TextBuffer("z".repeat((int) TextBuffer.UNDO_CHAR_LIMIT + 10));
        huge.append("!");
        assertThat(huge.undo()).as("the latest step is kept whatever its size").isTrue();
    }

    @Test
    void appliesCommitEvents() {
        TextBuffer buffer = new TextBuffer();
        buffer.apply(new CommitEvent(CommitEvent.Kind.LETTER, LetterClass.H, 0));
        buffer.apply(new CommitEvent(CommitEvent.Kind.LETTER, LetterClass.I, 1));
        buffer.apply(new CommitEvent(CommitEvent.Kind.SPACE, LetterClass.SPACE, 2));
        buffer.apply(new CommitEvent(CommitEvent.Kind.LETTER, LetterClass.Q, 3));
        buffer.apply(new CommitEvent(CommitEvent.Kind.DELETE, LetterClass.DEL, 4));
        assertThat(buffer.text()).isEqualTo("HI ");
        buffer.undo();
        assertThat(buffer.text()).isEqualTo("HI Q");
    }

    @Test
    void commitEventsCarryOnlyTheirOwnClass() {
        assertThatThrownBy(() -> new CommitEvent(CommitEvent.Kind.LETTER, LetterClass.SPACE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitEvent(CommitEvent.Kind.LETTER, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitEvent(CommitEvent.Kind.DELETE, LetterClass.A, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommitEvent(CommitEvent.Kind.AUTO_SPACE, LetterClass.SPACE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listenersHearEveryChangeAndUndoAndCanBeRemoved() {
        TextBuffer buffer = new TextBuffer();
        List<String> heard = new ArrayList<>();
        TextBuffer.Listener listener = heard::add;
        buffer.addListener(listener);
        buffer.append("A");
        buffer.append("B");
        buffer.backspace();
        buffer.undo();
        buffer.clear();
        buffer.clear();
        buffer.removeListener(listener);
        buffer.append("C");
        assertThat(heard).containsExactly("A", "AB", "A", "AB", "");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        TextBuffer buffer = new TextBuffer();
        List<String> heard = new ArrayList<>();
        buffer.addListener(text -> {
            throw new IllegalStateException("broken view");
        });
        buffer.addListener(heard::add);
        buffer.append("A");
        assertThat(heard).containsExactly("A");
        assertThat(buffer.text()).isEqualTo("A");
    }

    @Test
    void concurrentEditsAreAllKeptAndHeardInOrder() throws Exception {
        TextBuffer buffer = new TextBuffer();
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        buffer.addListener(heard::add);
        int threads = 4;
        int appends = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String letter = String.valueOf((char) ('A' + t));
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < appends; i++) {
                    buffer.append(letter);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        String text = buffer.text();
        assertThat(text).hasSize(threads * appends);
        for (int t = 0; t < threads; t++) {
            char letter = (char) ('A' + t);
            assertThat(text.chars().filter(c -> c == letter).count()).isEqualTo(appends);
        }
        // Notices arrive in the order of the changes: each one extends the one before.
        assertThat(heard).hasSize(threads * appends);
        for (int i = 1; i < heard.size(); i++) {
            assertThat(heard.get(i)).startsWith(heard.get(i - 1)).hasSize(i + 1);
        }
        assertThat(heard.get(heard.size() - 1)).isEqualTo(text);
    }

    @Test
    void anInputMethodsWordIsOneUndoStepOfItsOwn() {
        TextBuffer buffer = new TextBuffer("HI");
        buffer.replaceSeen("HI", "HI ");
        // Japanese: k, ka (composing), then か committed; then Korean 한 while 글 is composed.
        buffer.replaceSeenComposed("HI ", "HI k");
        buffer.replaceSeenComposed("HI k", "HI ka");
        buffer.replaceSeenComposed("HI ka", "HI \u304b");
        buffer.replaceSeenComposed("HI \u304b", "HI \u304b\u314e");
        buffer.replaceSeenComposed("HI \u304b\u314e", "HI \u304b\ud55c");
        buffer.replaceSeen("HI \u304b\ud55c", "HI \u304b\ud55cX");
        assertThat(buffer.undo()).isTrue();
        assertThat(buffer.text()).as("a key typed after the word: its own step").isEqualTo("HI \u304b\ud55c");
        assertThat(buffer.undo()).isTrue();
        assertThat(buffer.text()).as("the word, not a state of it").isEqualTo("HI ");
        assertThat(buffer.redo()).isTrue();
        assertThat(buffer.text()).isEqualTo("HI \u304b\ud55c");
    }

    @Test
    void twoWordsOfAnInputMethodAreTwoUndoSteps() {
        // 你好 composed at the end, then the caret taken to the start and 世界 composed there.
        TextBuffer buffer = new TextBuffer("HELP ME ");
        buffer.replaceSeenComposed("HELP ME ", "HELP ME ni");
        buffer.replaceSeenComposed("HELP ME ni", "HELP ME \u4f60\u597d");
        buffer.replaceSeenComposed("HELP ME \u4f60\u597d", "shiHELP ME \u4f60\u597d");
        buffer.replaceSeenComposed("shiHELP ME \u4f60\u597d", "\u4e16\u754cHELP ME \u4f60\u597d");
        assertThat(buffer.undo()).isTrue();
        assertThat(buffer.text()).isEqualTo("HELP ME \u4f60\u597d");
        // And a word composed where the last one begins: put before it, a step of its own.
        TextBuffer before = new TextBuffer("");
        before.replaceSeenComposed("", "\u4f60\u597d");
        before.replaceSeenComposed("\u4f60\u597d", "\u4e16\u754c\u4f60\u597d");
        assertThat(before.undo()).isTrue();
        assertThat(before.text()).isEqualTo("\u4f60\u597d");
        // And a space committed ends a word where it is.
        TextBuffer spaced = new TextBuffer("");
        spaced.replaceSeenComposed("", "\u304b ");
        spaced.replaceSeenComposed("\u304b ", "\u304b \u304d");
        assertThat(spaced.undo()).isTrue();
        assertThat(spaced.text()).isEqualTo("\u304b ");
    }

    @Test
    void aRestoredTextIsKeptAsTheTextBoxKeepsIt() {
        assertThat(new TextBuffer("DEAR CLASS\r\nHELLO\rTHERE\tX\u0007\u007f!").text())
                .isEqualTo("DEAR CLASS\nHELLO\nTHERE\tX!");
        assertThat(new TextBuffer("\uD83D\uDC4D ok").text()).isEqualTo("\uD83D\uDC4D ok");
    }
}
