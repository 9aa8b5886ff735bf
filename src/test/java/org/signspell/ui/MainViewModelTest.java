package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signspell.capture.CameraInfo;
import org.signspell.capture.CaptureException;
import org.signspell.engine.Engine;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.SigningHand;
import org.signspell.letters.ExecutionProvider;
import org.signspell.spelling.CommitSettings;
import org.signspell.spelling.TextBuffer;

/**
 * The view-model's commands and state without a window: engine callbacks and commands run on the calling
 * thread here, so every step can be checked right after it.
 */
class MainViewModelTest {

    @TempDir
    Path home;

    private MainViewModel viewModel(TextBuffer buffer, String failure) {
        return viewModel((settings, text, listener) -> {
            throw new IllegalStateException(failure);
        }, buffer, Runnable::run, Runnable::run);
    }

    private MainViewModel viewModel(EngineFactory engines, TextBuffer buffer, Executor fxThread, Executor background) {
        return new MainViewModel(engines, List::of, new SettingsStore(home.resolve("ui.properties")), buffer,
                fxThread, background);
    }

    private MainViewModel viewModel(EngineFactory engines, Supplier<List<CameraInfo>> cameras, Executor fxThread,
                                    Executor background) {
        return new MainViewModel(engines, cameras, new SettingsStore(home.resolve("ui.properties")), new TextBuffer(),
                fxThread, background);
    }

    /** Fails the first build (the models cannot be loaded), then builds fakes and keeps them. */
    private static EngineFactory failingOnceThenRecording(List<FakeEngine> built) {
        int[] attempts = {0};
        EngineFactory recording = recording(built);
        return (settings, text, listener) -> {
            if (attempts[0]++ == 0) {
                throw new IllegalStateException("letters.onnx is missing");
            }
            return recording.create(settings, text, listener);
        };
    }

    /** Builds fake engines and keeps them, in the order built. */
    private static EngineFactory recording(List<FakeEngine> built) {
        return (settings, text, listener) -> {
            FakeEngine e = new FakeEngine();
            built.add(e);
            return e;
        };
    }

    @Test
    void settingsChangedInOneRunAreThereInTheNext() {
        MainViewModel first = viewModel(new TextBuffer(), "unused");
        assertThat(first.modeProperty().get()).isEqualTo(RecognitionMode.FRAME);
        assertThat(first.mirroredProperty().get()).as("selfie view by default").isTrue();
        first.toggleMode();
        first.setSigningHand(SigningHand.LEFT);
        first.toggleMirror();
        first.toggleTheme();
        first.shutdown();

        MainViewModel second = viewModel(new TextBuffer(), "unused");
        assertThat(second.modeProperty().get()).isEqualTo(RecognitionMode.SEQUENCE);
        assertThat(second.signingHandProperty().get()).isEqualTo(SigningHand.LEFT);
        assertThat(second.mirroredProperty().get()).isFalse();
        assertThat(second.themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void signingHandCyclesThroughRightLeftDetect() {
        MainViewModel vm = viewModel(new TextBuffer(), "unused");
        assertThat(vm.signingHandProperty().get()).isEqualTo(SigningHand.RIGHT);
        vm.cycleSigningHand();
        assertThat(vm.signingHandProperty().get()).isEqualTo(SigningHand.LEFT);
        vm.cycleSigningHand();
        assertThat(vm.signingHandProperty().get()).isEqualTo(SigningHand.AUTO);
        vm.cycleSigningHand();
        assertThat(vm.signingHandProperty().get()).isEqualTo(SigningHand.RIGHT);
    }

    @Test
    void engineThatCannotBeBuiltShowsTheModelFaultAndKeepsTheText() {
        TextBuffer buffer = new TextBuffer("KEEP ME");
        MainViewModel vm = viewModel(buffer, "letters.onnx is damaged");
        vm.start(null);
        assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.FAILED);
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.MODEL);
        assertThat(vm.faultProperty().get().message()).contains("letters.onnx is damaged").contains("text is kept");
        assertThat(vm.text().getText()).isEqualTo("KEEP ME");
    }

