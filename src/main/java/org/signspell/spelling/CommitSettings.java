package org.signspell.spelling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link CommitPolicy} turns a stream of predictions into text. Immutable; every duration is
 * wall time measured from frame time stamps, so the same settings behave the same at any frame rate.
 *
 * @param confidenceThreshold a frame supports a class only when that class is top-1 with at least this
 *                            probability, in (0, 1]
 * @param stabilityWindow     how long a class must stay supported before it is committed
 * @param repeatAfter         when present, holding a committed class on for this much longer commits it
 *                            again (so "LL" can be spelled); empty: a held class commits once
 * @param glitchTolerance     interruptions of a hold (low confidence, another class, no hand) lasting in
 *                            total at most this long between two commits are forgiven; the default covers one
 *                            dropped frame at 15 fps, and {@link CommitPolicy} stretches it to one frame at
 *                            slower rates. Zero: every frame of the window must agree. Must be shorter than
 *                            the stability window
 * @param maxFrameGap         a longer gap between two consecutive time stamps (a paused video, a stalled
 *                            camera) or a time stamp going backwards is a discontinuity: nothing before it
 *                            counts as holding
 * @param autoSpaceAfter      when present, a no-hand pause this long after a letter inserts one space;
 *                            empty (the default): pauses insert nothing
 */
public record CommitSettings(
        float confidenceThreshold,
        Duration stabilityWindow,
        Optional<Duration> repeatAfter,
        Duration glitchTolerance,
        Duration maxFrameGap,
        Optional<Duration> autoSpaceAfter) {

    /** Longer settings are taken for a unit mistake (milliseconds given as seconds, say) and refused. */
    private static final Duration LONGEST = Duration.ofHours(1);

    public static final CommitSettings DEFAULTS = new CommitSettings(
            0.7f,
            Duration.ofMillis(400),
            Optional.of(Duration.ofMillis(1200)),
            Duration.ofMillis(70),
            Duration.ofMillis(250),
            Optional.empty());

    public CommitSettings {
        if (!(confidenceThreshold > 0f && confidenceThreshold <= 1f)) {
            throw new IllegalArgumentException("confidence threshold must be in (0, 1], got " + confidenceThreshold);
        }
        requirePositive("stability window", stabilityWindow);
        Objects.requireNonNull(repeatAfter, "repeatAfter (use Optional.empty() for no repeat)");
        repeatAfter.ifPresent(d -> requirePositive("repeat delay", d));
        Objects.requireNonNull(glitchTolerance, "glitch tolerance");
        if (glitchTolerance.isNegative()) {
            throw new IllegalArgumentException("glitch tolerance must not be negative, got " + glitchTolerance);
        }
        if (glitchTolerance.compareTo(stabilityWindow) >= 0) {
            throw new IllegalArgumentException("glitch tolerance (" + glitchTolerance
                    + ") must be shorter than the stability window (" + stabilityWindow + ")");
        }
        requirePositive("max frame gap", maxFrameGap);
        Objects.requireNonNull(autoSpaceAfter, "autoSpaceAfter (use Optional.empty() for no auto space)");
        autoSpaceAfter.ifPresent(d -> requirePositive("auto-space pause", d));
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        if (d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(what + " must be at most " + LONGEST + ", got " + d);
        }
    }

    public CommitSettings withConfidenceThreshold(float threshold) {
        return new CommitSettings(threshold, stabilityWindow, repeatAfter, glitchTolerance, maxFrameGap, autoSpaceAfter);
    }

    public CommitSettings withStabilityWindow(Duration window) {
        return new CommitSettings(confidenceThreshold, window, repeatAfter, glitchTolerance, maxFrameGap, autoSpaceAfter);
    }

    public CommitSettings withRepeatAfter(Duration delay) {
        return new CommitSettings(confidenceThreshold, stabilityWindow, Optional.of(delay), glitchTolerance,
                maxFrameGap, autoSpaceAfter);
    }

    public CommitSettings withoutRepeat() {
        return new CommitSettings(confidenceThreshold, stabilityWindow, Optional.empty(), glitchTolerance,
                maxFrameGap, autoSpaceAfter);
    }

    public CommitSettings withGlitchTolerance(Duration tolerance) {
        return new CommitSettings(confidenceThreshold, stabilityWindow, repeatAfter, tolerance, maxFrameGap, autoSpaceAfter);
    }

    /**
     * The max frame gap in the unit of frame time stamps (microseconds), for every part of the engine that
     * must agree on what a discontinuity is: the commit policy and the sequence window.
     */
    public long maxFrameGapMicros() {
        return maxFrameGap.toNanos() / 1000;
    }

    public CommitSettings withMaxFrameGap(Duration gap) {
        return new CommitSettings(confidenceThreshold, stabilityWindow, repeatAfter, glitchTolerance, gap, autoSpaceAfter);
    }

    public CommitSettings withAutoSpaceAfter(Duration pause) {
        return new CommitSettings(confidenceThreshold, stabilityWindow, repeatAfter, glitchTolerance, maxFrameGap,
                Optional.of(pause));
    }

    public CommitSettings withoutAutoSpace() {
        return new CommitSettings(confidenceThreshold, stabilityWindow, repeatAfter, glitchTolerance, maxFrameGap,
                Optional.empty());
    }
}
