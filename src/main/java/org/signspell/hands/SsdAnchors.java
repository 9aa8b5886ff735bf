package org.signspell.hands;

import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's {@code SsdAnchorsCalculator} for the palm detector. With {@code fixed_anchor_size} every
 * anchor is 1×1, so only the centres matter; they are generated in MediaPipe's order (layer groups of
 * equal stride, then rows, columns and anchors per cell), which is the order of the model's outputs.
 */
final class SsdAnchors {
    // palm_detection_cpu.pbtxt, SsdAnchorsCalculatorOptions. Its min_scale 0.1484375 and max_scale 0.75
    // only size the anchors, which fixed_anchor_size makes 1×1, so they do not appear here.
    static final int INPUT_SIZE = 192;
    static final int NUM_LAYERS = 4;
    static final int[] STRIDES = {8, 16, 16, 16};
    static final float ANCHOR_OFFSET = 0.5f;
    /** The option's default; each layer adds one interpolated-scale anchor to its aspect-ratio anchors. */
    static final float INTERPOLATED_SCALE_ASPECT_RATIO = 1.0f;
    static final float[] ASPECT_RATIOS = {1.0f};

    private final float[] xCenter;
    private final float[] yCenter;

    private SsdAnchors(float[] xCenter, float[] yCenter) {
        this.xCenter = xCenter;
        this.yCenter = yCenter;
    }

    static SsdAnchors palm() {
        List<float[]> centres = new ArrayList<>();
        int layer = 0;
        while (layer < NUM_LAYERS) {
            int anchorsPerCell = 0;
            int last = layer;
            while (last < NUM_LAYERS && STRIDES[last] == STRIDES[layer]) {
                // Sizes are not needed (fixed_anchor_size), but the count per cell is.
                anchorsPerCell += ASPECT_RATIOS.length;
                if (INTERPOLATED_SCALE_ASPECT_RATIO > 0f) {
                    anchorsPerCell++;
                }
                last++;
            }
            int stride = STRIDES[layer];
            int rows = (int) Math.ceil((double) INPUT_SIZE / stride);
            int cols = (int) Math.ceil((double) INPUT_SIZE / stride);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    for (int a = 0; a < anchorsPerCell; a++) {
                        centres.add(new float[] {(x + ANCHOR_OFFSET) / cols, (y + ANCHOR_OFFSET) / rows});
                    }
                }
            }
            layer = last;
        }
        float[] xs = new float[centres.size()];
        float[] ys = new float[centres.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = centres.get(i)[0];
            ys[i] = centres.get(i)[1];
        }
        return new SsdAnchors(xs, ys);
    }

    int count() {
        return xCenter.length;
    }

    float xCenter(int i) {
        return xCenter[i];
    }

    float yCenter(int i) {
        return yCenter[i];
    }
}
