package org.signspell.spelling;

import java.util.Objects;
import java.util.Optional;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;

/**
 * Turns per-frame predictions into text edits: the commit rules of the text composition.
 *
 * <p>All timing comes from the frames' time stamps, never from frame counts, so a hand signed the same way
 * commits the same letters at 15 or 60 fps. The rules, with the defaults of {@link CommitSettings}:
 * <ul>
 *   <li>A frame <em>supports</em> class C when C is top-1 with probability at least the threshold (0.7).
 *   <li>A <em>hold</em> of C begins at the first frame supporting C and commits C once it has lasted the stability
 *       window (0.4 s), and has two frames at least. Each frame stands for the interval until the next one (the
 *       running mean interval), so a hold lasts from its first frame's time stamp to one interval past its latest
 *       frame's. Measured only between the two stamps, a hold came out one interval short: 33 ms at 30 fps, but 167 ms
 *       at 6 fps, where a letter then needed four frames (held over half a second) instead of three, and a slow laptop
 *       lost the letters signed briskly. Every frame of the hold must support C, except that interruptions (frames
 *       below the threshold, another class, no hand; each frame again standing for its interval) adding up to at most
 *       the glitch tolerance between two commits are forgiven; a longer interruption ends the hold, and the class seen
 *       then starts a new one from its own first frame. An alternation of two classes therefore commits neither
 *       wherever the window spans more than three frames (above 7.5 fps); at 7.5 fps and below, where it spans three
 *       or fewer, two frames of a class around one of another fill it, since one misread frame is forgiven at any
 *       rate.
 *   <li>The glitch tolerance is the setting (70 ms, one frame at 15 fps) or one and a half frame intervals at
 *       the rate the frames actually come, whichever is longer, and never more than the max frame gap or
 *       the stability window. A slow laptop at 8 fps spaces frames 125 ms apart: with a fixed 70 ms one
 *       misread frame would break every hold and re-arm a held letter, spelling "AA" for one long A. So one
 *       misread frame is forgiven at any rate, and below 15 fps two consecutive ones are not. A setting of
 *       zero stays zero: every frame counts.
 *   <li>After a commit C is <em>disarmed</em>. It re-arms when, for longer than the glitch tolerance, the
 *       top-1 class is something else ({@code nothing}, another class at any confidence) or no hand is seen.
 *       A dip in confidence with C still top-1 ends the hold but does not re-arm C.
 *   <li>While disarmed, holding C on for the repeat delay (1.2 s) more commits it again, and again after
 *       each further repeat delay, so "LL" can be spelled; a hold of a disarmed class that was broken and
 *       resumed needs the stability window plus the repeat delay. J and Z never repeat this way: they are
 *       drawn in the air, and a signer drawing a J for two seconds is making one J, not a held key; a
 *       second J or Z needs a re-arm (another class, {@code nothing} or no hand) in between.
 *   <li>{@code space} and {@code del} follow the same rules and produce {@link CommitEvent.Kind#SPACE} and
 *       {@link CommitEvent.Kind#DELETE}; {@code nothing} never commits.
 *   <li>When auto-space is on, a no-hand pause of the set length produces one
 *       {@link CommitEvent.Kind#AUTO_SPACE}, only when a letter has been committed since the last space; the
 *       buffer further refuses it at the start of the text or after white space ({@link TextBuffer#apply}).
 *   <li>A time stamp more than the max frame gap (0.25 s) after the previous one, or before it, is a
 *       discontinuity (a paused video): holds, interruptions and pauses in progress are forgotten and the time
 *       in between never counts as holding; which class is disarmed is kept. Where frames come slower than
 *       that all along (a slow laptop at 3 fps, a folder played at 2 fps), the gap allowed is three frame
 *       intervals instead: the rate is learned from the first interval (which is never a gap, up to a
 *       second, and brought down at once by two quick intervals after it: the first frames after an opening
 *       can come late), or from three intervals in a row of about the same length once a faster rate was known, so
 *       a laptop that slows down mid-session still spells, while one long gap among regular frames stays a
 *       discontinuity. Without this, below 4 fps every frame was a discontinuity and nothing was ever
 *       written, without a word why. Intervals over a second are never taken for a rate.
 * </ul>
 *
 * <p>Deterministic and allocation-free per frame except for the events it returns. Not thread-safe: feed it
 * from one thread (the inference thread); the {@link HoldProgress} it returns is immutable and may be handed
 * to other threads.
 */
