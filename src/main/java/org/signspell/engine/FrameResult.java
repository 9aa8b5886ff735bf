package org.signspell.engine;

import java.util.List;
import java.util.Objects;
import org.signspell.hands.HandResult;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;
import org.signspell.spelling.HoldProgress;

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
 * @param hold            the class being held toward a commit and how far along, {@link HoldProgress#NONE}
 *                        when none
 * @param motionLetter    in per-frame mode, a letter drawn in the air that only sequence mode reads (Z), found
 *                        by per-frame mode's latest looks at the window (five a second; it may outlast the Z
 *                        by one); {@code null} when none, and always in sequence mode
 * @param timings         where the time went
 */
public record FrameResult(long index, long timestampMicros, int width, int height,
                          List<HandResult> hands, Prediction prediction, RecognitionMode mode,
                          HoldProgress hold, LetterClass motionLetter, StageTimings timings) {

    public FrameResult {
        hands = List.copyOf(hands);
        Objects.requireNonNull(hold, "hold");
    }

    public boolean hasHand() {
        return !hands.isEmpty();
    }
}
