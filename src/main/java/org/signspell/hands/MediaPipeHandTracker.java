package org.signspell.hands;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * MediaPipe Hands re-implemented on TensorFlow Lite: palm detection, rotated hand ROI, landmark model,
 * and in tracking mode the next frame's ROI taken from this frame's landmarks, so palm detection only
 * runs while fewer than {@code maxHands} hands are tracked (MediaPipe's
 * {@code HandLandmarkTrackingCpu} graph).
 *
 * <p>Output follows MediaPipe's: landmarks normalised to the image, z on x's scale, world landmarks in
 * metres, presence, and handedness with MediaPipe's mirrored-image convention (see {@link HandTracker}).
 *
 * <p>Built once (the interpreters take a few hundred milliseconds), then every native buffer is reused;
 * one thread at a time.
 */
public final class MediaPipeHandTracker implements HandTracker {
    /** Two interpreter threads suit the 2–4 core machines SignSpell targets. */
    public static final int DEFAULT_THREADS = 2;
    /** MediaPipe's AssociationNormRectCalculator threshold for the same hand in two ROIs. */
    static final float SAME_HAND_IOU = 0.5f;
    /** Mean landmark distance, over the wrist-to-middle-knuckle length, below which two drawings are one hand. */
    static final double SAME_HAND_DISTANCE = 0.5;
    private static final Look MEDIAPIPE_LOOK = new Look(1f, false);
    private static final Look ZOOMED_OUT_LOOK = new Look(TrackerOptions.ZOOM_OUT, false);
    /**
     * A photo's looks after MediaPipe's own, in order, until one finds a hand: zoomed out (hands that fill the
     * picture), then the picture mirrored at both sizes. The palm model is not quite mirror-symmetric, so a
     * palm it scores under the threshold one way it can score above it the other: on the roboflow photos with
     * no hand after the zoomed-out look, the mirrored looks find 19 of 193. Their ROIs are mirrored back and
     * the landmark model runs on the picture itself, so landmarks and handedness are as for any other look.
     */
    private static final List<Look> PHOTO_RETRIES = List.of(
            ZOOMED_OUT_LOOK, new Look(1f, true), new Look(TrackerOptions.ZOOM_OUT, true));

    private record Look(float zoomOut, boolean mirror) {
    }

    private final TrackerOptions options;
    private final PalmStage palm;
    private final LandmarkStage landmark;
    private final List<NormRect> trackedRois = new ArrayList<>(2);
    /** Frames since palm detection last ran while a hand was tracked (moreHandsSearchEvery). */
    private int framesSinceSearch;
    private int lastWidth = -1;
    private int lastHeight = -1;
    private long lastTimestamp = Long.MIN_VALUE;
    private TrackerTimings lastTimings = TrackerTimings.NONE;
    // Tracking mode with the second look: while no hand is in view, frames take turns between MediaPipe's
    // look and the zoomed-out one, so an empty scene costs one palm pass a frame, not two.
    private boolean zoomedOutLookNext;
    // Time spent preparing inputs and inside the models during the current process() call.
    private long preprocessNanos;
    private long modelNanos;
    private boolean closed;

    private MediaPipeHandTracker(TrackerOptions options, PalmStage palm, LandmarkStage landmark) {
        this.options = options;
        this.palm = palm;
        this.landmark = landmark;
    }

    /**
     * Loads both models of {@code options.model()} from the classpath folder {@code /mediapipe/} and builds
     * their interpreters with {@value #DEFAULT_THREADS} threads.
     *
     * @throws ModelLoadException naming the model file that is missing or damaged
     */
    public static MediaPipeHandTracker open(TrackerOptions options) {
        return open(options, DEFAULT_THREADS);
    }

    /** As {@link #open(TrackerOptions)}, with {@code threads} interpreter threads per model. */
    public static MediaPipeHandTracker open(TrackerOptions options, int threads) {
        return open(options, threads, MediaPipeHandTracker.class.getClassLoader(), TfLiteModel.MODEL_FOLDER);
    }