public final class CommitPolicy {

    /** A commit point no hold reaches. */
    private static final long NEVER = Long.MAX_VALUE;
    /** At a slow rate a step longer than this many intervals is a discontinuity. */
    private static final long SLOW_RATE_GAP_INTERVALS = 3;
    private static final int SLOW_STEPS_TO_LEARN = 3;
    /** Slower than one frame a second is no frame rate to spell at: such steps are always gaps. */
    private static final long SLOWEST_INTERVAL_MICROS = 1_000_000;

    private CommitSettings settings;
    private float threshold;
    private long windowMicros;
    private long repeatMicros;
    private long toleranceMicros;
    private long maxGapMicros;
    private long autoSpaceMicros;

    /** Running mean of the interval between consecutive frames; 0 until two frames have been seen. */
    private long frameIntervalMicros;
    /** The interval before the latest, 0 when there is none since the rate was last forgotten. */
    private long previousIntervalMicros;
    /** Consecutive discontinuities of about the same length: a slower rate, once there are enough. */
    private int slowSteps;
    private long slowStepMicros;
    /** The glitch tolerance at the current frame rate (see the class comment). */
    private long frameToleranceMicros;

    private boolean started;
    private long lastTimestamp;

    /** Latest run of consecutive frames supporting one class: where a new hold starts when the old one ends. */
    private LetterClass streakClass;
    private long streakStart;

    private LetterClass holdClass;
    private long holdStart;
    private long lastSupportTimestamp;
    /** Interruptions forgiven since the hold began or last committed; the tolerance may grow meanwhile. */
    private long glitchSpent;
    private boolean interrupted;
    private long interruptionStart;
    /** Hold time at which the current progress segment began: 0, or the previous commit point. */
    private long segmentStart;
    /** Hold time at which the hold commits next, or {@link #NEVER}. */
    private long nextCommitAt;

    private LetterClass disarmed;
    private boolean otherTopSeen;
    private long otherTopStart;

    private boolean letterSinceSpace;
    private boolean inNoHandPause;
    private long noHandStart;
    private boolean pauseSpaced;

    public CommitPolicy(CommitSettings settings) {
        use(settings);
        this.frameToleranceMicros = toleranceMicros;
    }

    private void use(CommitSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
        this.threshold = newSettings.confidenceThreshold();
        this.windowMicros = micros(newSettings.stabilityWindow().toNanos());
        this.repeatMicros = newSettings.repeatAfter().map(d -> micros(d.toNanos())).orElse(NEVER);
        this.toleranceMicros = micros(newSettings.glitchTolerance().toNanos());
        this.maxGapMicros = newSettings.maxFrameGapMicros();
        this.autoSpaceMicros = newSettings.autoSpaceAfter().map(d -> micros(d.toNanos())).orElse(NEVER);
    }

    /**
     * New rules from the next frame on, while the source goes on (the app's settings sheet). A hold in progress
     * starts again under them; the letter last written stays disarmed, so a hand still holding it does not
     * write it a second time, and the learned frame rate is kept.
     */
    public void changeSettings(CommitSettings newSettings) {
        use(newSettings);
        forgetTiming();
        if (frameIntervalMicros == 0) {
            frameToleranceMicros = toleranceMicros;
        } else {
            updateTolerance();
        }
    }

    public CommitPolicy() {
        this(CommitSettings.DEFAULTS);
    }

    private static long micros(long nanos) {
        return nanos / 1000;
    }

    public CommitSettings settings() {
        return settings;
    }

