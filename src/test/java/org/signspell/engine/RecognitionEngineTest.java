package org.signspell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.capture.CaptureException;
import org.signspell.fixtures.WordFixtures;
import org.signspell.letters.ExecutionProvider;
import org.signspell.spelling.TextBuffer;

/** The threaded engine as the app runs it: capture thread, hand-off, inference thread, listener. */
class RecognitionEngineTest {

    /** Records what the engine reports. */
    private static final class Recorder implements EngineListener {
        final CountDownLatch ended = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);
        final AtomicReference<CaptureException> failure = new AtomicReference<>();
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger predictions = new AtomicInteger();
        final List<RecognitionMode> modes = new CopyOnWriteArrayList<>();
        final AtomicReference<ExecutionProvider> provider = new AtomicReference<>();

        @Override
        public void sourceFailed(CaptureException error) {
            failure.set(error);
            failed.countDown();
        }

        @Override
        public void endOfStream() {
            ended.countDown();
        }

        @Override
        public void frameProcessed(FrameResult result, Mat bgr) {
            assertThat(bgr.cols()).isEqualTo(result.width());
            frames.incrementAndGet();
            if (result.prediction() != null) {
                predictions.incrementAndGet();
            }
            modes.add(result.mode());
        }

        @Override
        public void providerChanged(ExecutionProvider active, String note) {
            provider.set(active);
        }
    }

    @Test
    void spellsAWordFromAVideoPlayedInRealTime() throws Exception {
        Recorder recorder = new Recorder();
        TextBuffer text = new TextBuffer();
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), text, recorder)) {
            assertThat(recorder.provider.get()).isEqualTo(ExecutionProvider.CPU);
            engine.open(WordFixtures.video("HELP").toString());
            assertThat(recorder.ended.await(60, TimeUnit.SECONDS)).as("the video plays to its end").isTrue();
            Thread.sleep(300);
        }
        assertThat(recorder.frames.get()).isPositive();
        assertThat(text.text()).isEqualTo("HELP");
    }

    @Test
    void aListenerThatFailsOnOneFrameDoesNotEndRecognition() throws Exception {
        // The window's frame hand-off throwing once (an OpenCV error, say) used to end the inference thread:
        // the picture froze and nothing more was written.
        Recorder recorder = new Recorder();
        AtomicInteger seen = new AtomicInteger();
        EngineListener failingOnce = new EngineListener() {
            @Override
            public void endOfStream() {
                recorder.endOfStream();
            }

            @Override
            public void frameProcessed(FrameResult result, Mat bgr) {
                if (seen.incrementAndGet() == 5) {
                    throw new IllegalStateException("the window could not take frame 5");
                }
                recorder.frameProcessed(result, bgr);
            }
        };
        TextBuffer text = new TextBuffer();
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), text, failingOnce)) {
            engine.open(WordFixtures.video("HELP").toString());
            assertThat(recorder.ended.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
        }
        assertThat(recorder.frames.get()).as("frames after the failing one").isGreaterThan(10);
        assertThat(text.text()).isEqualTo("HELP");
    }

    @Test
    void nothingOfASourceLeftComesAfterStopReturns() throws Exception {
        // A frame being read when Stop (or a switch) came used to be passed on after it: the window, already told
        // of the next source, took its letter and hold for that source's, and called it playing.
        Recorder recorder = new Recorder();
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), new TextBuffer(), recorder)) {
            for (int round = 0; round < 8; round++) {
                int before = recorder.frames.get();
                engine.open(WordFixtures.video("HELP").toString());
                // Stopped at a different point of a frame's reading each round.
                while (recorder.frames.get() < before + 5 + round % 3) {
                    Thread.sleep(1);
                }
                Thread.sleep(round * 4L);
                engine.stop();
                int atStop = recorder.frames.get();
                Thread.sleep(150);
                assertThat(recorder.frames.get()).as("frames passed on after stop() returned, round " + round)
                        .isEqualTo(atStop);
            }
        }
    }

    @Test
    void blackAndWhitePicturesAreSaidOncePerSource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // 3 s of frames: black and white is said after a second of it, even if a loaded machine drops half.
        java.nio.file.Path grey = WordFixtures.framesChanged("HELP", dir.resolve("grey"), 90, (bgr, out) ->
                org.bytedeco.opencv.global.opencv_imgproc.cvtColor(bgr, out,
                        org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY));
        List<String> said = new CopyOnWriteArrayList<>();
        Semaphore ended = new Semaphore(0);
        EngineListener listener = new EngineListener() {
            @Override
            public void pictureProblem(org.signspell.hands.PictureCheck.Problem problem) {
                said.add(problem.message());
            }

            @Override
            public void endOfStream() {
                ended.release();
            }
        };
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), new TextBuffer(), listener)) {
            engine.open(grey.toString());
            assertThat(ended.tryAcquire(60, TimeUnit.SECONDS)).isTrue();
            engine.open(WordFixtures.frames("HELP").toString());
            assertThat(ended.tryAcquire(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).startsWith("Black-and-white pictures");
    }

    @Test
    void aModeSwitchTakesEffectOnTheNextFrames() throws Exception {
        Recorder recorder = new Recorder();
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), new TextBuffer(), recorder)) {
            engine.open(WordFixtures.video("WORLD").toString());
            while (recorder.frames.get() < 10 && recorder.ended.getCount() > 0) {
                Thread.sleep(20);
            }
            engine.setMode(RecognitionMode.SEQUENCE);
            int switchedAt = recorder.frames.get();
            assertThat(recorder.ended.await(60, TimeUnit.SECONDS)).isTrue();
            // A snapshot: the inference thread may still deliver the last frame after the end is reported.
            List<RecognitionMode> modes = List.copyOf(recorder.modes);
            assertThat(modes.subList(0, 5)).containsOnly(RecognitionMode.FRAME);
            assertThat(modes.subList(switchedAt + 2, modes.size())).isNotEmpty().containsOnly(RecognitionMode.SEQUENCE);
        }
    }

    @Test
    void withWritingOffLettersAreReadButNotWrittenUntilItIsBackOn() throws Exception {
        TextBuffer text = new TextBuffer("kept ");
        Recorder paused = new Recorder();
        Recorder resumed = new Recorder();
        AtomicReference<Recorder> current = new AtomicReference<>(paused);
        EngineListener forward = new EngineListener() {
            @Override
            public void endOfStream() {
                current.get().endOfStream();
            }

            @Override
            public void frameProcessed(FrameResult result, Mat bgr) {
                current.get().frameProcessed(result, bgr);
            }
        };
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), text, forward)) {
            engine.setWriting(false);
            engine.open(WordFixtures.video("HELP").toString());
            assertThat(paused.ended.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(paused.predictions.get()).as("letters are still read").isGreaterThan(30);
            assertThat(text.text()).as("nothing written while writing is off").isEqualTo("kept ");

            current.set(resumed);
            engine.setWriting(true);
            engine.open(WordFixtures.video("HELP").toString());
            assertThat(resumed.ended.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
        }
        assertThat(text.text()).isEqualTo("kept HELP");
    }

    @Test
    void aMissingCameraIsReportedAndTheEngineCarriesOnWithAVideo() throws Exception {
        Recorder recorder = new Recorder();
        TextBuffer text = new TextBuffer("kept ");
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), text, recorder)) {
            engine.open("/dev/video9");
            assertThat(recorder.failed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(recorder.failure.get().getMessage()).doesNotContain("Exception");
            engine.open(WordFixtures.video("HELP").toString());
            assertThat(recorder.ended.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
        }
        assertThat(text.text()).isEqualTo("kept HELP");
    }

    @Test
    void lettersFromAnotherSourceOrAVideoPlayedAgainBeginAWord() throws Exception {
        Semaphore ends = new Semaphore(0);
        EngineListener listener = new EngineListener() {
            @Override
            public void endOfStream() {
                ends.release();
            }
        };
        TextBuffer text = new TextBuffer("HI");
        try (RecognitionEngine engine = RecognitionEngine.start(EngineSettings.defaults(), text, listener)) {
            engine.open(WordFixtures.video("HELP").toString());
            assertThat(ends.tryAcquire(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(text.text()).as("text from before is another word").isEqualTo("HI HELP");
            engine.open(WordFixtures.video("HELP").toString());
            assertThat(ends.tryAcquire(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
        }
        assertThat(text.text()).as("the video played again").isEqualTo("HI HELP HELP");
    }

    @Test
    void onlyTheSameCameraReopenedGoesOnWithItsWord() {
        assertThat(RecognitionEngine.startsAWord("/dev/video0", "/dev/video0", false)).isFalse();
        assertThat(RecognitionEngine.startsAWord("camera:0", "camera:0", false)).isFalse();
        assertThat(RecognitionEngine.startsAWord("camera:1", "camera:0", false)).isTrue();
        assertThat(RecognitionEngine.startsAWord("/tmp/HELP.mp4", "/tmp/HELP.mp4", false))
                .as("a video opened again mid-way plays from its start").isTrue();
        assertThat(RecognitionEngine.startsAWord("/tmp/HELP.mp4", "/tmp/HELP.mp4", true)).isTrue();
        assertThat(RecognitionEngine.startsAWord("/tmp/HELP.mp4", null, false)).as("the first source").isTrue();
    }
}
