package org.signspell.engine;

import org.signspell.hands.TrackerOptions;
import org.signspell.letters.ExecutionProvider;
import org.signspell.spelling.CommitSettings;

/**
 * How the engine is set up; immutable, with the defaults a user gets.
 *
 * @param tracker         hand tracker options (tracking mode, full models, one hand, the zoomed-out second look
 *                        by default)
 * @param provider        execution provider asked for (the engine reports the one actually running)
 * @param mode            per-frame or sequence
 * @param signingHand     the user's signing hand
 * @param commit          text commit rules
 * @param windowFrames    samples in a sequence-mode window, 1/30 s apart whatever the frame rate
 *                        ({@link SequenceWindow})
 * @param windowStride    run the model on every n-th frame in sequence mode
 * @param folderFps       rate at which a folder of images is played
 */
public record EngineSettings(TrackerOptions tracker, ExecutionProvider provider, RecognitionMode mode,
                             SigningHand signingHand, CommitSettings commit, int windowFrames, int windowStride,
                             double folderFps) {

    public static final int DEFAULT_WINDOW_FRAMES = 32;
    /** Tracking drops of up to this many frames do not break a sequence window. */
    public static final int MAX_MISSED_FRAMES = 2;
    /** Frames between looks for a second hand while one is tracked (see {@link TrackerOptions#moreHandsSearchEvery}). */
    public static final int MORE_HANDS_SEARCH_EVERY = 10;

    public EngineSettings {
        if (windowFrames < 1 || windowStride < 1 || !(folderFps > 0) || Double.isInfinite(folderFps)) {
            throw new IllegalArgumentException("window length, stride and folder fps must be positive (and fps finite)");
        }
    }

    public static EngineSettings defaults() {
        // The zoomed-out second look finds hands held close to the camera, which MediaPipe's letterbox misses.
        // Two hands, so the signing hand can be told from the other one in view; with one hand tracked the second
        // is looked for three times a second at 30 fps, not on every frame (that would double the work).
        TrackerOptions tracker = TrackerOptions.defaults().withZoomOutRetry(true).withMaxHands(2)
                .withMoreHandsSearchEvery(MORE_HANDS_SEARCH_EVERY);
        return new EngineSettings(tracker, ExecutionProvider.CPU, RecognitionMode.FRAME,
                SigningHand.RIGHT, CommitSettings.DEFAULTS, DEFAULT_WINDOW_FRAMES, 1, 30.0);
    }

    public EngineSettings withTracker(TrackerOptions t) {
        return new EngineSettings(t, provider, mode, signingHand, commit, windowFrames, windowStride, folderFps);
    }

    public EngineSettings withProvider(ExecutionProvider p) {
        return new EngineSettings(tracker, p, mode, signingHand, commit, windowFrames, windowStride, folderFps);
    }

    public EngineSettings withMode(RecognitionMode m) {
        return new EngineSettings(tracker, provider, m, signingHand, commit, windowFrames, windowStride, folderFps);
    }

    public EngineSettings withSigningHand(SigningHand h) {
        return new EngineSettings(tracker, provider, mode, h, commit, windowFrames, windowStride, folderFps);
    }

    public EngineSettings withCommit(CommitSettings c) {
        return new EngineSettings(tracker, provider, mode, signingHand, c, windowFrames, windowStride, folderFps);
    }

    public EngineSettings withWindowStride(int stride) {
        return new EngineSettings(tracker, provider, mode, signingHand, commit, windowFrames, stride, folderFps);
    }

    public EngineSettings withFolderFps(double fps) {
        return new EngineSettings(tracker, provider, mode, signingHand, commit, windowFrames, windowStride, fps);
    }
}
