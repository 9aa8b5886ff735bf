package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signspell.engine.FrameResult;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.StageTimings;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;
import org.signspell.spelling.HoldProgress;
import org.signspell.spelling.TextBuffer;
import org.signspell.testing.SharedData;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the window says over a camera picture that stopped coming: the camera, not the hand, and no hold. */
@ExtendWith(ApplicationExtension.class)
class MainViewStallTest {

    @TempDir
    static Path home;

    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel((settings, text, listener) -> {
            throw new IllegalStateException("no engine needed");
        }, List::of, new SettingsStore(home.resolve("ui.properties")), new TextBuffer(), Runnable::run, Runnable::run);
        view = new MainView(vm, () -> { });
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
    }

    private void playFrame(Prediction p, HoldProgress hold, Mat picture) throws Exception {
        FrameResult r = new FrameResult(1, 33_333, 640, 480, List.of(), p, RecognitionMode.FRAME, hold, null,
                new StageTimings(0, 0, 0, 0, 0, false));
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openSource("camera:0");
            vm.engineListener().sourceOpened("camera:0", "Webcam", 30);
            vm.engineListener().frameProcessed(r, picture);
            for (int i = 0; i < 3; i++) {
                vm.pulseStarted();
            }
        }).get();
    }

    /** The camera hangs: no more frames; the once-a-second check runs a few seconds on. */
    private void cameraHangs() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.checkPicture(System.nanoTime() + MainViewModel.PICTURE_STALL_NANOS
                + 1_000_000_000L)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.pictureStalledProperty().get()).contains("No picture from the camera");
        assertThat(shown(view.root().lookup("#picture-stalled"))).isTrue();
    }

    private String holdCaption() {
        return ((Label) view.root().lookup("#hold-caption")).getText();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aHoldIsNotLeftFillingOverAFrozenCamera() throws Exception {
        HoldProgress holding = new HoldProgress(LetterClass.A, 0.6, false);
        Prediction a = new Prediction(List.of(new Prediction.Scored(LetterClass.A, 0.9f),
                new Prediction.Scored(LetterClass.S, 0.05f), new Prediction.Scored(LetterClass.E, 0.03f)));
        try (Mat picture = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            playFrame(a, holding, picture);
            assertThat(holdCaption()).startsWith("Hold to write A");
            cameraHangs();
            assertThat(vm.holdProperty().get()).as("nothing comes to complete it").isEqualTo(HoldProgress.NONE);
            assertThat(holdCaption()).doesNotStartWith("Hold to write");
        }
    }

    @Test
    void picturesHandsCannotBeReadInAreSaidWhereShowYourHandWouldBe() throws Exception {
        try (Mat picture = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            playFrame(null, HoldProgress.NONE, picture);
            WaitForAsyncUtils.asyncFx(() -> vm.engineListener().pictureProblem(
                    org.signspell.hands.PictureCheck.blackAndWhite())).get();
            WaitForAsyncUtils.waitForFxEvents();
            Label problem = (Label) view.root().lookup("#picture-problem");
            assertThat(shown(problem)).isTrue();
            assertThat(problem.getText()).isEqualTo(org.signspell.hands.PictureCheck.blackAndWhite().message());
            javafx.geometry.Bounds card = view.root().lookup("#video-pane").localToScene(
                    view.root().lookup("#video-pane").getBoundsInLocal());
            assertThat(card.contains(problem.localToScene(problem.getBoundsInLocal()))).as("within the video card").isTrue();
            Label showYourHand = (Label) view.root().lookupAll(".video-hint").stream()
                    .filter(n -> n instanceof Label l && l.getText().startsWith("Show your hand")).findFirst().orElseThrow();
            assertThat(shown(showYourHand)).isFalse();
            assertThat(holdCaption()).isEqualTo("–");
            // Presenter view's big caption gives the reason, not "Show your hand" with a hand in view.
            WaitForAsyncUtils.asyncFx(() -> vm.setPresenter(true)).get();
            WaitForAsyncUtils.waitForFxEvents();
            Label caption = (Label) view.root().lookup(".presenter-confidence");
            assertThat(caption.getText()).isEqualTo(org.signspell.hands.PictureCheck.blackAndWhite().brief());
            WaitForAsyncUtils.asyncFx(() -> vm.setPresenter(false)).get();
            // Another source starts without it.
            WaitForAsyncUtils.asyncFx(() -> vm.engineListener().sourceOpening("camera:1")).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.pictureProblemProperty().get()).isNull();
            assertThat(shown(problem)).isFalse();
        }
    }

    @Test
    void aFrozenCameraIsNotBlamedOnTheHand() throws Exception {
        try (Mat picture = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            playFrame(null, HoldProgress.NONE, picture);
            Label showYourHand = (Label) view.root().lookupAll(".video-hint").stream()
                    .filter(n -> n instanceof Label l && l.getText().startsWith("Show your hand")).findFirst().orElseThrow();
            assertThat(shown(showYourHand)).as("a picture without a hand").isTrue();
            assertThat(holdCaption()).isEqualTo("No hand in view");
            cameraHangs();
            assertThat(shown(showYourHand)).as("'Show your hand' under 'No picture from the camera'").isFalse();
            assertThat(holdCaption()).isEqualTo("–");
        }
    }
}