    @Test
    void captureFailuresBecomeFaultsThatSayWhatToDoNext() {
        MainViewModel vm = viewModel(new TextBuffer(), "unused");
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERA_BUSY, ""));
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.CAMERA_BUSY);
        assertThat(vm.faultProperty().get().message()).contains("Close it").contains("Retry");
        vm.engineListener().sourceOpening("/tmp/x.mp4");
        assertThat(vm.faultProperty().get()).isNull();
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.UNREADABLE_VIDEO,
                "x.mp4 cannot be decoded. Open another file."));
        assertThat(vm.faultProperty().get().title()).isEqualTo("This video cannot be read");
        assertThat(vm.faultProperty().get().message()).isEqualTo("x.mp4 cannot be decoded. Open another file.");
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.VIDEO_CUT_SHORT,
                "x.mp4 ended after 73 of its 120 frames."));
        assertThat(vm.faultProperty().get().title()).as("it played: not \"cannot be read\"").isEqualTo("This video ends early");
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.UNREADABLE_VIDEO);
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.UNREADABLE_IMAGE,
                "The image frames/0001.jpg could not be read."));
        assertThat(vm.faultProperty().get().title()).as("a folder's image, not a video").isEqualTo("An image cannot be read");
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.SOURCE_FAILED,
                "Reading frames failed unexpectedly. Try again, or choose another camera, video or folder."));
        assertThat(vm.faultProperty().get().kind()).as("no \"This video cannot be read\" for a camera, and Retry offered")
                .isEqualTo(Fault.Kind.SOURCE_FAILED);
        // A camera is plugged in but none can open: not "no camera found", and the way out is a file or folder.
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERAS_UNAVAILABLE,
                "SignSpell cannot use cameras on this computer: install libpulse0."));
        assertThat(vm.faultProperty().get().title()).isEqualTo("Cameras cannot be used on this computer");
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);
        assertThat(vm.faultProperty().get().message()).contains("libpulse0");
    }

    @Test
    void cameraUnpluggedWhileRunningShowsItsPanelAndKeepsTheText() {
        TextBuffer buffer = new TextBuffer("HEL");
        MainViewModel vm = viewModel(buffer, "unused");
        vm.engineListener().sourceOpened("/dev/video0", "Camera /dev/video0", 30);
        assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.PLAYING);
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERA_LOST, ""));
        assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.FAILED);
        assertThat(vm.faultProperty().get().title()).isEqualTo("The camera was disconnected");
        assertThat(vm.faultProperty().get().message()).contains("Retry");
        assertThat(vm.text().getText()).isEqualTo("HEL");
    }

    @Test
    void gpuIsRefusedWithTheEnginesReasonAfterItFellBackToCpu() {
        MainViewModel vm = viewModel(new TextBuffer(), "unused");
        vm.requestProvider(ExecutionProvider.CUDA);
        assertThat(vm.requestedProviderProperty().get()).isEqualTo(ExecutionProvider.CUDA);
        vm.engineListener().providerChanged(ExecutionProvider.CPU, "No CUDA GPU on this computer; running on the CPU.");
        assertThat(vm.activeProviderProperty().get()).isEqualTo(ExecutionProvider.CPU);
        assertThat(vm.requestedProviderProperty().get()).isEqualTo(ExecutionProvider.CPU);
        assertThat(vm.gpuUnavailableReasonProperty().get()).contains("No CUDA GPU");
        vm.requestProvider(ExecutionProvider.CUDA);
        assertThat(vm.requestedProviderProperty().get()).as("asking again is refused").isEqualTo(ExecutionProvider.CPU);
    }

    @Test
    void newRecognitionSettingsWhileTheModelsLoadReachTheEngineOnceItIsReady() {
        Deque<Runnable> background = new ArrayDeque<>();
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = viewModel(recording(built), new TextBuffer(), Runnable::run, background::add);
        vm.start("/tmp/HELP.mp4");
        vm.setThresholds(0.8, 0.5);  // Apply in the settings sheet while the first engine is still loading
        runAll(background);
        assertThat(built).hasSize(1);
        assertThat(vm.engine()).isSameAs(built.get(0));
        assertThat(built.get(0).opened).containsExactly("/tmp/HELP.mp4");
        assertThat(built.get(0).commitSettings).singleElement().satisfies(c -> {
            assertThat(c.confidenceThreshold()).isEqualTo(0.8f);
            assertThat(c.stabilityWindow()).isEqualTo(Duration.ofMillis(500));
        });
    }

    @Test
    void newRecognitionSettingsApplyWithoutReopeningTheSource() {
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = viewModel(recording(built), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start("/tmp/HELP.mp4");
        assertThat(built).hasSize(1);
        assertThat(built.get(0).commitSettings).as("built with the settings it has").isEmpty();
        vm.setThresholds(0.6, 0.3);
        // Reopening would replay a video from the start and write its letters a second time.
        assertThat(built).hasSize(1);
        assertThat(built.get(0).opened).containsExactly("/tmp/HELP.mp4");
        assertThat(built.get(0).closed).isFalse();
        assertThat(built.get(0).commitSettings).singleElement().satisfies(c -> {
            assertThat(c.confidenceThreshold()).isEqualTo(0.6f);
            assertThat(c.stabilityWindow()).isEqualTo(Duration.ofMillis(300));
        });
        assertThat(vm.settingsProperty().get().commitConfidence()).isEqualTo(0.6);
        vm.setThresholds(0.6, 0.3);
        assertThat(built.get(0).commitSettings).as("Apply with nothing changed leaves a hold alone").hasSize(1);
    }

    /** Started on HELP.mp4 with an engine that fails to load the first time (the MODEL fault), then works. */
    private MainViewModel startedWithModelsFailingOnce(List<FakeEngine> built) {
        EngineFactory thenWorks = recording(built);
        MainViewModel vm = viewModel((settings, text, listener) -> {
            if (built.isEmpty()) {
                built.add(null);
                throw new IllegalStateException("letters.onnx is missing");
            }
            return thenWorks.create(settings, text, listener);
        }, new TextBuffer(), Runnable::run, Runnable::run);
        vm.start("/tmp/HELP.mp4");
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.MODEL);
        return vm;
    }

    @Test
    void retryAfterTheModelsFailedToLoadOpensTheSameSourceAgain() {
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = startedWithModelsFailingOnce(built);
        vm.retry();
        assertThat(built.get(1).opened).containsExactly("/tmp/HELP.mp4");
        assertThat(vm.faultProperty().get()).isNull();
    }

    @Test
    void anotherSourceAskedForAfterTheModelsFailedToLoadLoadsThemAgainNotWaitsForever() {
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = startedWithModelsFailingOnce(built);
        vm.openSource("/tmp/JUMP.mp4");  // Ctrl+O, or the toolbar's source menu, with the fault panel up
        assertThat(built).hasSize(2);
        assertThat(built.get(1).opened).containsExactly("/tmp/JUMP.mp4");
        assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.OPENING);
        assertThat(vm.faultProperty().get()).isNull();
    }

    @Test
    void cameraAskedForAfterRecognitionStoppedGetsANewEngine() {
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = viewModel(recording(built), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start("/tmp/HELP.mp4");
        vm.engineListener().recognitionFailed("Letters cannot be read: the last 30 frames all failed.");
        vm.useCamera();
        assertThat(built).hasSize(2);
        assertThat(built.get(0).closed).as("the engine that stopped").isTrue();
        // No camera on this machine: the new engine says so, as at start.
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);
    }

    @Test
    void lookingForCamerasInVainLeavesNoLookingCaption() {
        MainViewModel vm = viewModel(recording(new ArrayList<>()), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start(null);
        vm.useCamera();
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);
        assertThat(vm.sourceDescriptionProperty().get()).isEmpty();
    }

    @Test
    void aTextThatCannotBeSavedIsSaidSoUntilASaveWorksAgain() {
        MainViewModel vm = viewModel(new TextBuffer("HELP"), "unused");
        assertThat(vm.textSaveProblemProperty().get()).isNull();
        vm.textSaveFailed(Path.of("/media/usb/text.txt"), new java.io.IOException("Read-only file system"));
        assertThat(vm.textSaveProblemProperty().get().title()).isEqualTo("Not saved");
        assertThat(vm.textSaveProblemProperty().get().detail()).contains("/media/usb/text.txt")
                .contains("Read-only file system").contains("kept in memory");
        vm.textSaveRecovered();
        assertThat(vm.textSaveProblemProperty().get()).isNull();
        vm.textRestoreFailed(Path.of("/home/a/text.txt"), Path.of("/home/a/text.txt.bad"));
        assertThat(vm.textSaveProblemProperty().get().detail()).contains("text.txt.bad");
        vm.text().edit("HELP!");  // the first change of the new text: the notice has been read
        assertThat(vm.textSaveProblemProperty().get()).isNull();
    }

    @Test
    void aCameraThatStopsSendingPicturesIsSaidSoAfterAFewSeconds() {
        MainViewModel vm = viewModel(recording(new ArrayList<>()), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start("/dev/video0");
        vm.engineListener().sourceOpened("/dev/video0", "Camera /dev/video0", 30);
        long opened = System.nanoTime();
        vm.checkPicture(opened + 1_000_000_000L);
        assertThat(vm.pictureStalledProperty().get()).isNull();
        vm.checkPicture(opened + MainViewModel.PICTURE_STALL_NANOS + 1_000_000_000L);
        assertThat(vm.pictureStalledProperty().get()).contains("No picture from the camera").contains("unplug");
        // Once the source has failed, its panel says what happened instead.
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERA_LOST, ""));
        vm.checkPicture(opened + 10 * MainViewModel.PICTURE_STALL_NANOS);
        assertThat(vm.pictureStalledProperty().get()).isNull();
    }

    @Test
    void gpuIsGreyedOutFromTheStartWhereTheEngineKnowsItCannotRun() {
        Deque<Runnable> background = new ArrayDeque<>();
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = viewModel((settings, text, listener) -> {
            FakeEngine e = new FakeEngine();
            e.gpuReason = Optional.of("no NVIDIA GPU driver was found on this computer");
            built.add(e);
            return e;
        }, new TextBuffer(), Runnable::run, background::add);
        vm.start("/tmp/HELP.mp4");
        assertThat(vm.gpuUnavailableReasonProperty().get()).as("not known before the engine is built").isNull();
        vm.toggleProvider();  // the GPU asked for while the models load
        runAll(background);
        assertThat(vm.gpuUnavailableReasonProperty().get()).isEqualTo("no NVIDIA GPU driver was found on this computer");
        assertThat(vm.requestedProviderProperty().get()).isEqualTo(ExecutionProvider.CPU);
        assertThat(built.get(0).providers).as("no attempt in vain").isEmpty();
        vm.requestProvider(ExecutionProvider.CUDA);
        assertThat(vm.requestedProviderProperty().get()).isEqualTo(ExecutionProvider.CPU);
    }

    @Test
    void gpuAskedForWhileTheModelsLoadIsPassedOnNotRefused() {
        Deque<Runnable> background = new ArrayDeque<>();
        List<FakeEngine> built = new ArrayList<>();
        EngineFactory engines = recording(built);
        MainViewModel vm = viewModel((settings, text, listener) -> {
            Engine e = engines.create(settings, text, listener);
            // As the real engine does once its models are loaded: it says what it runs on.
            listener.providerChanged(ExecutionProvider.CPU, "running on the CPU");
            return e;
        }, new TextBuffer(), Runnable::run, background::add);
        vm.start("/tmp/HELP.mp4");
        vm.toggleProvider();
        runAll(background);
        assertThat(vm.gpuUnavailableReasonProperty().get()).isNull();
        assertThat(vm.requestedProviderProperty().get()).isEqualTo(ExecutionProvider.CUDA);
        assertThat(built.get(0).providers).containsExactly(ExecutionProvider.CUDA);
    }

    @Test
    void typingBeforeTheWindowShowsAWrittenLetterKeepsTheLetter() {
        Deque<Runnable> fx = new ArrayDeque<>();
        TextBuffer buffer = new TextBuffer("HE");
        MainViewModel vm = viewModel(recording(new ArrayList<>()), buffer, fx::add, Runnable::run);
        buffer.append("L");                     // the engine's thread writes L ...
        assertThat(vm.text().getText()).as("... which the window shows a moment later").isEqualTo("HE");
        vm.text().edit("HE!");                  // the user types ! in that moment
        runAll(fx);
        assertThat(buffer.text()).isEqualTo("HE!L");
        assertThat(vm.text().getText()).isEqualTo("HE!L");
    }

    @Test
    void recognitionThatStoppedShowsItsPanelAndRetryBuildsANewEngine() {
        List<FakeEngine> built = new ArrayList<>();
        TextBuffer buffer = new TextBuffer("HEL");
        MainViewModel vm = viewModel(recording(built), buffer, Runnable::run, Runnable::run);
        vm.start("/tmp/HELP.mp4");
        vm.engineListener().recognitionFailed("Letters cannot be read: the last 30 frames all failed (CUDA error).");
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.RECOGNITION);
        assertThat(vm.faultProperty().get().message()).contains("CUDA error").contains("Retry").contains("text is kept");
        vm.retry();
        assertThat(built).hasSize(2);
        assertThat(built.get(0).closed).isTrue();
        assertThat(built.get(1).opened).containsExactly("/tmp/HELP.mp4");
        assertThat(buffer.text()).isEqualTo("HEL");
    }

    @Test
    void retryAfterACameraWasLostLooksForCamerasAgainForEveryWayOfNamingOne() {
        for (String camera : List.of("camera", "camera:1", " camera:0", "/dev/video2")) {
            List<FakeEngine> built = new ArrayList<>();
            MainViewModel vm = viewModel(recording(built), new TextBuffer(), Runnable::run, Runnable::run);
            vm.start(null);
            vm.openSource(camera);
            vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERA_LOST, ""));
            vm.retry();
            // No camera is listed here, so looking again ends on "no camera", not on opening the old name blind.
            assertThat(built.get(0).opened).as(camera).containsExactly(camera);
            assertThat(vm.faultProperty().get().kind()).as(camera).isEqualTo(Fault.Kind.NO_CAMERA);
            vm.shutdown();
        }
    }

    @Test
    void aSourceChosenWhileTheModelsLoadedInVainIsNotOpenedInsteadOfTheNextOneAskedFor() {
        List<CameraInfo> camera = List.of(new CameraInfo("camera:0", "/dev/video0", "Webcam"));
        for (boolean next : new boolean[] {true, false}) {
            Deque<Runnable> background = new ArrayDeque<>();
            List<FakeEngine> built = new ArrayList<>();
            MainViewModel vm = viewModel(failingOnceThenRecording(built), () -> camera, Runnable::run, background::add);
            vm.start(null);
            vm.openSource("/tmp/A.mp4");           // picked while the models load, in vain
            runAll(background);
            assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.MODEL);
            // The models are back; the user opens B from the fault panel, or asks for the camera (Ctrl+K).
            if (next) {
                vm.openSource("/tmp/B.mp4");
            } else {
                vm.useCamera();
            }
            runAll(background);
            assertThat(built.get(0).opened).as("what the user asked for last").containsExactly(next ? "/tmp/B.mp4" : "camera:0");
            vm.shutdown();
        }
    }

    @Test
    void retryOnNoCameraFoundAfterAVideoLooksForCamerasAgainRatherThanPlayingTheVideoAgain() {
        List<FakeEngine> built = new ArrayList<>();
        List<CameraInfo> plugged = new ArrayList<>();
        MainViewModel vm = viewModel(recording(built), () -> List.copyOf(plugged), Runnable::run, Runnable::run);
        vm.start("/tmp/HELP.mp4");
        vm.engineListener().endOfStream();
        vm.useCamera();                            // Ctrl+K with no webcam plugged in
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);
        plugged.add(new CameraInfo("camera:0", "/dev/video0", "Webcam"));
        vm.retry();                                // as the panel says: plug one in and press Retry
        assertThat(built.get(0).opened).containsExactly("/tmp/HELP.mp4", "camera:0");
    }

    @Test
    void afterRecognitionStoppedItsSourceIsStoppedAndItsNewsHidesNothing() {
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = viewModel(recording(built), List::of, Runnable::run, Runnable::run);
        vm.start("/tmp/HELP.mp4");
        vm.engineListener().sourceOpened("/tmp/HELP.mp4", "HELP.mp4", 30);
        vm.engineListener().recognitionFailed("Letters cannot be read: the last 30 frames all failed (CUDA error).");
        assertThat(built.get(0).stops).as("no frame read right again writes behind the panel").isEqualTo(1);
        // News the dead engine's source was already sending: none of it may hide the fault or end the state.
        vm.engineListener().sourceOpening("/tmp/HELP.mp4");
        vm.engineListener().sourceOpened("/tmp/HELP.mp4", "HELP.mp4", 30);
        vm.engineListener().endOfStream();
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERA_LOST, ""));
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.RECOGNITION);
        assertThat(vm.sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.FAILED);
        vm.retry();
        assertThat(built).as("Retry builds a new engine").hasSize(2);
        assertThat(built.get(1).opened).containsExactly("/tmp/HELP.mp4");
    }

    @Test
    void onlyASourceThatOpenedIsOfferedAgain() throws Exception {
        Path good = Files.createFile(home.resolve("HELP.mp4"));
        Path bad = Files.createFile(home.resolve("bad.mp4"));
        MainViewModel vm = viewModel(recording(new ArrayList<>()), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start(null);
        vm.openSource(good.toString());
        vm.engineListener().sourceOpened(good.toString(), "video HELP.mp4", 30);
        assertThat(vm.recentFileProperty().get()).isEqualTo(good.toString());
        vm.openSource(bad.toString());
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.UNREADABLE_VIDEO, "bad.mp4 is damaged."));
        assertThat(vm.recentFileProperty().get()).as("Open again: the last file that played").isEqualTo(good.toString());
        vm.shutdown();
        assertThat(Files.readString(home.resolve("ui.properties"))).doesNotContain("bad.mp4");
    }

    @Test
    void aCameraIsMirroredLikeASelfieAndARecordingIsShownAsMadeEachRemembered() {
        MainViewModel vm = viewModel(recording(new ArrayList<>()), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start(null);
        assertThat(vm.mirroredProperty().get()).as("the camera, by default").isTrue();
        vm.openSource("/tmp/HELP.mp4");
        assertThat(vm.mirroredProperty().get()).as("a recording, by default").isFalse();
        vm.toggleMirror();
        assertThat(vm.mirroredProperty().get()).isTrue();
        vm.openSource("camera:0");
        assertThat(vm.mirroredProperty().get()).as("the camera's own choice").isTrue();
        vm.toggleMirror();
        vm.openSource("/tmp/JUMP.mp4");
        assertThat(vm.mirroredProperty().get()).as("files: as last chosen for a file").isTrue();
        vm.shutdown();

        MainViewModel next = viewModel(recording(new ArrayList<>()), new TextBuffer(), Runnable::run, Runnable::run);
        next.start(null);
        assertThat(next.mirroredProperty().get()).as("the camera's choice, the next run").isFalse();
        next.openSource("/tmp/HELP.mp4");
        assertThat(next.mirroredProperty().get()).as("the files' choice, the next run").isTrue();
    }

    @Test
    void aFaultNamesTheFileNotItsWholePath() {
        MainViewModel vm = viewModel(recording(new ArrayList<>()), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start(null);
        vm.openSource("/home/teacher/Videos/lesson 3/ZEBRA.mp4");
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.VIDEO_CUT_SHORT,
                "The video /home/teacher/Videos/lesson 3/ZEBRA.mp4 ended after 73 of its 120 frames."));
        assertThat(vm.faultProperty().get().message()).isEqualTo("The video ZEBRA.mp4 ended after 73 of its 120 frames.");
    }

    @Test
    void aCameraThatFailedIsNotRememberedBecauseTheOneBeforeItOpenedLate() {
        Deque<Runnable> fx = new ArrayDeque<>();
        MainViewModel vm = viewModel(recording(new ArrayList<>()), new TextBuffer(), fx::add, Runnable::run);
        vm.start(null);
        runAll(fx);
        vm.openSource("camera:0");
        vm.engineListener().sourceOpened("camera:0", "Camera 0", 30);   // on its way to the FX thread ...
        vm.openSource("camera:1");                                      // ... when the user picks another
        runAll(fx);
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERA_BUSY, ""));
        runAll(fx);
        assertThat(vm.settingsProperty().get().camera()).as("the camera to open at the next start").isEqualTo("camera:0");
    }

    private static void runAll(Deque<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.removeFirst().run();
        }
    }

    // ------------------------------------------------ a user's actions at awkward moments (a helper's review)

    private static final CameraInfo LAPTOP = new CameraInfo("camera:0", "/dev/video0", "Laptop camera");
    private static final CameraInfo USB = new CameraInfo("camera:1", "/dev/video2", "USB webcam");

    @Test
    void retryOnABusyCameraTriesThatCameraAgainNotTheFirst() {
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = viewModel(recording(built), () -> List.of(LAPTOP, USB), Runnable::run, Runnable::run);
        vm.start(null);
        vm.engineListener().sourceOpened("camera:0", "Laptop camera", 30);
        vm.openCamera(USB);
        vm.engineListener().sourceOpening("camera:1");
        vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.CAMERA_BUSY, "busy"));
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.CAMERA_BUSY);
        vm.retry();
        assertThat(built.get(0).opened).as("Retry on the USB webcam's busy panel").last().isEqualTo("camera:1");
    }

    @Test
    void noCameraFoundWhileTheModelsLoadIsNotPlayedOverByTheStartSource() {
        List<FakeEngine> built = new ArrayList<>();
        Deque<Runnable> background = new ArrayDeque<>();
        MainViewModel vm = viewModel(recording(built), List::of, Runnable::run, background::add);
        vm.start("/tmp/HELP.mp4");
        vm.useCamera();
        // Listing cameras takes milliseconds, loading the models a second or two: the list comes back first.
        background.removeLast().run();
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);
        runAll(background);
        assertThat(built.get(0).opened).as("the last thing asked for was a camera, and there is none").isEmpty();
        assertThat(vm.faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);

        // Where there is one, the camera asked for wins over the start source.
        List<FakeEngine> builtToo = new ArrayList<>();
        Deque<Runnable> backgroundToo = new ArrayDeque<>();
        MainViewModel withCamera = viewModel(recording(builtToo), () -> List.of(LAPTOP), Runnable::run, backgroundToo::add);
        withCamera.start("/tmp/HELP.mp4");
        withCamera.useCamera();
        backgroundToo.removeLast().run();
        runAll(backgroundToo);
        assertThat(builtToo.get(0).opened).containsExactly("camera:0");
    }

    @Test
    void theAnswerToACpuRequestMadeBeforeTheLastGpuOneIsNoRefusal() {
        // Where CUDA works: Ctrl+G three times while the first switch (CUDA's start-up) takes its seconds.
        List<FakeEngine> built = new ArrayList<>();
        MainViewModel vm = viewModel(recording(built), new TextBuffer(), Runnable::run, Runnable::run);
        vm.start("/tmp/HELP.mp4");
        vm.toggleProvider();
        vm.toggleProvider();
        vm.toggleProvider();
        assertThat(built.get(0).providers).containsExactly(ExecutionProvider.CUDA, ExecutionProvider.CPU,
                ExecutionProvider.CUDA);
        // The engine answers each switch in turn (RecognitionEngine.setProvider).
        vm.engineListener().providerChanged(ExecutionProvider.CUDA, "running on the NVIDIA GPU (CUDA)");
        vm.engineListener().providerChanged(ExecutionProvider.CPU, "running on the CPU");
        assertThat(vm.gpuUnavailableReasonProperty().get()).as("the CPU was asked for").isNull();
        vm.engineListener().providerChanged(ExecutionProvider.CUDA, "running on the NVIDIA GPU (CUDA)");
        assertThat(vm.gpuUnavailableReasonProperty().get()).isNull();
        assertThat(vm.requestedProviderProperty().get()).isEqualTo(ExecutionProvider.CUDA);

        // And the CPU as the answer to the GPU is a refusal, as before.
        vm.toggleProvider();
        vm.toggleProvider();
        vm.engineListener().providerChanged(ExecutionProvider.CPU, "running on the CPU");
        vm.engineListener().providerChanged(ExecutionProvider.CPU, "CUDA could not start: no driver");
        assertThat(vm.gpuUnavailableReasonProperty().get()).isEqualTo("CUDA could not start: no driver");
        assertThat(vm.requestedProviderProperty().get()).isEqualTo(ExecutionProvider.CPU);
    }

    @Test
    void newsOfTheSourceLeftForALookForCamerasDoesNotHideItsAnswer() {
        // A video opens or ends just as Ctrl+K finds no camera; its news reaches the window after the answer.
        for (String news : new String[] {"opened", "ended", "failed"}) {
            List<FakeEngine> built = new ArrayList<>();
            Deque<Runnable> fx = new ArrayDeque<>();
            MainViewModel vm = viewModel(recording(built), List::of, fx::add, Runnable::run);
            vm.start("/tmp/HELP.mp4");
            runAll(fx);
            vm.engineListener().sourceOpening("/tmp/HELP.mp4");
            runAll(fx);
            vm.useCamera();
            switch (news) {
                case "opened" -> vm.engineListener().sourceOpened("/tmp/HELP.mp4", "video HELP.mp4", 30);
                case "ended" -> vm.engineListener().endOfStream();
                default -> vm.engineListener().sourceFailed(new CaptureException(CaptureException.Kind.VIDEO_CUT_SHORT, "cut"));
            }
            runAll(fx);
            assertThat(built.get(0).stops).as(news + ": the video was stopped").isEqualTo(1);
            assertThat(vm.faultProperty().get()).as(news).isNotNull();
            assertThat(vm.faultProperty().get().kind()).as(news).isEqualTo(Fault.Kind.NO_CAMERA);
            assertThat(vm.sourceStateProperty().get()).as(news).isEqualTo(MainViewModel.SourceState.FAILED);

            // The next source's news is heard again.
            vm.openSource("/tmp/JUMP.mp4");
            vm.engineListener().sourceOpening("/tmp/JUMP.mp4");
            vm.engineListener().sourceOpened("/tmp/JUMP.mp4", "video JUMP.mp4", 30);
            runAll(fx);
            assertThat(vm.sourceStateProperty().get()).as(news).isEqualTo(MainViewModel.SourceState.PLAYING);
        }
    }

    @Test
    void aFileAskedForJustBeforeALookForCamerasIsOldNewsToo() {
        // The file's open() still waits on the source-command queue (open() waits up to 2 s for a camera left to be
        // released) when Ctrl+K looks for cameras and finds none; then the open runs, and the look's stop after it.
        Deque<Runnable> fx = new ArrayDeque<>();
        Deque<Runnable> background = new ArrayDeque<>();
        List<String> calls = new ArrayList<>();
        MainViewModel[] vm = new MainViewModel[1];
        vm[0] = viewModel((settings, text, listener) -> new FakeEngine() {
            @Override
            public void open(String spec) {
                calls.add("open " + spec);
                // As RecognitionEngine does: "opening" at once, "opened" from its capture loop.
                listener.sourceOpening(spec);
                listener.sourceOpened(spec, "video " + spec, 30);
            }

            @Override
            public void stop() {
                calls.add("stop");
            }
        }, List::of, fx::add, background::add);
        vm[0].start("/tmp/HELP.mp4");
        drain(fx, background);
        assertThat(vm[0].sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.PLAYING);

        vm[0].openSource("/tmp/JUMP.mp4");
        vm[0].useCamera();
        background.removeLast().run();    // the camera list comes back first
        runAll(fx);
        assertThat(vm[0].faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);
        drain(fx, background);
        assertThat(calls).containsExactly("open /tmp/HELP.mp4", "open /tmp/JUMP.mp4", "stop");
        assertThat(vm[0].faultProperty().get()).as("the answer to the look").isNotNull();
        assertThat(vm[0].sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.FAILED);

        // A file asked for after the look is heard of again.
        vm[0].openSource("/tmp/WORLD.mp4");
        drain(fx, background);
        assertThat(vm[0].sourceStateProperty().get()).isEqualTo(MainViewModel.SourceState.PLAYING);
    }

    private static void drain(Deque<Runnable> fx, Deque<Runnable> background) {
        while (!fx.isEmpty() || !background.isEmpty()) {
            runAll(background);
            runAll(fx);
        }
    }

    /** Records what the view-model asks of it; no models, no threads. */
    private static class FakeEngine implements Engine {
        final List<String> opened = new ArrayList<>();
        final List<ExecutionProvider> providers = new ArrayList<>();
        final List<CommitSettings> commitSettings = new ArrayList<>();
        Optional<String> gpuReason = Optional.empty();
        boolean closed;
        private RecognitionMode mode = RecognitionMode.FRAME;
        private boolean writing = true;

        @Override
        public void open(String sourceSpec) {
            opened.add(sourceSpec);
        }

        int stops;

        @Override
        public void stop() {
            stops++;
        }

        @Override
        public void setMode(RecognitionMode mode) {
            this.mode = mode;
        }

        @Override
        public RecognitionMode mode() {
            return mode;
        }

        @Override
        public void setSigningHand(SigningHand hand) {
        }

        @Override
        public void setWriting(boolean writing) {
            this.writing = writing;
        }

        @Override
        public boolean isWriting() {
            return writing;
        }

        @Override
        public void setProvider(ExecutionProvider provider) {
            providers.add(provider);
        }

        @Override
        public void setCommitSettings(CommitSettings commit) {
            commitSettings.add(commit);
        }

        @Override
        public Optional<String> gpuUnavailableReason() {
            return gpuReason;
        }

        @Override
        public String modelDescription() {
            return "fake";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void textCommandsEditTheBufferAndUndoTakesThemBack() {
        TextBuffer buffer = new TextBuffer();
        MainViewModel vm = viewModel(buffer, "unused");
        buffer.append("HELP");
        assertThat(vm.text().getText()).isEqualTo("HELP");
        vm.text().backspace();
        assertThat(buffer.text()).isEqualTo("HEL");
        vm.text().clear();
        assertThat(vm.text().getText()).isEmpty();
        vm.text().undo();
        assertThat(vm.text().getText()).isEqualTo("HEL");
        vm.text().edit("HELLO");
        assertThat(buffer.text()).isEqualTo("HELLO");
        assertThat(vm.text().canUndoProperty().get()).isTrue();
    }
}