    static MediaPipeHandTracker open(TrackerOptions options, int threads, ClassLoader loader, String folder) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        TfLiteModel palmModel = null;
        TfLiteModel landmarkModel = null;
        PalmStage palm = null;
        try {
            palmModel = TfLiteModel.load(loader, folder, options.model().palmModel(), threads);
            landmarkModel = TfLiteModel.load(loader, folder, options.model().landmarkModel(), threads);
            palm = new PalmStage(palmModel);
            LandmarkStage landmark = new LandmarkStage(landmarkModel);
            return new MediaPipeHandTracker(options, palm, landmark);
        } catch (RuntimeException e) {
            if (palm != null) {
                palm.close();
            } else if (palmModel != null) {
                palmModel.close();
            }
            if (landmarkModel != null) {
                landmarkModel.close();
            }
            throw e;
        }
    }

    public TrackerOptions options() {
        return options;
    }

    @Override
    public List<HandResult> process(Mat bgr, long timestampMicros) {
        if (closed) {
            throw new IllegalStateException("the hand tracker is closed");
        }
        if (bgr == null || bgr.empty() || bgr.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected a non-empty 8-bit BGR frame (CV_8UC3), got "
                    + (bgr == null ? "null" : bgr.empty() ? "an empty Mat" : "type " + bgr.type()));
        }
        long start = System.nanoTime();
        int width = bgr.cols();
        int height = bgr.rows();
        // ROIs are fractions of the previous frame: a new size, or time running backwards (a new clip or
        // a looped one), means they describe another picture.
        if (options.staticMode() || width != lastWidth || height != lastHeight || timestampMicros <= lastTimestamp) {
            trackedRois.clear();
            zoomedOutLookNext = false;
        }
        lastWidth = width;
        lastHeight = height;
        lastTimestamp = timestampMicros;

        long palmNanos = 0;
        long landmarkNanos = 0;
        preprocessNanos = 0;
        modelNanos = 0;
        boolean palmRan = false;
        boolean alternating = options.zoomOutRetry() && !options.staticMode();
        boolean zoomedOut = false;
        List<NormRect> fromPalms = List.of();
        // With a hand tracked, another one is looked for only every so many frames (see TrackerOptions).
        boolean lookForMore = trackedRois.isEmpty() || options.staticMode()
                || ++framesSinceSearch >= options.moreHandsSearchEvery();
        if (trackedRois.size() < options.maxHands() && lookForMore) {
            framesSinceSearch = 0;
            long palmStart = System.nanoTime();
            zoomedOut = alternating && zoomedOutLookNext;
            fromPalms = palmRois(bgr, zoomedOut ? ZOOMED_OUT_LOOK : MEDIAPIPE_LOOK);
            palmRan = true;
            palmNanos = System.nanoTime() - palmStart;
        }
        List<NormRect> rois = associate(fromPalms, trackedRois, options.maxHands());

        long landmarkStart = System.nanoTime();
        trackedRois.clear();
        List<HandResult> hands = landmarks(bgr, rois);
        landmarkNanos += System.nanoTime() - landmarkStart;
        // A hand found by either look is tracked from its landmarks on the next frame, so in a video the turns
        // cost at most one frame (33 ms at 30 fps) before a hand is found; a photo gets every look at once.
        zoomedOutLookNext = alternating && hands.isEmpty() && palmRan && !zoomedOut;
        if (hands.isEmpty() && palmRan && options.zoomOutRetry() && options.staticMode()) {
            for (int i = 0; i < PHOTO_RETRIES.size() && hands.isEmpty(); i++) {
                long retryStart = System.nanoTime();
                List<NormRect> retryRois = palmRois(bgr, PHOTO_RETRIES.get(i));
                long retryLandmarkStart = System.nanoTime();
                palmNanos += retryLandmarkStart - retryStart;
                hands = landmarks(bgr, retryRois);
                landmarkNanos += System.nanoTime() - retryLandmarkStart;
            }
        }
        hands.sort(Comparator.comparingDouble((HandResult h) -> h.presence()).reversed());
        lastTimings = new TrackerTimings(palmNanos, landmarkNanos, preprocessNanos, System.nanoTime() - start,
                palmRan, modelNanos);
        return hands;
    }

    /** Palm detection's hand ROIs, at most {@code maxHands}, best first; the look as in {@link PalmStage#detect}. */
    private List<NormRect> palmRois(Mat bgr, Look look) {
        List<PalmDetection> palms = palm.detect(bgr, options.minDetectionConfidence(), look.zoomOut(), look.mirror());
        preprocessNanos += palm.lastPreprocessNanos();
        modelNanos += palm.lastModelNanos();
        List<NormRect> rois = new ArrayList<>(options.maxHands());
        for (int i = 0; i < Math.min(palms.size(), options.maxHands()); i++) {
            rois.add(PalmDecoding.handRoi(palms.get(i), bgr.cols(), bgr.rows()));
        }
        return rois;
    }

    /** The landmark model on each ROI; hands below the presence threshold are dropped, the others tracked. */
    private List<HandResult> landmarks(Mat bgr, List<NormRect> rois) {
        List<HandResult> hands = new ArrayList<>(rois.size());
        int firstTracked = trackedRois.size();
        for (NormRect roi : rois) {
            LandmarkStage.Output out = landmark.run(bgr, roi, options.minPresenceConfidence());
            preprocessNanos += landmark.lastPreprocessNanos();
            modelNanos += landmark.lastModelNanos();
            if (out.landmarks() == null) {
                continue;
            }
            HandResult hand = toResult(out);
            NormRect next = options.staticMode() ? null : LandmarkRoi.fromLandmarks(out.landmarks(), bgr.cols(), bgr.rows());
            // Beyond MediaPipe: with two hands allowed, a palm found beside the tracked ROI (overlapping it by
            // no more than the association's 0.5) gives a second ROI on the same hand, and the landmark model
            // draws the same hand twice. One hand, kept once: the likelier drawing.
            int same = sameHandAs(hands, hand, bgr.cols(), bgr.rows());
            if (same >= 0) {
                if (hand.presence() > hands.get(same).presence()) {
                    hands.set(same, hand);
                    if (next != null) {
                        trackedRois.set(firstTracked + same, next);
                    }
                }
                continue;
            }
            hands.add(hand);
            if (next != null) {
                trackedRois.add(next);
            }
        }
        return hands;
    }

    /** Two drawings of one hand: landmarks within half the hand's size of each other, on average. */
    private static int sameHandAs(List<HandResult> hands, HandResult hand, int width, int height) {
        Landmarks a = hand.landmarks();
        double size = Math.hypot((a.x(9) - a.x(0)) * width, (a.y(9) - a.y(0)) * height);
        for (int i = 0; i < hands.size(); i++) {
            Landmarks b = hands.get(i).landmarks();
            double sum = 0;
            for (int k = 0; k < Landmarks.COUNT; k++) {
                sum += Math.hypot((a.x(k) - b.x(k)) * width, (a.y(k) - b.y(k)) * height);
            }
            if (sum / Landmarks.COUNT < SAME_HAND_DISTANCE * size) {
                return i;
            }
        }
        return -1;
    }

    /**
     * MediaPipe's AssociationNormRectCalculator over (palm ROIs, tracked ROIs): later ROIs replace earlier
     * ones they overlap by IoU above 0.5, so a tracked hand wins over a palm on the same hand, and of two
     * tracked ROIs that converged on one hand only one survives. Beyond MediaPipe, the list is cut to
     * {@code maxHands}, dropping the weakest palm ROIs first, so a third hand never appears.
     */
    static List<NormRect> associate(List<NormRect> fromPalms, List<NormRect> tracked, int maxHands) {
        List<NormRect> kept = new ArrayList<>(fromPalms.size() + tracked.size());
        List<Boolean> keptTracked = new ArrayList<>(fromPalms.size() + tracked.size());
        for (int n = 0; n < fromPalms.size() + tracked.size(); n++) {
            boolean isTracked = n >= fromPalms.size();
            NormRect rect = isTracked ? tracked.get(n - fromPalms.size()) : fromPalms.get(n);
            for (int i = kept.size() - 1; i >= 0; i--) {
                if (NormRect.iou(rect, kept.get(i)) > SAME_HAND_IOU) {
                    kept.remove(i);
                    keptTracked.remove(i);
                }
            }
            kept.add(rect);
            keptTracked.add(isTracked);
        }
        while (kept.size() > maxHands) {
            // Palms come best first: the last one left is the weakest.
            int drop = Math.max(0, keptTracked.lastIndexOf(Boolean.FALSE));
            kept.remove(drop);
            keptTracked.remove(drop);
        }
        return kept;
    }

    static HandResult toResult(LandmarkStage.Output out) {
        // TensorsToClassificationCalculator, binary: the output is the score of label 0, "Left", and [Left, Right]
        // sorted by score keeps Left first on a tie.
        boolean left = out.leftScore() >= 0.5f;
        return new HandResult(new Landmarks(out.landmarks()), new Landmarks(out.world()), out.presence(),
                left ? Handedness.LEFT : Handedness.RIGHT, left ? out.leftScore() : 1f - out.leftScore());
    }

    /** Where the time of the last {@link #process} call went. */
    public TrackerTimings lastTimings() {
        return lastTimings;
    }

    @Override
    public void reset() {
        trackedRois.clear();
        zoomedOutLookNext = false;
        lastWidth = -1;
        lastHeight = -1;
        lastTimestamp = Long.MIN_VALUE;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        landmark.close();
        palm.close();
    }
}
