package org.signspell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signspell.capture.CapturedFrame;
import org.signspell.capture.VideoFileSource;
import org.signspell.fixtures.WordFixtures;
import org.signspell.letters.LetterClass;
import org.signspell.spelling.CommitSettings;

/**
 * Per-frame mode's look for a Z in the window ({@link FrameResult#motionLetter()}), on ZEBRA: real webcam frames,
 * its first two seconds a Z. The CLI's note and the app's button are tested where they are shown.
 */
class PerFrameZNoteTest {

    /** Time stamps, in seconds, of the frames whose result carries a Z. */
    private static List<Double> framesWithAZ(FrameProcessor processor) throws Exception {
        List<Double> seen = new ArrayList<>();
        try (VideoFileSource video = VideoFileSource.open(WordFixtures.video("ZEBRA"), false)) {
            for (CapturedFrame f; (f = video.next()) != null; ) {
                FrameResult r = processor.process(f.bgr(), f.index(), f.timestampMicros()).result();
                if (r.motionLetter() != null) {
                    assertThat(r.motionLetter()).isEqualTo(LetterClass.Z);
                    seen.add(r.timestampMicros() / 1e6);
                }
            }
        }
        return seen;
    }

    @Test
    void perFrameModeSeesTheZWhileItIsDrawnAndSequenceModeHasNothingToNote() throws Exception {
        double zEnds = WordFixtures.layout("ZEBRA").get(0).endMicros() / 1e6;
        try (FrameProcessor processor = FrameProcessor.open(EngineSettings.defaults().withMode(RecognitionMode.FRAME))) {
            List<Double> seen = framesWithAZ(processor);
            System.out.printf("ZEBRA per frame: a Z on %d frames, %.2f–%.2f s%n", seen.size(), seen.get(0),
                    seen.get(seen.size() - 1));
            assertThat(seen).hasSizeGreaterThan(20).allSatisfy(t -> assertThat(t).isLessThan(zEnds + 0.35));

            // Played again after reset() (a new source): the same, from a clean start.
            processor.reset();
            assertThat(framesWithAZ(processor)).isEqualTo(seen);

            processor.setMode(RecognitionMode.SEQUENCE);
            assertThat(framesWithAZ(processor)).as("sequence mode writes the Z itself").isEmpty();
        }
    }

    @Test
    void aZIsNotedOnlyAfterTwoLooksInARowAndAResetForgetsIt() throws Exception {
        double firstRead;
        try (FrameProcessor processor = FrameProcessor.open(EngineSettings.defaults().withMode(RecognitionMode.SEQUENCE))) {
            firstRead = firstSequenceZ(processor);
        }
        try (FrameProcessor processor = FrameProcessor.open(EngineSettings.defaults().withMode(RecognitionMode.FRAME))) {
            double firstNoted = framesWithAZ(processor).get(0);
            System.out.printf("ZEBRA: sequence mode reads its Z from %.2f s, per frame notes it from %.2f s%n",
                    firstRead, firstNoted);
            // A look five times a second: the second look that agrees comes a fifth of a second after the first.
            assertThat(firstNoted).isGreaterThanOrEqualTo(firstRead + 0.15);

            // A new source whose clock runs on (a camera opened again, say) starts with nothing noted, though the
            // next look is not due yet. (reset() forgets it; so does the frame with no hand that the tracker,
            // reset too, gives first here: either alone keeps this true.)
            processor.reset();
            try (VideoFileSource video = VideoFileSource.open(WordFixtures.video("ZEBRA"), false)) {
                long t = 0;
                FrameResult before = null;
                for (CapturedFrame f; (f = video.next()) != null && f.timestampMicros() <= 1_500_000; ) {
                    t = f.timestampMicros();
                    before = processor.process(f.bgr(), f.index(), t).result();
                }
                assertThat(before.motionLetter()).isEqualTo(LetterClass.Z);
                processor.reset();
                List<LetterClass> afterReset = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    CapturedFrame f = video.next();
                    FrameResult r = processor.process(f.bgr(), i, t + i * 33_333L).result();
                    if (r.hasHand()) {
                        afterReset.add(r.motionLetter());
                    }
                }
                assertThat(afterReset).as("frames with a hand after the reset").isNotEmpty().containsOnlyNulls();
            }
        }
    }

    /** When sequence mode's reading of ZEBRA first says Z at the commit confidence, in seconds. */
    private static double firstSequenceZ(FrameProcessor processor) throws Exception {
        float threshold = CommitSettings.DEFAULTS.confidenceThreshold();
        try (VideoFileSource video = VideoFileSource.open(WordFixtures.video("ZEBRA"), false)) {
            for (CapturedFrame f; (f = video.next()) != null; ) {
                FrameResult r = processor.process(f.bgr(), f.index(), f.timestampMicros()).result();
                if (r.prediction() != null && r.prediction().letter() == LetterClass.Z
                        && r.prediction().confidence() >= threshold) {
                    return r.timestampMicros() / 1e6;
                }
            }
        }
        throw new AssertionError("sequence mode never read ZEBRA's Z");
    }

    @Test
    void theConfidenceNeededIsTheCommitThresholdInForceEvenWhenChangedWhileRunning() throws Exception {
        try (FrameProcessor processor = FrameProcessor.open(EngineSettings.defaults().withMode(RecognitionMode.FRAME))) {
            // No reading is 100 % sure: nothing sequence mode would write, so nothing to note.
            processor.setCommitSettings(CommitSettings.DEFAULTS.withConfidenceThreshold(1.0f));
            assertThat(framesWithAZ(processor)).isEmpty();
        }
    }
}
