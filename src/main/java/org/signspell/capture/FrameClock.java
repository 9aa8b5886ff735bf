package org.signspell.capture;

/**
 * Turns the time a grabber reports for each frame into the frame's timestamp: first frame at 0 and
 * always increasing, because consumers divide by the difference between two frames and hold letters
 * for so many microseconds.
 *
 * <p>A file's frames are where its stream puts them. Some containers repeat or reorder presentation
 * times; such a frame goes one nominal interval after the last, where a player would show it.
 *
 * <p>A camera's frames are where its driver captured them, as long as the driver's times advance. Some
 * back-ends give none: OpenCV's macOS capture (AVFoundation) answers 0 for every frame. A nominal step
 * would then be a guess that is wrong exactly when it matters, a camera that claims 30 fps but delivers
 * 15 in dim light (the engine's clock would run at half speed) or one that stalls (no gap would be
 * seen), so such a frame goes as long after the last as it arrived after it.
 *
 * <p>Not thread-safe; one per source. Takes and returns primitives only, so it costs nothing per frame.
 */
final class FrameClock {
    private final boolean live;
    private final long nominalIntervalMicros;
    private boolean started;
    private long firstReportedMicros;
    private long lastReportedMicros;
    private long lastArrivalNanos;
    private long lastTimestampMicros;

    private FrameClock(boolean live, long nominalIntervalMicros) {
        this.live = live;
        this.nominalIntervalMicros = nominalIntervalMicros;
    }

    /** Stream times, a repeated or reordered one moved to one interval of {@code frameRate} after the last. */
    static FrameClock forFile(double frameRate) {
        return new FrameClock(false, Math.max(1, Math.round(1_000_000.0 / frameRate)));
    }

    /** Driver times while they advance, arrival times where they do not. */
    static FrameClock forCamera() {
        return new FrameClock(true, 0);
    }

    /**
     * The timestamp of the next frame.
     *
     * @param reportedMicros what the grabber says the frame's time is (for a camera, possibly always 0)
     * @param arrivalNanos   {@link System#nanoTime()} when the grab returned the frame
     * @return microseconds since the first frame, greater than the last one returned
     */
    long stamp(long reportedMicros, long arrivalNanos) {
        if (!started) {
            started = true;
            firstReportedMicros = reportedMicros;
            lastReportedMicros = reportedMicros;
            lastArrivalNanos = arrivalNanos;
            lastTimestampMicros = 0;
            return 0;
        }
        long timestamp;
        if (live) {
            // Steps rather than absolute times, so a driver that gives times for some frames and not others
            // neither jumps back nor leaps between its clock and ours; where every step advances this adds up
            // to exactly the driver's time since the first frame.
            long step = reportedMicros > lastReportedMicros
                    ? reportedMicros - lastReportedMicros
                    : (arrivalNanos - lastArrivalNanos) / 1_000;
            timestamp = lastTimestampMicros + Math.max(1, step);
        } else {
            timestamp = reportedMicros - firstReportedMicros;
            if (timestamp <= lastTimestampMicros) {
                timestamp = lastTimestampMicros + nominalIntervalMicros;
            }
        }
        lastReportedMicros = reportedMicros;
        lastArrivalNanos = arrivalNanos;
        lastTimestampMicros = timestamp;
        return timestamp;
    }
}
