package org.signspell.engine;

import java.util.List;
import org.signspell.hands.HandResult;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;

/**
 * What the engine made of one frame.
 *
 * @param index           frame number within the source
 * @param timestampMicros capture time of the frame
 * @param width           frame width in pixels
 * @param height          frame height in pixels
 * @param hands           hands found, the signing hand first; empty when none
 * @param prediction      the letter model's answer, {@code null} when no hand was found
 * @param mode            the mode that produced {@code prediction}
 * @param holding         the class being held toward commit, {@code null} when none
 * @param holdProgress    0..1, how far {@code holding} is toward being committed
 * @param timings         where the time went
 */
public record FrameResult(long index, long timestampMicros, int width, int height,
                          List<HandResult> hands, Prediction prediction, RecognitionMode mode,
                          LetterClass holding, float holdProgress, StageTimings timings) {

    public FrameResult {
        hands = List.copyOf(hands);
    }

    public boolean hasHand() {
        return !hands.isEmpty();
    }
}
