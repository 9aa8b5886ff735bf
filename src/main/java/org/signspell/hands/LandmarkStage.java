package org.signspell.hands;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * MediaPipe's {@code HandLandmarkCpu} subgraph: the landmark model on the rotated ROI crop, then the
 * landmarks projected back to the image, world landmarks turned by the ROI's rotation, presence and
 * handedness read as the model gives them (it ends in sigmoids: both are probabilities already).
 */
final class LandmarkStage implements AutoCloseable {
    static final int INPUT_SIZE = 224;
    /** TensorsToLandmarksCalculator's normalize_z for the hand model. */
    static final float NORMALIZE_Z = 0.4f;
    private static final int OUT_LANDMARKS = 0;
    private static final int OUT_PRESENCE = 1;
    private static final int OUT_HANDEDNESS = 2;
    private static final int OUT_WORLD = 3;

    /** What the model said about one ROI. */
    record Output(float presence, float leftScore, float[] landmarks, float[] world) {
    }

    private final TfLiteModel model;
    private final ImageToTensor crop;
    private final float[] rawLandmarks = new float[Landmarks.COUNT * 3];
    private final float[] rawWorld = new float[Landmarks.COUNT * 3];
    private long lastPreprocessNanos;

    LandmarkStage(TfLiteModel model) {
        int[] in = model.inputShape();
        if (in.length != 4 || in[1] != INPUT_SIZE || in[2] != INPUT_SIZE || in[3] != 3 || model.outputCount() != 4
                || model.outputSize(OUT_LANDMARKS) != 63 || model.outputSize(OUT_WORLD) != 63) {
            throw new ModelLoadException(model.fileName() + " is not MediaPipe's hand landmark model (input "
                    + java.util.Arrays.toString(in) + ", " + model.outputCount() + " outputs)");
        }
        this.model = model;
        this.crop = new ImageToTensor(model.input(), INPUT_SIZE, true);
    }

    /** Runs the model on {@code roi}; landmarks are only decoded when presence reaches {@code minPresence}. */
    Output run(Mat bgr, NormRect roi, float minPresence) {
        int width = bgr.cols();
        int height = bgr.rows();
        long start = System.nanoTime();
        // The ROI is square in pixels (square_long), so keep_aspect_ratio adds no letterbox here.
        crop.convert(bgr, roi.xCenter() * width, roi.yCenter() * height, roi.width() * width,
                roi.height() * height, roi.rotation());
        lastPreprocessNanos = System.nanoTime() - start;
        model.invoke();
        float presence = model.output(OUT_PRESENCE).get(0);
        float leftScore = model.output(OUT_HANDEDNESS).get(0);
        // ThresholdingCalculator keeps a hand only above the threshold (a tie drops it), NaN never.
        if (!(presence > minPresence)) {
            return new Output(presence, leftScore, null, null);
        }
        model.output(OUT_LANDMARKS).get(rawLandmarks);
        model.output(OUT_WORLD).get(rawWorld);
        return new Output(presence, leftScore, project(rawLandmarks, roi), rotateWorld(rawWorld, roi.rotation()));
    }

    /** LandmarkProjectionCalculator: crop pixels to image fractions; z scaled like x by the ROI width. */
    static float[] project(float[] raw, NormRect roi) {
        float cos = (float) Math.cos(roi.rotation());
        float sin = (float) Math.sin(roi.rotation());
        float[] out = new float[raw.length];
        for (int i = 0; i < Landmarks.COUNT; i++) {
            float x = raw[3 * i] / INPUT_SIZE - 0.5f;
            float y = raw[3 * i + 1] / INPUT_SIZE - 0.5f;
            float z = raw[3 * i + 2] / INPUT_SIZE / NORMALIZE_Z;
            out[3 * i] = (cos * x - sin * y) * roi.width() + roi.xCenter();
            out[3 * i + 1] = (sin * x + cos * y) * roi.height() + roi.yCenter();
            out[3 * i + 2] = z * roi.width();
        }
        return out;
    }

    /** WorldLandmarkProjectionCalculator: metres around the hand, turned back by the ROI's rotation. */
    static float[] rotateWorld(float[] raw, float rotation) {
        float cos = (float) Math.cos(rotation);
        float sin = (float) Math.sin(rotation);
        float[] out = new float[raw.length];
        for (int i = 0; i < Landmarks.COUNT; i++) {
            float x = raw[3 * i];
            float y = raw[3 * i + 1];
            out[3 * i] = cos * x - sin * y;
            out[3 * i + 1] = sin * x + cos * y;
            out[3 * i + 2] = raw[3 * i + 2];
        }
        return out;
    }

    long lastPreprocessNanos() {
        return lastPreprocessNanos;
    }

    long lastModelNanos() {
        return model.lastInvokeNanos();
    }

    @Override
    public void close() {
        crop.close();
        model.close();
    }
}
