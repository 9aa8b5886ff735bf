package org.signspell.hands;

/**
 * One tracked hand in one frame.
 *
 * @param landmarks       image landmarks, normalised as MediaPipe returns them
 * @param world           world landmarks in metres
 * @param presence        the landmark model's hand-presence score, 0..1
 * @param handedness      MediaPipe's label (see {@link HandTracker} for the mirroring convention)
 * @param handednessScore confidence in that label, 0.5..1
 */
public record HandResult(Landmarks landmarks, Landmarks world, float presence,
                         Handedness handedness, float handednessScore) {
}
