package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signspell.engine.FrameResult;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.StageTimings;
import org.signspell.letters.LetterClass;
import org.signspell.spelling.HoldProgress;
import org.signspell.spelling.TextBuffer;
import org.signspell.testing.SharedData;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the view-model makes of frames from the engine (the video images need the FX toolkit). */
@ExtendWith(ApplicationExtension.class)
class MainViewModelFramesTest {

    @TempDir
    Path home;

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed.
    }

    private static FrameResult result(long index, HoldProgress hold) {
        return new FrameResult(index, index * 33_333_333, 640, 480, List.of(), null, RecognitionMode.FRAME, hold, null,
                new StageTimings(0, 0, 0, 0, 0, false));
    }

    @Test
    void aHoldIsNotShownFillingOnceTheVideoEnded() throws Exception {
        MainViewModel vm = new MainViewModel((settings, text, listener) -> {
            throw new IllegalStateException("no engine needed");
        }, List::of, new SettingsStore(home.resolve("ui.properties")), new TextBuffer(), Runnable::run, Runnable::run);
        HoldProgress halfway = new HoldProgress(LetterClass.A, 0.5, true);
        try (Mat frame = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            WaitForAsyncUtils.asyncFx(() -> {
                vm.engineListener().sourceOpened("/tmp/A", "folder A", 30);
                vm.engineListener().frameProcessed(result(1, halfway), frame);
            }).get();
            assertThat(vm.holdProperty().get()).isEqualTo(halfway);
            // A picture just came: nothing has stopped, whenever the check runs in the next few seconds.
            WaitForAsyncUtils.asyncFx(() -> vm.checkPicture(System.nanoTime() + 1_000_000_000L)).get();
            assertThat(vm.pictureStalledProperty().get()).isNull();

            WaitForAsyncUtils.asyncFx(() -> vm.engineListener().endOfStream()).get();
            assertThat(vm.holdProperty().get()).as("nothing more comes to complete it").isEqualTo(HoldProgress.NONE);

            // The last frame the engine was still reading arrives after the end.
            WaitForAsyncUtils.asyncFx(() -> vm.engineListener().frameProcessed(result(2, halfway), frame)).get();
            assertThat(vm.holdProperty().get()).isEqualTo(HoldProgress.NONE);
            assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.ENDED);
        }
    }

    @Test
    void aFrameOfTheSourceLeftIsNotTakenForTheNextOnesWhileItOpens() throws Exception {
        MainViewModel vm = new MainViewModel((settings, text, listener) -> {
            throw new IllegalStateException("no engine needed");
        }, List::of, new SettingsStore(home.resolve("ui.properties")), new TextBuffer(), Runnable::run, Runnable::run);
        HoldProgress halfway = new HoldProgress(LetterClass.A, 0.5, true);
        try (Mat frame = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            WaitForAsyncUtils.asyncFx(() -> vm.engineListener().sourceOpened("/tmp/A.mp4", "video A.mp4", 30)).get();
            show(vm, result(1, halfway), frame);
            assertThat(vm.holdProperty().get()).isEqualTo(halfway);
            // The user switches to a camera that takes its time to open; a frame of the video was still being read.
            WaitForAsyncUtils.asyncFx(() -> vm.engineListener().sourceOpening("/dev/video0")).get();
            assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.OPENING);
            show(vm, result(2, halfway), frame);
            assertThat(vm.sourceStateProperty().get()).as("the camera has not opened").isEqualTo(MainViewModel.SourceState.OPENING);
            assertThat(vm.holdProperty().get()).as("the video's hold is not the camera's").isEqualTo(HoldProgress.NONE);
            assertThat(vm.predictionProperty().get()).isNull();
            WaitForAsyncUtils.asyncFx(() -> vm.checkPicture(System.nanoTime() + 5_000_000_000L)).get();
            assertThat(vm.pictureStalledProperty().get()).as("still opening: no camera \"stopped\"").isNull();

            WaitForAsyncUtils.asyncFx(() -> vm.engineListener().sourceOpened("/dev/video0", "camera 0", 30)).get();
            show(vm, result(3, halfway), frame);
            assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.PLAYING);
            assertThat(vm.holdProperty().get()).isEqualTo(halfway);
        }
    }

    private static FrameResult perFrame(double seconds, LetterClass motionLetter, RecognitionMode mode) {
        return new FrameResult(Math.round(seconds * 30), Math.round(seconds * 1e6), 640, 480, List.of(), null, mode,
                HoldProgress.NONE, motionLetter, new StageTimings(0, 0, 0, 0, 0, false));
    }

    /** One frame from the engine, on screen: the hand-off may wait for the screen's next pulses to free a slot. */
    private static void show(MainViewModel vm, FrameResult r, Mat frame) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.engineListener().frameProcessed(r, frame);
            for (int i = 0; i < 3; i++) {
                vm.pulseStarted();
            }
        }).get();
    }

    @Test
    void aZLeftOutPerFrameStaysOnShowForThreeSecondsOfVideoOrUntilSequenceModeIsOn() throws Exception {
        MainViewModel vm = new MainViewModel((settings, text, listener) -> {
            throw new IllegalStateException("no engine needed");
        }, List::of, new SettingsStore(home.resolve("ui.properties")), new TextBuffer(), Runnable::run, Runnable::run);
        try (Mat frame = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            WaitForAsyncUtils.asyncFx(() -> {
                vm.setMode(RecognitionMode.FRAME);
                vm.engineListener().sourceOpened("/tmp/ZEBRA.mp4", "video ZEBRA.mp4", 30);
            }).get();
            show(vm, perFrame(1.0, null, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).isNull();
            show(vm, perFrame(1.5, LetterClass.Z, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).isEqualTo(LetterClass.Z);
            show(vm, perFrame(4.5, null, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).as("3 s after it was last seen").isEqualTo(LetterClass.Z);
            show(vm, perFrame(4.6, null, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).as("longer ago than 3 s").isNull();

            show(vm, perFrame(5.0, LetterClass.Z, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).isEqualTo(LetterClass.Z);
            WaitForAsyncUtils.asyncFx(() -> vm.setMode(RecognitionMode.SEQUENCE)).get();
            assertThat(vm.missedMotionLetterProperty().get()).as("the mode that writes it is on").isNull();
            show(vm, perFrame(5.1, LetterClass.Z, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).as("a frame read per frame, arriving after the switch")
                    .isNull();

            WaitForAsyncUtils.asyncFx(() -> {
                vm.setMode(RecognitionMode.FRAME);
            }).get();
            show(vm, perFrame(6.0, LetterClass.Z, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).isEqualTo(LetterClass.Z);
            // Played again from the start: the time stamps go back, and what was seen belongs to the last play.
            show(vm, perFrame(0.1, null, RecognitionMode.FRAME), frame);
            assertThat(vm.missedMotionLetterProperty().get()).isNull();

            show(vm, perFrame(1.0, LetterClass.Z, RecognitionMode.FRAME), frame);
            WaitForAsyncUtils.asyncFx(() -> vm.openSource("/tmp/HELP.mp4")).get();
            assertThat(vm.missedMotionLetterProperty().get()).as("another source").isNull();
        }
    }
}
