package org.signspell.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.hands.HandResult;
import org.signspell.hands.Handedness;
import org.signspell.hands.Landmarks;
import org.signspell.hands.MediaPipeHandTracker;
import org.signspell.hands.PictureCheck;
import org.signspell.hands.TrackerTimings;
import org.signspell.letters.ExecutionProvider;
import org.signspell.letters.LandmarkNormalizer;
import org.signspell.letters.LetterClass;
import org.signspell.letters.LetterModel;
import org.signspell.letters.Prediction;
import org.signspell.spelling.CommitEvent;
import org.signspell.spelling.CommitPolicy;
import org.signspell.spelling.CommitSettings;
import org.signspell.spelling.HoldProgress;

/**
 * One frame through the whole pipeline, synchronously: hand tracking, normalisation, the letter model
 * in the current mode, and the commit policy. The app's inference thread and the CLI both use it, so
 * a video gives the same text in either.
 *
 * <p>Owned by one thread. Mode and signing hand may be changed from any thread and take effect on the
 * next frame. Allocates no native memory per frame.
 */
public final class FrameProcessor implements AutoCloseable {

    /** One processed frame and what, if anything, it put into the text. */
    public record Step(FrameResult result, Optional<CommitEvent> commit) {
    }

    private static final int VALUES_PER_FRAME = Landmarks.COUNT * 3;
    /** How often per-frame mode looks for a Z in the window, in video time. */
    private static final long MOTION_CHECK_INTERVAL_MICROS = 200_000;
    private static final long NEVER = Long.MIN_VALUE;

    private final MediaPipeHandTracker tracker;
    private LetterModel letters;
    private final SequenceWindow window;
    private final CommitPolicy policy;
    private final float[] frameValues = new float[VALUES_PER_FRAME];
    private final float[] windowValues;
    private volatile RecognitionMode mode;
    private volatile SigningHand signingHand;
    /** Where the wrist of the hand read last was (fractions of the frame), NaN before the first. */
    private float lastReadWristX = Float.NaN;
    private float lastReadWristY = Float.NaN;
    private Prediction lastSequencePrediction;
    /** Per-frame mode's look at the window: the motion letter it holds, or null (see {@link #lookForAMotionLetter}). */
    private LetterClass motionLetterSeen;
    /** Every how many pictures the colour is looked at (microseconds each time). */
    private static final int COLOUR_CHECK_EVERY = 10;
    /** Looks in a row that see black and white before it is said: a second at 30 fps, not one odd frame. */
    private static final int GREY_LOOKS_TO_SAY = 3;
    private PictureCheck.Problem tooSmall;
    private int picturesSinceReset;
    private int greyLooksInARow;
    private long lastMotionCheckMicros = NEVER;
    /** Whether the last look at the window found a Z: the note needs two looks in a row. */
    private boolean zAtLastCheck;

    private FrameProcessor(MediaPipeHandTracker tracker, LetterModel letters, EngineSettings settings) {
        this.tracker = tracker;
        this.letters = letters;
        this.window = new SequenceWindow(settings.windowFrames(), VALUES_PER_FRAME, settings.windowStride(),
                EngineSettings.MAX_MISSED_FRAMES, LetterModel.WINDOW_FRAME_INTERVAL_MICROS,
                settings.commit().maxFrameGapMicros());
        this.windowValues = new float[settings.windowFrames() * VALUES_PER_FRAME];
        this.policy = new CommitPolicy(settings.commit());
        this.mode = settings.mode();
        this.signingHand = settings.signingHand();
    }

    /**
     * Loads the hand models and the letter model; takes a second or two (native libraries, interpreters).
     *
     * @throws org.signspell.hands.ModelLoadException       when a hand model is missing or damaged
     * @throws org.signspell.letters.LetterModelException when the letter model is missing or damaged
     */
    public static FrameProcessor open(EngineSettings settings) {
        MediaPipeHandTracker tracker = MediaPipeHandTracker.open(settings.tracker());
        try {
            return new FrameProcessor(tracker, LetterModel.open(settings.provider()), settings);
        } catch (RuntimeException | Error e) {
            tracker.close();
            throw e;
        }
    }

