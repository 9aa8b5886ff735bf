package org.signspell.letters;

import org.signspell.hands.Handedness;
import org.signspell.hands.Landmarks;

/**
 * Turns tracker landmarks into the letter model's input. The Java twin of
 * {@code models/training/normalise.py}; the spec lives there and in models/MODEL_CARD.md, and the golden
 * vectors in {@code src/test/resources/golden/normalisation.json} hold both to 1e-5.
 *
 * <p>Spec (version 1): (1) pixel units, aspect-correct: {@code (x·W, y·H, z·W)}; (2) wrist-relative;
 * (3) {@code x = -x} when mirroring (the tracker labelled the hand "Left"); (4) divided by the palm size, the
 * mean 3-D distance from the wrist to the four finger knuckles (5, 9, 13, 17), or by 1 when that is below
 * 1e-6; (5) no rotation, because the hand's angle tells H from U, G from Q, K from P.
 * Arithmetic in double, rounded to float once, as the Python side does.
 */
public final class LandmarkNormalizer {
    /** Floats written per hand. */
    public static final int SIZE = Landmarks.COUNT * 3;
    private static final int[] PALM_KNUCKLES = {5, 9, 13, 17};
    private static final double MIN_SCALE = 1e-6;

    private LandmarkNormalizer() {
    }

    /**
     * Whether a hand needs mirroring into the model's canonical chirality. The canonical hand is the one
     * MediaPipe labels "Right" (its label assumes a selfie-mirrored image), so a "Left" label is mirrored.
     */
    public static boolean mirrorFor(Handedness trackerLabel) {
        return trackerLabel == Handedness.LEFT;
    }

    /** Writes the 63 normalised values of one hand into {@code out} at {@code offset}; allocates nothing. */
    public static void normalize(Landmarks image, int imageWidth, int imageHeight, boolean mirror,
                                 float[] out, int offset) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageWidth + "x" + imageHeight);
        }
        double w = imageWidth;
        double h = imageHeight;
        double wx = image.x(0) * w;
        double wy = image.y(0) * h;
        double wz = image.z(0) * w;
        double sign = mirror ? -1.0 : 1.0;
        double scale = meanKnuckleDistance(image, w, h, w);
        if (scale < MIN_SCALE) {
            scale = 1.0;
        }
        for (int i = 0; i < Landmarks.COUNT; i++) {
            int o = offset + 3 * i;
            out[o] = (float) (sign * (image.x(i) * w - wx) / scale);
            out[o + 1] = (float) ((image.y(i) * h - wy) / scale);
            out[o + 2] = (float) ((image.z(i) * w - wz) / scale);
        }
    }

    /**
     * The hand's size in the image plane, in pixels: the mean distance from the wrist to the four finger knuckles,
     * as normalisation measures it but without depth, for measuring how far a hand moved across the image.
     */
    public static double handSizeInImage(Landmarks image, int imageWidth, int imageHeight) {
        return meanKnuckleDistance(image, imageWidth, imageHeight, 0);
    }

    /** Mean wrist-to-knuckle distance in pixels, z scaled by {@code depthScale} (0: in the image plane). */
    private static double meanKnuckleDistance(Landmarks image, double w, double h, double depthScale) {
        double sum = 0;
        for (int k : PALM_KNUCKLES) {
            double dx = image.x(k) * w - image.x(0) * w;
            double dy = image.y(k) * h - image.y(0) * h;
            double dz = image.z(k) * depthScale - image.z(0) * depthScale;
            sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return sum / PALM_KNUCKLES.length;
    }

    /** Convenience for one-off use (tests, the classify command); the hot path uses the array form. */
    public static float[] normalize(Landmarks image, int imageWidth, int imageHeight, boolean mirror) {
        float[] out = new float[SIZE];
        normalize(image, imageWidth, imageHeight, mirror, out, 0);
        return out;
    }
}
