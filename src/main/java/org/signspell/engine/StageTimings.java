package org.signspell.engine;

/**
 * Nanoseconds spent on one frame, per pipeline stage.
 *
 * @param palmRan whether palm detection ran on this frame (it is skipped while a hand is tracked)
 */
public record StageTimings(long trackerNanos, long palmNanos, long landmarkNanos, long letterNanos,
                          long totalNanos, boolean palmRan) {
}
