package org.signspell.spelling;

import java.nio.file.Path;
import org.signspell.letters.LetterClass;

/**
 * Run in a child JVM by {@link TextAutosaveCrashTest}, which kills it with SIGKILL: no shutdown hook, no
 * finally block, nothing after the kill runs, exactly like a crash.
 *
 * <p>Holds the text's lock ({@link TextFileLock}) as the app does. Arguments: the text file, then {@code word} (spell "HELLO WORLD" through commit events, print READY,
 * wait to be killed) or {@code stream} (print READY, then append forever, printing {@code SAVED n} after the
 * n-th append has returned).
 */
public final class AutosaveCrashChild {

    private AutosaveCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        // As the app does: the text is this process's until it ends (TextFileLock).
        if (TextFileLock.tryLock(Path.of(args[0])).filter(TextFileLock::held).isEmpty()) {
            System.out.println("LOCK REFUSED");
            System.exit(3);
        }
        TextAutosave autosave = new TextAutosave(Path.of(args[0]), new TextAutosave.Listener() {
            @Override
            public void saveFailed(Path file, Exception cause) {
                System.out.println("SAVE FAILED " + cause);
            }
        });
        TextBuffer buffer = autosave.openBuffer();
        if (args[1].equals("word")) {
            for (char c : "HELLO".toCharArray()) {
                buffer.apply(new CommitEvent(CommitEvent.Kind.LETTER, LetterClass.valueOf(String.valueOf(c)), 0));
            }
            buffer.apply(new CommitEvent(CommitEvent.Kind.SPACE, LetterClass.SPACE, 0));
            buffer.append("WORLX");
            buffer.backspace();
            buffer.append("D");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(300_000);
        } else {
            System.out.println("READY");
            System.out.flush();
            for (long n = 1; n < 1_000_000; n++) {
                buffer.append("x");
                System.out.println("SAVED " + n);
                System.out.flush();
            }
        }
    }
}
