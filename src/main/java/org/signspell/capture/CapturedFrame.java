package org.signspell.capture;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame from a {@link FrameSource}: 8-bit BGR pixels and when they were captured.
 *
 * <p>The {@code bgr} Mat belongs to the source and is reused for the next frame, so a consumer that
 * keeps pixels past the next {@link FrameSource#next()} must copy them.
 *
 * @param bgr             8-bit, 3-channel BGR image owned by the source
 * @param index           0-based frame number within the source
 * @param timestampMicros capture time in microseconds from the start of the source (monotonic)
 */
public record CapturedFrame(Mat bgr, long index, long timestampMicros) {
    public int width() {
        return bgr.cols();
    }

    public int height() {
        return bgr.rows();
    }
}
