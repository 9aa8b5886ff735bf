package org.signspell.hands;

/**
 * The next frame's hand ROI from this frame's landmarks, as MediaPipe's
 * {@code HandLandmarkLandmarksToRoi} subgraph computes it ({@code HandLandmarksToRectCalculator}, then
 * {@code RectTransformationCalculator} with scale 2.0, shift_y −0.1, square_long).
 */
final class LandmarkRoi {
    /** Wrist, thumb base, and the base two joints of each finger: the part that moves with the palm. */
    static final int[] PALM_SUBSET = {0, 1, 2, 3, 5, 6, 9, 10, 13, 14, 17, 18};
    static final float SCALE = 2.0f;
    static final float SHIFT_Y = -0.1f;

    private LandmarkRoi() {
    }

    /**
     * @param xyz 21 normalised landmarks, x, y, z interleaved
     */
    static NormRect fromLandmarks(float[] xyz, int imageWidth, int imageHeight) {
        int n = PALM_SUBSET.length;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xyz[3 * PALM_SUBSET[i]];
            ys[i] = xyz[3 * PALM_SUBSET[i] + 1];
        }
        // Rotation: wrist to the mean of (mean of index and ring MCP) and middle MCP, made vertical.
        float x1 = ((xs[4] + xs[8]) / 2f + xs[6]) / 2f;
        float y1 = ((ys[4] + ys[8]) / 2f + ys[6]) / 2f;
        float rotation = Geometry.rotationToVertical(xs[0] * imageWidth, ys[0] * imageHeight,
                x1 * imageWidth, y1 * imageHeight);
        float reverse = Geometry.normalizeRadians(-rotation);

        // MediaPipe seeds its maxima with FLT_MIN (the smallest positive float), not -FLT_MAX; kept as is.
        float maxX = Float.MIN_NORMAL;
        float maxY = Float.MIN_NORMAL;
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            maxX = Math.max(maxX, xs[i]);
            maxY = Math.max(maxY, ys[i]);
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
        }
        float alignedCx = (maxX + minX) / 2f;
        float alignedCy = (maxY + minY) / 2f;

        float cosR = (float) Math.cos(reverse);
        float sinR = (float) Math.sin(reverse);
        maxX = Float.MIN_NORMAL;
        maxY = Float.MIN_NORMAL;
        minX = Float.MAX_VALUE;
        minY = Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            float ox = (xs[i] - alignedCx) * imageWidth;
            float oy = (ys[i] - alignedCy) * imageHeight;
            float px = ox * cosR - oy * sinR;
            float py = ox * sinR + oy * cosR;
            maxX = Math.max(maxX, px);
            maxY = Math.max(maxY, py);
            minX = Math.min(minX, px);
            minY = Math.min(minY, py);
        }
        float projCx = (maxX + minX) / 2f;
        float projCy = (maxY + minY) / 2f;
        float cos = (float) Math.cos(rotation);
        float sin = (float) Math.sin(rotation);
        float cx = projCx * cos - projCy * sin + imageWidth * alignedCx;
        float cy = projCx * sin + projCy * cos + imageHeight * alignedCy;
        NormRect tight = new NormRect(cx / imageWidth, cy / imageHeight,
                (maxX - minX) / imageWidth, (maxY - minY) / imageHeight, rotation);
        return Geometry.transform(tight, imageWidth, imageHeight, SCALE, 0f, SHIFT_Y, true);
    }
}
