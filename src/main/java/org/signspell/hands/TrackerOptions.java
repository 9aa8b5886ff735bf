package org.signspell.hands;

/**
 * How a {@link MediaPipeHandTracker} runs; the names follow MediaPipe Hands' own options.
 *
 * @param model                  which model pair to load
 * @param maxHands               1 or 2 (MediaPipe's {@code max_num_hands})
 * @param staticMode             true: every frame is independent and runs palm detection
 *                               ({@code static_image_mode}); false: hands are tracked from frame to frame
 * @param minDetectionConfidence palm score needed to start a hand ({@code min_detection_confidence})
 * @param minPresenceConfidence  landmark-model presence needed to keep a hand
 *                               ({@code min_tracking_confidence})
 * @param zoomOutRetry           beyond MediaPipe: when palm detection runs and no hand comes out, look once more
 *                               with the frame shrunk into a canvas {@link #ZOOM_OUT} times its size. The palm
 *                               model sees 192×192 and misses many hands that fill the picture (a hand close to
 *                               the camera, a close-up photo). In tracking mode the two looks take turns on
 *                               frames with no hand, one look a frame; in static mode (a photo, one chance) the
 *                               picture is then also looked at mirrored, at both sizes, until a hand comes out.
 *                               Off in {@link #defaults()}, which is MediaPipe's behaviour
 * @param moreHandsSearchEvery   beyond MediaPipe: in tracking mode, while some but fewer than {@code maxHands}
 *                               hands are tracked, palm detection looks for another hand only every this many
 *                               frames. MediaPipe (1, the default) runs it on every such frame, which with two
 *                               hands allowed and one in view doubles the work of every frame
 */
public record TrackerOptions(ModelVariant model, int maxHands, boolean staticMode,
                             float minDetectionConfidence, float minPresenceConfidence, boolean zoomOutRetry,
                             int moreHandsSearchEvery) {

    /** Canvas side over the frame's long side for the second look. */
    public static final float ZOOM_OUT = 2f;

    public TrackerOptions {
        if (model == null) {
            throw new IllegalArgumentException("model must be FULL or LITE");
        }
        if (maxHands < 1 || maxHands > 2) {
            throw new IllegalArgumentException("maxHands must be 1 or 2, got " + maxHands);
        }
        checkProbability("minDetectionConfidence", minDetectionConfidence);
        checkProbability("minPresenceConfidence", minPresenceConfidence);
        if (moreHandsSearchEvery < 1) {
            throw new IllegalArgumentException("moreHandsSearchEvery must be at least 1, got " + moreHandsSearchEvery);
        }
    }

    private static void checkProbability(String name, float value) {
        if (!(value >= 0f && value <= 1f)) {
            throw new IllegalArgumentException(name + " must be within 0..1, got " + value);
        }
    }

    /** MediaPipe Hands' defaults: full models, one hand, tracking, 0.5 and 0.5. */
    public static TrackerOptions defaults() {
        return new TrackerOptions(ModelVariant.FULL, 1, false, 0.5f, 0.5f, false, 1);
    }

    public TrackerOptions withModel(ModelVariant model) {
        return new TrackerOptions(model, maxHands, staticMode, minDetectionConfidence, minPresenceConfidence, zoomOutRetry,
                moreHandsSearchEvery);
    }

    public TrackerOptions withMaxHands(int maxHands) {
        return new TrackerOptions(model, maxHands, staticMode, minDetectionConfidence, minPresenceConfidence, zoomOutRetry,
                moreHandsSearchEvery);
    }

    public TrackerOptions withStaticMode(boolean staticMode) {
        return new TrackerOptions(model, maxHands, staticMode, minDetectionConfidence, minPresenceConfidence, zoomOutRetry,
                moreHandsSearchEvery);
    }

    public TrackerOptions withMinDetectionConfidence(float minDetectionConfidence) {
        return new TrackerOptions(model, maxHands, staticMode, minDetectionConfidence, minPresenceConfidence, zoomOutRetry,
                moreHandsSearchEvery);
    }

    public TrackerOptions withMinPresenceConfidence(float minPresenceConfidence) {
        return new TrackerOptions(model, maxHands, staticMode, minDetectionConfidence, minPresenceConfidence, zoomOutRetry,
                moreHandsSearchEvery);
    }

    public TrackerOptions withZoomOutRetry(boolean zoomOutRetry) {
        return new TrackerOptions(model, maxHands, staticMode, minDetectionConfidence, minPresenceConfidence, zoomOutRetry,
                moreHandsSearchEvery);
    }

    public TrackerOptions withMoreHandsSearchEvery(int frames) {
        return new TrackerOptions(model, maxHands, staticMode, minDetectionConfidence, minPresenceConfidence, zoomOutRetry,
                frames);
    }
}
