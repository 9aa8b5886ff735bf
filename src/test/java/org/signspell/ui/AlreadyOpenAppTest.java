package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.signspell.spelling.TextAutosave;
import org.signspell.spelling.TextFileLock;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A second start while SignSpell is open: two windows on one text would save over each other's letters. (The
 * other SignSpell is this test holding the lock; another process's lock: TextAutosaveCrashTest.)
 */
class AlreadyOpenAppTest extends AppTestSupport {

    private final FxRobot robot = new FxRobot();

    @Test
    void aSecondStartSaysSoCallsTheFirstForwardAndLeavesItsTextAlone() throws Exception {
        Path file = home.resolve(TextAutosave.FILE_NAME);
        Files.writeString(file, "HELLO");
        try (TextFileLock first = TextFileLock.tryLock(file).orElseThrow()) {
            start(AppOptions.interactive());
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> robot.lookup("#already-open").tryQuery().isPresent());
            DialogPane dialog = robot.lookup("#already-open").queryAs(DialogPane.class);
            assertThat(dialog.getHeaderText()).isEqualTo("SignSpell is already open");
            assertThat(dialog.getContentText()).contains("your text is there");
            assertThat(robot.lookup("#text-area").tryQuery()).as("no second window on the text").isEmpty();
            assertThat(first.answerKnock()).as("the open one was asked to come forward").isTrue();

            robot.interact(() -> ((Button) dialog.lookupButton(ButtonType.OK)).fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#already-open").tryQuery()).isEmpty();
        }
        assertThat(Files.readString(file)).isEqualTo("HELLO");
    }
}
