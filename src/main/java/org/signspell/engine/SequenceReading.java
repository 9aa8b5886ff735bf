package org.signspell.engine;

import org.signspell.letters.LetterClass;
import org.signspell.letters.LetterModel;
import org.signspell.letters.Prediction;

/**
 * Sequence mode's answer for a window: the letter model on the whole window, except that a Z needs a path
 * drawn in the air.
 *
 * <p>Normalisation takes the hand's place and size out of what the model reads, so to the model a Z is an
 * index finger that turns while it points, and a pointing index held still (X, G, P, D) can come out as Z:
 * held still for a window, 50 of 1,079 static-letter photos of signers the model never saw (roboflow; X 27
 * times) and 25 of 712 (t32rahman) were read as Z. A real Z moves the fingertip across the image: over a
 * window it travels 1.3 hand sizes or more in the CSV signer's Z, and 0.31–1.01 in the t32rahman signer's,
 * who draws it small and toward the camera. Below {@link #MIN_Z_TIP_TRAVEL} the hand drew nothing, and the
 * latest frame is read on its own, as per-frame mode reads it (which never answers Z).
 */
final class SequenceReading {
    /** Fingertip travel over a window, in hand sizes, below which no Z was drawn. */
    static final float MIN_Z_TIP_TRAVEL = 0.25f;

    private SequenceReading() {
    }

    /**
     * @param windowValues scratch space for {@code window.capacity()} normalised frames
     * @param latestFrame  the normalised values of the frame appended last
     */
    static Prediction read(LetterModel model, SequenceWindow window, float[] windowValues,
                           float[] latestFrame) {
        window.copyWindow(windowValues);
        Prediction whole = model.predict(windowValues, window.capacity());
        if (whole.letter() == LetterClass.Z && window.tipTravel() < MIN_Z_TIP_TRAVEL) {
            return model.predict(latestFrame, 1);
        }
        return whole;
    }
}
