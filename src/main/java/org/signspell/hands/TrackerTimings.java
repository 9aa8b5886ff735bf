package org.signspell.hands;

/**
 * Where the time of one {@link MediaPipeHandTracker#process} call went, in nanoseconds.
 *
 * @param palmNanos       palm detection: letterbox, model, decoding, suppression (0 when it did not run)
 * @param landmarkNanos   landmark stage for all hands: crop, model, projection, next ROI
 * @param preprocessNanos image preparation alone (letterbox and crops, colour order, float conversion)
 * @param totalNanos      the whole call
 * @param palmRan         whether palm detection ran on this frame
 * @param modelNanos      time inside the interpreters' {@code Invoke()}, both models together
 */
public record TrackerTimings(long palmNanos, long landmarkNanos, long preprocessNanos, long totalNanos,
                             boolean palmRan, long modelNanos) {

    public static final TrackerTimings NONE = new TrackerTimings(0, 0, 0, 0, false, 0);
}