    public Step process(Mat bgr, long index, long timestampMicros) {
        long start = System.nanoTime();
        checkPicture(bgr);
        List<HandResult> hands = tracker.process(bgr, timestampMicros);
        TrackerTimings handTimes = tracker.lastTimings();
        RecognitionMode activeMode = mode;
        Prediction prediction = null;
        long letterNanos = 0;
        if (hands.isEmpty()) {
            window.missed(timestampMicros);
            forgetMotionLetter();
        } else {
            hands = signingHandFirst(hands);
            HandResult hand = hands.get(0);
            LandmarkNormalizer.normalize(hand.landmarks(), bgr.cols(), bgr.rows(), mirrorForModel(hand), frameValues, 0);
            window.append(frameValues, 0, timestampMicros, hand.landmarks(), bgr.cols(), bgr.rows());
            long letterStart = System.nanoTime();
            prediction = predict(activeMode, timestampMicros);
            letterNanos = System.nanoTime() - letterStart;
        }
        Optional<CommitEvent> commit = policy.accept(timestampMicros, prediction);
        HoldProgress hold = policy.holdProgress();
        long total = System.nanoTime() - start;
        StageTimings timings = new StageTimings(handTimes.totalNanos(), handTimes.palmNanos(),
                handTimes.landmarkNanos(), letterNanos, total, handTimes.palmRan());
        FrameResult result = new FrameResult(index, timestampMicros, bgr.cols(), bgr.rows(), hands, prediction,
                activeMode, hold, activeMode == RecognitionMode.FRAME ? motionLetterSeen : null, timings);
        return new Step(result, commit);
    }

    /**
     * Whether hands can be read in this source's pictures: their size, from the first; their colour, every tenth
     * (microseconds). Black and white is said after three looks in a row and taken back by one look in colour: a
     * camera's first pictures, while its exposure settles, or a dark moment, must not stand for the source.
     */
    private void checkPicture(Mat bgr) {
        if (picturesSinceReset++ == 0) {
            tooSmall = PictureCheck.tooSmall(bgr.cols(), bgr.rows());
        }
        if (tooSmall != null || (picturesSinceReset - 1) % COLOUR_CHECK_EVERY != 0) {
            return;
        }
        switch (PictureCheck.colour(bgr)) {
            case FINE -> greyLooksInARow = 0;
            case PROBLEM -> greyLooksInARow++;
            case UNDECIDED -> { }
        }
    }

    /** What about this source's pictures keeps hands from being read (too small, black and white), or null. */
    public PictureCheck.Problem pictureProblem() {
        if (tooSmall != null) {
            return tooSmall;
        }
        return greyLooksInARow >= GREY_LOOKS_TO_SAY ? PictureCheck.blackAndWhite() : null;
    }

    private Prediction predict(RecognitionMode activeMode, long timestampMicros) {
        // The window is fed in both modes, so switching to sequence mode has its history at once.
        if (activeMode == RecognitionMode.FRAME) {
            lastSequencePrediction = null;
            Prediction frame = letters.predict(frameValues, 1);
            lookForAMotionLetter(timestampMicros);
            return frame;
        }
        // Per-frame mode's looks start afresh when it comes back: a look from before the switch is stale.
        forgetMotionLetter();
        if (lastSequencePrediction == null || window.dueForPrediction()) {
            lastSequencePrediction = SequenceReading.read(letters, window, windowValues, frameValues);
            window.predicted();
        }
        return lastSequencePrediction;
    }

    /**
     * Per-frame mode never answers Z: a Z is a path, and one frame holds none. So that a user drawing one is told
     * which mode reads it, per-frame mode also reads the window as sequence mode would, five times a second of
     * video (a Z takes a second or more to draw, and what it finds stays on show for seconds). A Z counts where
     * sequence mode would read one (the fingertip travelled, {@link SequenceReading}) at least as sure as a commit
     * needs, on two looks in a row: a single reading is a glimpse, and sequence mode too writes only what holds.
     */
    private void lookForAMotionLetter(long timestampMicros) {
        // Time stamps go back when a video is played again.
        if (lastMotionCheckMicros != NEVER && timestampMicros >= lastMotionCheckMicros
                && timestampMicros - lastMotionCheckMicros < MOTION_CHECK_INTERVAL_MICROS) {
            return;
        }
        lastMotionCheckMicros = timestampMicros;
        Prediction sequence = SequenceReading.read(letters, window, windowValues, frameValues);
        boolean z = sequence.letter() == LetterClass.Z
                && sequence.confidence() >= policy.settings().confidenceThreshold();
        motionLetterSeen = z && zAtLastCheck ? LetterClass.Z : null;
        zAtLastCheck = z;
    }

