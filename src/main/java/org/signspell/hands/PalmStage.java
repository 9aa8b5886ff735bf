package org.signspell.hands;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * MediaPipe's {@code PalmDetectionCpu} subgraph plus the palm-to-ROI step: the frame letterboxed into the
 * 192×192 input with black borders, SSD decoding, weighted suppression, letterbox removal.
 */
final class PalmStage implements AutoCloseable {
    static final int INPUT_SIZE = SsdAnchors.INPUT_SIZE;

    private final TfLiteModel model;
    private final ImageToTensor letterbox;
    private final SsdAnchors anchors = SsdAnchors.palm();
    private final float[] boxes;
    private final float[] scores;
    private long lastPreprocessNanos;

    PalmStage(TfLiteModel model) {
        int[] in = model.inputShape();
        if (in.length != 4 || in[1] != INPUT_SIZE || in[2] != INPUT_SIZE || in[3] != 3 || model.outputCount() != 2
                || model.outputSize(0) != anchors.count() * PalmDecoding.NUM_COORDS
                || model.outputSize(1) != anchors.count()) {
            throw new ModelLoadException(model.fileName() + " is not MediaPipe's 192×192 palm detection model (input "
                    + java.util.Arrays.toString(in) + ", " + model.outputCount() + " outputs)");
        }
        this.model = model;
        this.letterbox = new ImageToTensor(model.input(), INPUT_SIZE, false);
        this.boxes = new float[anchors.count() * PalmDecoding.NUM_COORDS];
        this.scores = new float[anchors.count()];
    }

    /**
     * Palms in decreasing score order, normalised to the image.
     *
     * @param zoomOut 1 for MediaPipe's letterbox; above 1, the image is shrunk into a square canvas that many times
     *                its long side, so a hand that fills the picture comes out at a size the model finds
     * @param mirror  the model sees the picture mirrored left to right, and the palms it finds are mirrored back,
     *                so they are in the picture's own coordinates
     */
    List<PalmDetection> detect(Mat bgr, float minScore, float zoomOut, boolean mirror) {
        int width = bgr.cols();
        int height = bgr.rows();
        long start = System.nanoTime();
        // keep_aspect_ratio: the whole image, padded to a square around its centre.
        float side = zoomOut * Math.max(width, height);
        letterbox.convert(bgr, width / 2f, height / 2f, side, side, 0f, mirror);
        lastPreprocessNanos = System.nanoTime() - start;
        model.invoke();
        model.output(0).get(boxes);
        model.output(1).get(scores);
        List<PalmDetection> palms = PalmDecoding.weightedNms(
                PalmDecoding.decode(boxes, scores, anchors, minScore), PalmDecoding.NMS_IOU);
        float padX = (1f - width / side) / 2f;
        float padY = (1f - height / side) / 2f;
        List<PalmDetection> result = new ArrayList<>(palms.size());
        for (PalmDetection palm : palms) {
            // The letterbox is centred, so mirroring in the model's input and in the picture are the same.
            result.add(PalmDecoding.removeLetterbox(mirror ? PalmDecoding.mirror(palm) : palm, padX, padY));
        }
        return result;
    }

    long lastPreprocessNanos() {
        return lastPreprocessNanos;
    }

    long lastModelNanos() {
        return model.lastInvokeNanos();
    }

    @Override
    public void close() {
        letterbox.close();
        model.close();
    }
}
