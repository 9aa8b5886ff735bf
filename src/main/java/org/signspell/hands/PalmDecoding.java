package org.signspell.hands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The palm detector's post-processing, as MediaPipe's {@code TensorsToDetectionsCalculator},
 * {@code NonMaxSuppressionCalculator} (WEIGHTED) and {@code DetectionLetterboxRemovalCalculator} do it.
 * Pure functions over arrays, so they can be tested without a model.
 */
final class PalmDecoding {
    static final int NUM_COORDS = 18;
    static final float SCORE_CLIP = 100f;
    /** x_scale = y_scale = w_scale = h_scale in palm_detection_cpu.pbtxt. */
    static final float COORD_SCALE = 192f;
    static final float NMS_IOU = 0.3f;

    private PalmDecoding() {
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /**
     * Decodes boxes whose score reaches {@code minScore}. {@code boxes} holds {@code anchors.count()}
     * rows of 18 values: centre x, centre y, width, height (in input pixels, relative to the anchor),
     * then 7 keypoints x, y; {@code scores} the raw logits.
     */
    static List<PalmDetection> decode(float[] boxes, float[] scores, SsdAnchors anchors, float minScore) {
        List<PalmDetection> detections = new ArrayList<>();
        for (int i = 0; i < anchors.count(); i++) {
            float raw = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[i]));
            float score = sigmoid(raw);
            if (score < minScore) {
                continue;
            }
            int o = i * NUM_COORDS;
            // fixed_anchor_size: anchor width and height are 1.
            float xCenter = boxes[o] / COORD_SCALE + anchors.xCenter(i);
            float yCenter = boxes[o + 1] / COORD_SCALE + anchors.yCenter(i);
            float w = boxes[o + 2] / COORD_SCALE;
            float h = boxes[o + 3] / COORD_SCALE;
            if (!(w >= 0 && h >= 0)) {
                // As MediaPipe's decoder drops them: a box of negative or NaN size overlaps nothing, not even
                // itself, and at the top of the suppression it would end it with every real palm unseen.
                continue;
            }
            float ymin = yCenter - h / 2f;
            float xmin = xCenter - w / 2f;
            float ymax = yCenter + h / 2f;
            float xmax = xCenter + w / 2f;
            float[] keypoints = new float[2 * PalmDetection.KEYPOINTS];
            for (int k = 0; k < PalmDetection.KEYPOINTS; k++) {
                keypoints[2 * k] = boxes[o + 4 + 2 * k] / COORD_SCALE + anchors.xCenter(i);
                keypoints[2 * k + 1] = boxes[o + 5 + 2 * k] / COORD_SCALE + anchors.yCenter(i);
            }
            detections.add(new PalmDetection(xmin, ymin, xmax - xmin, ymax - ymin, keypoints, score));
        }
        return detections;
    }

    /**
     * WEIGHTED non-maximum suppression: the best remaining detection absorbs every detection overlapping
     * it by more than {@code iouThreshold} (itself included), and its box and keypoints become their
     * score-weighted mean; its score stays its own. Output is in decreasing score order.
     */
    static List<PalmDetection> weightedNms(List<PalmDetection> detections, float iouThreshold) {
        List<PalmDetection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble((PalmDetection d) -> d.score()).reversed());
        List<PalmDetection> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            PalmDetection best = remaining.get(0);
            List<PalmDetection> rest = new ArrayList<>();
            float totalScore = 0f;
            float wxmin = 0f;
            float wymin = 0f;
            float wxmax = 0f;
            float wymax = 0f;
            float[] keypoints = new float[2 * PalmDetection.KEYPOINTS];
            int absorbed = 0;
            for (PalmDetection candidate : remaining) {
                if (overlap(candidate, best) > iouThreshold) {
                    float s = candidate.score();
                    totalScore += s;
                    wxmin += candidate.xmin() * s;
                    wymin += candidate.ymin() * s;
                    wxmax += (candidate.xmin() + candidate.width()) * s;
                    wymax += (candidate.ymin() + candidate.height()) * s;
                    for (int k = 0; k < keypoints.length; k++) {
                        keypoints[k] += candidate.keypoints()[k] * s;
                    }
                    absorbed++;
                } else {
                    rest.add(candidate);
                }
            }
            if (absorbed == 0) {
                // Degenerate (zero-area) box: keep it as it is, like MediaPipe, and stop.
                kept.add(best);
                break;
            }
            for (int k = 0; k < keypoints.length; k++) {
                keypoints[k] /= totalScore;
            }
            float xmin = wxmin / totalScore;
            float ymin = wymin / totalScore;
            kept.add(new PalmDetection(xmin, ymin, wxmax / totalScore - xmin, wymax / totalScore - ymin,
                    keypoints, best.score()));
            remaining = rest;
        }
        return kept;
    }

    private static float overlap(PalmDetection a, PalmDetection b) {
        return Geometry.iou(a.xmin(), a.ymin(), a.xmin() + a.width(), a.ymin() + a.height(),
                b.xmin(), b.ymin(), b.xmin() + b.width(), b.ymin() + b.height());
    }

    /** The same palm in the picture mirrored left to right (x -> 1 - x), in normalised coordinates. */
    static PalmDetection mirror(PalmDetection d) {
        float[] keypoints = d.keypoints().clone();
        for (int k = 0; k < PalmDetection.KEYPOINTS; k++) {
            keypoints[2 * k] = 1f - d.keypointX(k);
        }
        return new PalmDetection(1f - d.xmin() - d.width(), d.ymin(), d.width(), d.height(), keypoints, d.score());
    }

    /**
     * Maps a detection from the letterboxed square input back to the image.
     *
     * @param padX fraction of the input width that is border on each side
     * @param padY fraction of the input height that is border on top and bottom
     */
    static PalmDetection removeLetterbox(PalmDetection d, float padX, float padY) {
        float sx = 1f - 2f * padX;
        float sy = 1f - 2f * padY;
        float[] keypoints = new float[d.keypoints().length];
        for (int k = 0; k < PalmDetection.KEYPOINTS; k++) {
            keypoints[2 * k] = (d.keypointX(k) - padX) / sx;
            keypoints[2 * k + 1] = (d.keypointY(k) - padY) / sy;
        }
        return new PalmDetection((d.xmin() - padX) / sx, (d.ymin() - padY) / sy, d.width() / sx, d.height() / sy,
                keypoints, d.score());
    }

    /**
     * The hand ROI MediaPipe derives from a palm ({@code PalmDetectionDetectionToRoi}): box centre, rotation
     * from the wrist (keypoint 0) to the middle-finger MCP (keypoint 2) made vertical, then shifted half a
     * box towards the fingers, squared on the long side and scaled 2.6×.
     */
    static NormRect handRoi(PalmDetection d, int imageWidth, int imageHeight) {
        float rotation = Geometry.rotationToVertical(
                d.keypointX(0) * imageWidth, d.keypointY(0) * imageHeight,
                d.keypointX(2) * imageWidth, d.keypointY(2) * imageHeight);
        NormRect box = new NormRect(d.xmin() + d.width() / 2f, d.ymin() + d.height() / 2f, d.width(), d.height(),
                rotation);
        return Geometry.transform(box, imageWidth, imageHeight, 2.6f, 0f, -0.5f, true);
    }
}