    /**
     * The hand to read, first; the others keep their order. With two hands in view: the one on the signing side
     * set by the user when exactly one is; otherwise the one nearest to where the hand read last was, so a resting
     * hand or a handedness label that flips for a frame does not switch the reading from one hand to the other.
     */
    private List<HandResult> signingHandFirst(List<HandResult> hands) {
        int chosen = 0;
        if (hands.size() > 1) {
            chosen = -1;
            SigningHand wanted = signingHand;
            if (wanted != SigningHand.AUTO) {
                Handedness side = wanted == SigningHand.LEFT ? Handedness.LEFT : Handedness.RIGHT;
                for (int i = 0; i < hands.size(); i++) {
                    if (signerSide(hands.get(i)) == side) {
                        chosen = chosen == -1 ? i : -2;
                    }
                }
            }
            if (chosen < 0) {
                chosen = nearestToLastRead(hands);
            }
        }
        HandResult read = hands.get(chosen);
        lastReadWristX = read.landmarks().x(0);
        lastReadWristY = read.landmarks().y(0);
        if (chosen == 0) {
            return hands;
        }
        ArrayList<HandResult> ordered = new ArrayList<>(hands);
        ordered.remove(chosen);
        ordered.add(0, read);
        return ordered;
    }

    private int nearestToLastRead(List<HandResult> hands) {
        if (Float.isNaN(lastReadWristX)) {
            return 0;
        }
        int nearest = 0;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < hands.size(); i++) {
            Landmarks l = hands.get(i).landmarks();
            double d = Math.hypot(l.x(0) - lastReadWristX, l.y(0) - lastReadWristY);
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        return nearest;
    }

    /**
     * The letter model sees one chirality: the hand MediaPipe labels "Right". On un-mirrored camera
     * frames that is the signer's left hand, so a right-handed signer's landmarks are mirrored.
     */
    private boolean mirrorForModel(HandResult hand) {
        return switch (signingHand) {
            case RIGHT -> true;
            case LEFT -> false;
            case AUTO -> LandmarkNormalizer.mirrorFor(hand.handedness());
        };
    }

    /**
     * The signer's own hand. MediaPipe labels hands as if the image were mirrored (a selfie view), and
     * the engine always sees frames as the camera delivers them, un-mirrored: so the label names the
     * other hand.
     */
    static Handedness signerSide(HandResult hand) {
        return hand.handedness() == Handedness.LEFT ? Handedness.RIGHT : Handedness.LEFT;
    }

    /** The tracker's own breakdown of the last frame (time inside the models included), for benchmarks. */
    public TrackerTimings lastTrackerTimings() {
        return tracker.lastTimings();
    }

    public void setMode(RecognitionMode mode) {
        this.mode = mode;
    }

    public RecognitionMode mode() {
        return mode;
    }

    public void setSigningHand(SigningHand hand) {
        this.signingHand = hand;
    }

    /**
     * Replaces the letter model with one on {@code provider}; on failure the old one keeps running.
     * Call on the owning thread.
     */
    public void switchProvider(ExecutionProvider provider) {
        LetterModel replacement = LetterModel.open(provider);
        LetterModel old = letters;
        letters = replacement;
        old.close();
    }

    public ExecutionProvider activeProvider() {
        return letters.activeProvider();
    }

    /** Why the provider in use is not the one asked for, or an empty string. */
    public String providerNote() {
        return letters.providerNote();
    }

    /** New commit rules from the next frame on (see {@link CommitPolicy#changeSettings}). Call on the owning thread. */
    public void setCommitSettings(CommitSettings commit) {
        policy.changeSettings(commit);
    }

    /** Forgets any hold in progress (the commit policy starts afresh); the hand and the window are kept. */
    public void forgetHold() {
        policy.reset();
    }

    /** Forgets the hand, the window and any hold: for a new source. */
    public void reset() {
        tracker.reset();
        lastReadWristX = Float.NaN;
        lastReadWristY = Float.NaN;
        window.clear();
        policy.reset();
        lastSequencePrediction = null;
        forgetMotionLetter();
        lastMotionCheckMicros = NEVER;
        tooSmall = null;
        picturesSinceReset = 0;
        greyLooksInARow = 0;
    }

    private void forgetMotionLetter() {
        motionLetterSeen = null;
        zAtLastCheck = false;
    }

    @Override
    public void close() {
        try {
            letters.close();
        } finally {
            tracker.close();
        }
    }
}
