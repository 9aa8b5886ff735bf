package org.signspell.hands;

/**
 * One palm found by the detector, normalised to the image (or to the letterboxed model input before
 * the letterbox is removed).
 *
 * @param keypoints the 7 palm keypoints, x and y interleaved: 0 wrist centre, 2 middle-finger MCP, …
 */
record PalmDetection(float xmin, float ymin, float width, float height, float[] keypoints, float score) {
    static final int KEYPOINTS = 7;

    float keypointX(int i) {
        return keypoints[2 * i];
    }

    float keypointY(int i) {
        return keypoints[2 * i + 1];
    }
}
