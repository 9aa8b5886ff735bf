package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.signspell.fixtures.WordFixtures;
import org.signspell.letters.LetterClass;
import org.signspell.spelling.HoldProgress;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app on a fingerspelled word made of real webcam frames, started as {@code --source} starts it:
 * real engine, real models, the real window; the text field must end up holding the word.
 */
class WordFixtureAppTest extends AppTestSupport {

    @Test
    void windowSpellsHelpFromAWordVideo() throws Exception {
        Path video = WordFixtures.video("HELP");
        MainViewModel vm = start(new AppOptions(video.toString(), null, false)).viewModel();

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.sourceStateProperty().get() == MainViewModel.SourceState.ENDED
                || vm.sourceStateProperty().get() == MainViewModel.SourceState.FAILED);
        // Let the last frames in the inference queue reach the text.
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.faultProperty().get()).isNull();
        assertThat(vm.frameResultProperty().get()).as("frames reached the window").isNotNull();
        String shown = new FxRobot().lookup("#text-area").queryAs(TextArea.class).getText();
        System.out.printf("[WordFixtureAppTest] text after HELP.mp4: \"%s\" (engine at %.1f fps, %.1f ms per frame at the end)%n",
                shown, vm.framesPerSecondProperty().get(), vm.latencyMillisProperty().get());
        assertThat(shown.strip()).endsWith("HELP");
        assertThat(shown.strip()).isEqualTo("HELP");

        // The video ends on its P held on after it was written. Once it has ended nothing can complete that
        // hold, so no cue invites holding on: the last letter stays in view with its confidence.
        assertThat(vm.holdProperty().get()).isEqualTo(HoldProgress.NONE);
        assertThat(vm.predictionProperty().get().letter()).isEqualTo(LetterClass.P);
        assertThat(new FxRobot().lookup("#hold-caption").queryAs(Label.class).getText()).isEqualTo("Confidence");

        // The end is said over the last picture, with the way on.
        FxRobot robot = new FxRobot();
        assertThat(robot.lookup("#ended-bar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#ended-title").query().isVisible()).isTrue();
        assertThat(robot.lookup("#source-menu").queryAs(javafx.scene.control.MenuButton.class).getText())
                .isEqualTo("HELP.mp4");
        assertThat(robot.lookup("#status-fps").queryAs(Label.class).getText()).isEqualTo("– fps");
        assertThat(robot.lookup("#status-latency").queryAs(Label.class).getText()).isEqualTo("– ms per frame");
        assertThat(robot.lookup("#mode-badge").queryAs(Label.class).getText()).as("per frame says where Z is read")
                .isEqualTo("PER FRAME · Z needs Sequence (F2)");
        assertThat(vm.mirroredProperty().get()).as("a recording is shown as it was made").isFalse();

        // Presenter view over a video holds nothing that takes the keyboard focus; its keys must still work.
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.presenterProperty().get()).isTrue();
        assertThat(robot.lookup(".presenter-confidence").queryAs(Label.class).getText()).isEqualTo("Played to the end");
        assertThat(robot.lookup("#ended-title").query().isVisible()).as("said once, under the letter").isFalse();
        assertThat(robot.lookup("#ended-play-again").query().isVisible()).isTrue();
        assertThat(robot.lookup("#presenter-layout").query().getScene().getFocusOwner())
                .as("nothing in presenter view has the focus: the keys below reach the scene alone").isNull();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.presenterProperty().get()).as("Esc leaves presenter view").isFalse();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.presenterProperty().get()).as("F5 leaves presenter view").isFalse();

        // Played again, its letters begin a new word.
        robot.clickOn("#ended-play-again");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.sourceStateProperty().get() != MainViewModel.SourceState.ENDED);
        assertThat(robot.lookup("#ended-bar").query().isVisible()).isFalse();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.sourceStateProperty().get() == MainViewModel.SourceState.ENDED);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#text-area").queryAs(TextArea.class).getText().strip()).isEqualTo("HELP HELP");
    }

    @Test
    void perFrameModeSaysWhenAZIsDrawnAndOneClickSwitchesToSequenceMode() throws Exception {
        MainViewModel vm = start(new AppOptions(WordFixtures.video("QUIZ").toString(), null, false)).viewModel();
        assertThat(vm.modeProperty().get()).isEqualTo(org.signspell.engine.RecognitionMode.FRAME);
        FxRobot robot = new FxRobot();
        javafx.scene.control.Button hint = robot.lookup("#missed-motion-letter").queryAs(javafx.scene.control.Button.class);
        assertThat(hint.isVisible()).isFalse();
        // QUIZ ends on two seconds of a real Z: the note is still there over the end bar, where the class looks to
        // see why the text reads QUI.
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.sourceStateProperty().get() == MainViewModel.SourceState.ENDED);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#text-area").queryAs(TextArea.class).getText().strip()).isEqualTo("QUI");
        assertThat(vm.missedMotionLetterProperty().get()).isEqualTo(LetterClass.Z);
        assertThat(hint.isVisible()).isTrue();
        assertThat(robot.lookup("#ended-bar").query().isVisible()).isTrue();
        assertThat(hint.getText()).isEqualTo("Drew a Z? Sequence mode writes it · F2");
        assertThat(hint.localToScene(hint.getBoundsInLocal()).getMaxY())
                .as("above the end bar, not under it")
                .isLessThan(robot.lookup("#ended-bar").query().localToScene(0, 0).getY());
        robot.clickOn(hint);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.modeProperty().get()).isEqualTo(org.signspell.engine.RecognitionMode.SEQUENCE);
        assertThat(vm.missedMotionLetterProperty().get()).isNull();
        assertThat(hint.isVisible()).isFalse();
        assertThat(robot.lookup("#mode-badge").queryAs(Label.class).getText()).isEqualTo("SEQUENCE · last 1 s");
    }
}