    /**
     * Feeds one frame.
     *
     * @param timestampMicros the frame's time stamp
     * @param prediction      the letter model's answer, or null when no hand was found in the frame
     * @return the edit this frame completes, if any (a frame completes at most one)
     */
    public Optional<CommitEvent> accept(long timestampMicros, Prediction prediction) {
        if (started) {
            long step = timestampMicros - lastTimestamp;
            if (frameIntervalMicros == 0 && step > 0 && step <= SLOWEST_INTERVAL_MICROS) {
                // The first interval is the rate, whatever it is: at 2 fps, forgetting the first frame as a
                // gap would lose the first letter.
                adaptToleranceToFrameRate(step);
            } else if (step < 0 || step > gapLimitMicros()) {
                forgetTiming();
                learnSlowRate(step);
            } else {
                slowSteps = 0;
                adaptToleranceToFrameRate(step);
            }
        }
        started = true;
        lastTimestamp = timestampMicros;

        LetterClass top = prediction == null ? null : prediction.letter();
        LetterClass supported = prediction != null && prediction.confidence() >= threshold ? top : null;

        if (supported == null) {
            streakClass = null;
        } else if (supported != streakClass) {
            streakClass = supported;
            streakStart = timestampMicros;
        }

        updateArming(timestampMicros, top);
        updateHold(timestampMicros, supported);

        CommitEvent event = null;
        if (holdClass != null && supported == holdClass) {
            event = commitIfHeldLongEnough(timestampMicros);
        }
        if (event == null) {
            event = autoSpaceIfPaused(timestampMicros, prediction == null);
        }
        return Optional.ofNullable(event);
    }

    private void adaptToleranceToFrameRate(long intervalMicros) {
        // A mean over about the last 8 intervals: steady under jitter, yet follows a laptop that slows down. The
        // first intervals set it, though, and the first frames after an opening can come late (a camera settling,
        // a stall): the mean would take many frames to come down, each frame of a hold counting as long as the
        // stall meanwhile (two frames wrote a letter). So it is never more than twice the longer of the last two
        // intervals: two quick intervals in a row bring it down at once, while one quick frame at a slow rate
        // does not (it would make every step after it a gap).
        long mean = frameIntervalMicros == 0
                ? intervalMicros : frameIntervalMicros + (intervalMicros - frameIntervalMicros) / 8;
        frameIntervalMicros = previousIntervalMicros == 0
                ? mean : Math.min(mean, 2 * Math.max(intervalMicros, previousIntervalMicros));
        previousIntervalMicros = intervalMicros;
        updateTolerance();
    }

    private void updateTolerance() {
        frameToleranceMicros = toleranceMicros == 0
                ? 0 : Math.min(Math.min(gapLimitMicros(), windowMicros - 1),
                        Math.max(toleranceMicros, frameIntervalMicros * 3 / 2));
    }

    /** The longest step between frames that is not a discontinuity: the setting, or three intervals of a slow rate. */
    private long gapLimitMicros() {
        return Math.max(maxGapMicros, SLOW_RATE_GAP_INTERVALS * frameIntervalMicros);
    }

    /**
     * Takes a run of long steps for the frame rate once a faster one was known (see the class comment); a one-off
     * gap teaches nothing. The first interval, up to a second, is taken in {@link #accept} and never comes here.
     */
    private void learnSlowRate(long step) {
        if (step <= 0 || step > SLOWEST_INTERVAL_MICROS) {
            slowSteps = 0;
            return;
        }
        boolean likeTheLast = slowSteps > 0 && step > slowStepMicros * 3 / 4 && step < slowStepMicros * 3 / 2;
        slowSteps = likeTheLast ? slowSteps + 1 : 1;
        slowStepMicros = step;
        if (slowSteps >= SLOW_STEPS_TO_LEARN) {
            frameIntervalMicros = step;
            previousIntervalMicros = step;
            slowSteps = 0;
            updateTolerance();
        }
    }

    /** The class now being held toward a commit and how far along it is; immutable, safe to share. */
    public HoldProgress holdProgress() {
        if (holdClass == null || nextCommitAt == NEVER) {
            return HoldProgress.NONE;
        }
        double done = (double) (heldMicros(lastSupportTimestamp) - segmentStart) / (nextCommitAt - segmentStart);
        return new HoldProgress(holdClass, Math.max(0, Math.min(1, done)), holdClass == disarmed);
    }

    /** Forgets everything, as if newly made (for a new source). */
    public void reset() {
        started = false;
        forgetTiming();
        frameIntervalMicros = 0;
        previousIntervalMicros = 0;
        slowSteps = 0;
        frameToleranceMicros = toleranceMicros;
        disarmed = null;
        letterSinceSpace = false;
    }

