package org.signspell.hands;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds hands in frames and returns their landmarks, MediaPipe Hands style.
 *
 * <p>Handedness follows MediaPipe's convention, which assumes a mirrored (selfie) image: on an
 * un-mirrored camera frame the label names the other hand. Callers that know the user's signing hand
 * should prefer that over the label.
 *
 * <p>Not thread-safe: one inference thread owns a tracker.
 */
public interface HandTracker extends AutoCloseable {

    /**
     * Processes one 8-bit BGR frame. In tracking mode, state is carried to the next call.
     *
     * @return the hands found, most confident first; empty when none
     */
    List<HandResult> process(Mat bgr, long timestampMicros);

    /** Forgets any tracked hands, so the next frame runs palm detection. */
    void reset();

    @Override
    void close();
}
