package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text survives a killed process: a real child JVM, really killed with SIGKILL, then a real restore. */
class TextAutosaveCrashTest {

    private static final long START_TIMEOUT_S = 120;

    @TempDir
    Path dir;

    private Process child;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    @AfterEach
    void killLeftoverChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    private void startChild(Path file, String mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(),
                "-cp", System.getProperty("java.class.path"),
                AutosaveCrashChild.class.getName(), file.toString(), mode);
        builder.redirectErrorStream(true);
        child = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ FAILED " + e);
            }
        }, "crash-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for a line the child prints; fails with everything it printed if it never comes. */
    private String awaitLine(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                output.add(line);
                if (line.startsWith("SAVE FAILED")) {
                    fail("the child could not save: " + line);
                }
                if (wanted.test(line)) {
                    return line;
                }
            } else if (!child.isAlive() && lines.isEmpty()) {
                fail("the child ended with " + child.exitValue() + " before the line; it printed " + output);
            }
        }
        fail("the child did not print the line in " + START_TIMEOUT_S + " s; it printed " + output);
        return null;
    }

    private void killHard() throws InterruptedException {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        }
    }

    @Test
    void textWrittenBeforeAKillIsThereAfterRestart() throws Exception {
        Path file = dir.resolve("home").resolve(TextAutosave.FILE_NAME);
        startChild(file, "word");
        awaitLine("READY"::equals);
        killHard();

        TextAutosaveTest.Reports reports = new TextAutosaveTest.Reports();
        TextBuffer restored = new TextAutosave(file, reports).openBuffer();
        assertThat(restored.text()).isEqualTo("HELLO WORLD");
        assertThat(reports.events).isEmpty();
    }

    @Test
    void aSecondSignSpellIsRefusedTheTextWhileTheFirstRunsAndAKilledOneLeavesItFree() throws Exception {
        Path file = dir.resolve("home").resolve(TextAutosave.FILE_NAME);
        startChild(file, "word");
        awaitLine("READY"::equals);
        assertThat(TextFileLock.tryLock(file)).as("the text is the running one's").isEmpty();

        killHard();
        // The operating system lets go of a dead process's lock: a crash leaves no lock behind.
        try (TextFileLock lock = TextFileLock.tryLock(file).orElseThrow()) {
            assertThat(lock.held()).isTrue();
            assertThat(new TextAutosave(file, new TextAutosaveTest.Reports()).restore()).isEqualTo("HELLO WORLD");
        }
    }

    @Test
    void askingForTheLockAgainInTheSameProcessDoesNotLetGoOfIt() throws Exception {
        Path file = dir.resolve(TextAutosave.FILE_NAME);
        try (TextFileLock held = TextFileLock.tryLock(file).orElseThrow()) {
            assertThat(TextFileLock.tryLock(file)).isEmpty();
            // Nor by another spelling of its path.
            java.nio.file.Files.createDirectories(dir.resolve("sub"));
            assertThat(TextFileLock.tryLock(dir.resolve("sub/../" + TextAutosave.FILE_NAME))).isEmpty();
            // On Linux, closing any channel to the lock file let go of the process's lock.
            startChild(file, "word");
            awaitLine("LOCK REFUSED"::equals);
            assertThat(held.held()).isTrue();
        }
    }

    @Test
    void aKillDuringContinuousEditingLosesNothingAlreadyAcknowledged() throws Exception {
        Path file = dir.resolve(TextAutosave.FILE_NAME);
        startChild(file, "stream");
        awaitLine("READY"::equals);
        String saved = awaitLine(line -> line.startsWith("SAVED ") && Long.parseLong(line.substring(6)) >= 100);
        killHard();
        // Lines already printed were acknowledged before the kill, whether or not the test had read them.
        long acknowledged = Long.parseLong(saved.substring(6));
        for (String line; (line = lines.poll(1, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("SAVED ")) {
                acknowledged = Long.parseLong(line.substring(6));
            }
        }

        TextAutosaveTest.Reports reports = new TextAutosaveTest.Reports();
        String text = new TextAutosave(file, reports).restore();
        assertThat(reports.events).as("the file is never torn").isEmpty();
        assertThat(text).matches("x*");
        // Every append that had returned is on disk; at most the one in progress at the kill is missing.
        assertThat((long) text.length()).isBetween(acknowledged, acknowledged + 1);
    }
}