    private void forgetTiming() {
        streakClass = null;
        holdClass = null;
        interrupted = false;
        otherTopSeen = false;
        inNoHandPause = false;
    }

    private void updateArming(long now, LetterClass top) {
        if (disarmed == null) {
            return;
        }
        if (top == disarmed) {
            if (otherTopSeen && now - otherTopStart > frameToleranceMicros) {
                disarmed = null;
            }
            otherTopSeen = false;
        } else {
            if (!otherTopSeen) {
                otherTopSeen = true;
                otherTopStart = now;
            }
            if (now - otherTopStart > frameToleranceMicros) {
                disarmed = null;
                otherTopSeen = false;
            }
        }
    }

    private void updateHold(long now, LetterClass supported) {
        if (holdClass != null) {
            if (supported == holdClass) {
                if (interrupted) {
                    interrupted = false;
                    long interruption = now - interruptionStart;
                    if (glitchSpent + interruption <= frameToleranceMicros) {
                        glitchSpent += interruption;
                    } else {
                        startHold(holdClass, now, now);
                    }
                }
                lastSupportTimestamp = now;
            } else {
                if (!interrupted) {
                    interrupted = true;
                    interruptionStart = now;
                }
                // Each interrupting frame stands for the interval until the next, as each frame of a hold does
                // (and as the interruption is measured when the class comes back). Counted only from the first
                // interrupting stamp, two frames stood for one interval: at 5 fps the hold before a letter then
                // broke only on the letter's third frame, and a letter after another class needed three frames
                // where after no hand it needed two.
                if (glitchSpent + now - interruptionStart + frameIntervalMicros > frameToleranceMicros) {
                    holdClass = null;
                }
            }
        }
        if (holdClass == null && streakClass != null) {
            startHold(streakClass, streakStart, now);
        }
    }

    /** Letters drawn in the air do not repeat on a long hold (see the class comment). */
    private long repeatMicrosFor(LetterClass c) {
        return c == LetterClass.J || c == LetterClass.Z ? NEVER : repeatMicros;
    }

    private void startHold(LetterClass c, long start, long now) {
        holdClass = c;
        holdStart = start;
        lastSupportTimestamp = now;
        glitchSpent = 0;
        interrupted = false;
        segmentStart = 0;
        if (c == LetterClass.NOTHING) {
            nextCommitAt = NEVER;
        } else if (c == disarmed) {
            long repeat = repeatMicrosFor(c);
            nextCommitAt = repeat == NEVER ? NEVER : windowMicros + repeat;
        } else {
            nextCommitAt = windowMicros;
        }
    }

    /** How long the current hold has lasted at a frame of it (see the class comment). */
    private long heldMicros(long frameTimestamp) {
        return frameTimestamp - holdStart + frameIntervalMicros;
    }

    private CommitEvent commitIfHeldLongEnough(long now) {
        // Never on a hold's first frame alone: at 2.5 fps and slower one frame stands for the whole window,
        // and a single misread frame would be written (HELP at 2 fps came out "HELO").
        if (heldMicros(now) < nextCommitAt || now == holdStart) {
            return null;
        }
        segmentStart = nextCommitAt;
        long repeat = repeatMicrosFor(holdClass);
        nextCommitAt = repeat == NEVER ? NEVER : nextCommitAt + repeat;
        glitchSpent = 0;
        disarmed = holdClass;
        otherTopSeen = false;
        CommitEvent event = CommitEvent.forClass(holdClass, now);
        switch (event.kind()) {
            case LETTER -> letterSinceSpace = true;
            case SPACE -> letterSinceSpace = false;
            default -> {
            }
        }
        return event;
    }

    private CommitEvent autoSpaceIfPaused(long now, boolean noHand) {
        if (autoSpaceMicros == NEVER) {
            return null;
        }
        if (!noHand) {
            inNoHandPause = false;
            return null;
        }
        if (!inNoHandPause) {
            inNoHandPause = true;
            noHandStart = now;
            pauseSpaced = false;
        }
        if (pauseSpaced || !letterSinceSpace || now - noHandStart < autoSpaceMicros) {
            return null;
        }
        pauseSpaced = true;
        letterSinceSpace = false;
        return new CommitEvent(CommitEvent.Kind.AUTO_SPACE, null, now);
    }
}
