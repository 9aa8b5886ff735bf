package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The palm stage's pure maths against values worked out by hand from MediaPipe's definitions. */
class PalmMathTest {
    private static final float EPS = 1e-6f;

    @Test
    void anchorsFollowMediaPipesLayoutForThe192Input() {
        SsdAnchors anchors = SsdAnchors.palm();
        assertThat(anchors.count()).isEqualTo(2016);
        // Stride 8: 24×24 cells, 2 anchors each, row by row.
        assertThat(anchors.xCenter(0)).isCloseTo(0.5f / 24, within(EPS));
        assertThat(anchors.xCenter(1)).isCloseTo(0.5f / 24, within(EPS));
        assertThat(anchors.xCenter(2)).isCloseTo(1.5f / 24, within(EPS));
        assertThat(anchors.yCenter(2 * 24)).isCloseTo(1.5f / 24, within(EPS));
        // Strides 16, 16, 16 share one 12×12 grid with 6 anchors per cell, after the 1152 stride-8 anchors.
        assertThat(anchors.xCenter(1152)).isCloseTo(0.5f / 12, within(EPS));
        assertThat(anchors.xCenter(1157)).isCloseTo(0.5f / 12, within(EPS));
        assertThat(anchors.xCenter(1158)).isCloseTo(1.5f / 12, within(EPS));
        assertThat(anchors.xCenter(2015)).isCloseTo(11.5f / 12, within(EPS));
        assertThat(anchors.yCenter(2015)).isCloseTo(11.5f / 12, within(EPS));
    }

    @Test
    void decodesBoxesAndKeypointsRelativeToTheirAnchorAndClipsScores() {
        SsdAnchors anchors = SsdAnchors.palm();
        float[] boxes = new float[anchors.count() * PalmDecoding.NUM_COORDS];
        float[] scores = new float[anchors.count()];
        java.util.Arrays.fill(scores, -5f);
        int i = 1158;
        int o = i * PalmDecoding.NUM_COORDS;
        boxes[o] = 19.2f;       // centre x: +0.1 of the input
        boxes[o + 1] = -9.6f;   // centre y: -0.05
        boxes[o + 2] = 38.4f;   // width 0.2
        boxes[o + 3] = 57.6f;   // height 0.3
        boxes[o + 4] = 9.6f;    // keypoint 0 x: +0.05
        boxes[o + 5] = 0f;
        scores[i] = 1000f;      // clipped to 100 before the sigmoid
        List<PalmDetection> found = PalmDecoding.decode(boxes, scores, anchors, 0.5f);
        assertThat(found).hasSize(1);
        PalmDetection d = found.get(0);
        assertThat(d.score()).isEqualTo(1f);
        float cx = 1.5f / 12 + 0.1f;
        float cy = 0.5f / 12 - 0.05f;
        assertThat(d.xmin()).isCloseTo(cx - 0.1f, within(EPS));
        assertThat(d.ymin()).isCloseTo(cy - 0.15f, within(EPS));
        assertThat(d.width()).isCloseTo(0.2f, within(EPS));
        assertThat(d.height()).isCloseTo(0.3f, within(EPS));
        assertThat(d.keypointX(0)).isCloseTo(1.5f / 12 + 0.05f, within(EPS));
        assertThat(d.keypointY(1)).isCloseTo(0.5f / 12, within(EPS));
        assertThat(PalmDecoding.decode(boxes, scores, anchors, 0.99999f)).hasSize(1);
        scores[i] = 0f;  // sigmoid 0.5: kept at 0.5, dropped above
        assertThat(PalmDecoding.decode(boxes, scores, anchors, 0.5f)).hasSize(1);
        assertThat(PalmDecoding.decode(boxes, scores, anchors, 0.51f)).isEmpty();
    }

    @Test
    void aBoxOfNegativeOrNanSizeIsDroppedAndCannotHideARealPalm() {
        SsdAnchors anchors = SsdAnchors.palm();
        float[] boxes = new float[anchors.count() * PalmDecoding.NUM_COORDS];
        float[] scores = new float[anchors.count()];
        java.util.Arrays.fill(scores, -5f);
        int real = 1158;
        boxes[real * PalmDecoding.NUM_COORDS + 2] = 38.4f;
        boxes[real * PalmDecoding.NUM_COORDS + 3] = 38.4f;
        scores[real] = 3f;
        int negative = 200;
        boxes[negative * PalmDecoding.NUM_COORDS + 2] = -2f;
        boxes[negative * PalmDecoding.NUM_COORDS + 3] = 38.4f;
        scores[negative] = 6f;  // the best score: first in the suppression
        int nan = 300;
        boxes[nan * PalmDecoding.NUM_COORDS + 2] = Float.NaN;
        boxes[nan * PalmDecoding.NUM_COORDS + 3] = 38.4f;
        scores[nan] = 5f;
        List<PalmDetection> decoded = PalmDecoding.decode(boxes, scores, anchors, 0.5f);
        assertThat(decoded).hasSize(1);
        assertThat(PalmDecoding.weightedNms(decoded, 0.3f)).singleElement()
                .satisfies(d -> assertThat(d.width()).isCloseTo(0.2f, within(EPS)));
    }

    @Test
    void weightedNmsAveragesOverlappingDetectionsByScoreAndKeepsTheBestScore() {
        PalmDetection best = palm(0.10f, 0.10f, 0.20f, 0.20f, 0.9f, 1f);
        PalmDetection overlapping = palm(0.12f, 0.10f, 0.20f, 0.20f, 0.6f, 2f);
        PalmDetection elsewhere = palm(0.60f, 0.60f, 0.20f, 0.20f, 0.7f, 3f);
        List<PalmDetection> kept = PalmDecoding.weightedNms(List.of(overlapping, elsewhere, best), 0.3f);
        assertThat(kept).hasSize(2);
        PalmDetection merged = kept.get(0);
        assertThat(merged.score()).isEqualTo(0.9f);
        assertThat(merged.xmin()).isCloseTo((0.10f * 0.9f + 0.12f * 0.6f) / 1.5f, within(EPS));
        assertThat(merged.width()).isCloseTo(0.20f, within(EPS));
        assertThat(merged.keypointX(3)).isCloseTo((1f * 0.9f + 2f * 0.6f) / 1.5f, within(EPS));
        // A lone detection is "merged" with itself only: unchanged up to float rounding.
        assertThat(kept.get(1).score()).isEqualTo(0.7f);
        assertThat(kept.get(1).xmin()).isCloseTo(0.6f, within(EPS));
        assertThat(kept.get(1).width()).isCloseTo(0.2f, within(EPS));
        assertThat(kept.get(1).keypointX(0)).isCloseTo(3f, within(EPS));
    }

    @Test
    void letterboxRemovalUndoesTheBordersOfALandscapeFrame() {
        // 640×480 in a 640×640 square: 80 px bands above and below, 0.125 of the square each.
        PalmDetection inSquare = palm(0.25f, 0.125f, 0.5f, 0.375f, 0.8f, 0.5f);
        PalmDetection inImage = PalmDecoding.removeLetterbox(inSquare, 0f, 0.125f);
        assertThat(inImage.xmin()).isCloseTo(0.25f, within(EPS));
        assertThat(inImage.ymin()).isCloseTo(0f, within(EPS));
        assertThat(inImage.height()).isCloseTo(0.5f, within(EPS));
        assertThat(inImage.keypointY(0)).isCloseTo((0.5f - 0.125f) / 0.75f, within(EPS));
    }

    @Test
    void handRoiIsRotatedFromWristToMiddleFingerShiftedAndScaled() {
        // Upright palm on a square image: wrist below the middle-finger MCP, no rotation.
        float[] up = new float[14];
        up[0] = 0.5f;
        up[1] = 0.6f;
        up[4] = 0.5f;
        up[5] = 0.4f;
        NormRect upright = PalmDecoding.handRoi(new PalmDetection(0.4f, 0.4f, 0.2f, 0.2f, up, 0.9f), 100, 100);
        assertThat(upright.rotation()).isCloseTo(0f, within(EPS));
        assertThat(upright.xCenter()).isCloseTo(0.5f, within(EPS));
        assertThat(upright.yCenter()).isCloseTo(0.5f - 0.5f * 0.2f, within(EPS));
        assertThat(upright.width()).isCloseTo(0.52f, within(EPS));

        // Fingers pointing right on a 640×480 frame: turned a quarter clockwise, shift goes right, and the
        // square is square in pixels.
        float[] right = new float[14];
        right[0] = 0.4f;
        right[1] = 0.5f;
        right[4] = 0.6f;
        right[5] = 0.5f;
        NormRect turned = PalmDecoding.handRoi(new PalmDetection(0.4f, 0.4f, 0.15f, 0.2f, right, 0.9f), 640, 480);
        assertThat(turned.rotation()).isCloseTo((float) (Math.PI / 2), within(EPS));
        assertThat(turned.xCenter()).isCloseTo(0.475f + 0.5f * 0.2f * 480 / 640, within(EPS));
        assertThat(turned.yCenter()).isCloseTo(0.5f, within(1e-5f));
        assertThat(turned.width() * 640).isCloseTo(turned.height() * 480, within(1e-3f));
        assertThat(turned.height()).isCloseTo(0.2f * 2.6f, within(EPS));
    }

    @Test
    void aMirroredPalmGivesTheMirroredHandRoi() {
        // Fingers up and to the right on a 640×480 frame; mirrored, they point up and to the left.
        float[] keypoints = new float[14];
        keypoints[0] = 0.30f;
        keypoints[1] = 0.60f;
        keypoints[4] = 0.42f;
        keypoints[5] = 0.45f;
        PalmDetection palm = new PalmDetection(0.25f, 0.40f, 0.20f, 0.25f, keypoints, 0.9f);
        PalmDetection mirrored = PalmDecoding.mirror(palm);
        assertThat(mirrored.xmin() + mirrored.width()).isCloseTo(1f - palm.xmin(), within(EPS));
        assertThat(mirrored.keypointX(2)).isCloseTo(1f - 0.42f, within(EPS));
        assertThat(mirrored.keypointY(2)).isEqualTo(0.45f);
        assertThat(PalmDecoding.mirror(mirrored)).usingRecursiveComparison().isEqualTo(palm);

        NormRect roi = PalmDecoding.handRoi(palm, 640, 480);
        NormRect mirroredRoi = PalmDecoding.handRoi(mirrored, 640, 480);
        assertThat(mirroredRoi.xCenter()).isCloseTo(1f - roi.xCenter(), within(EPS));
        assertThat(mirroredRoi.yCenter()).isCloseTo(roi.yCenter(), within(EPS));
        assertThat(mirroredRoi.rotation()).isCloseTo(-roi.rotation(), within(EPS));
        assertThat(mirroredRoi.width()).isCloseTo(roi.width(), within(EPS));
    }

    @Test
    void normalizeRadiansMapsIntoMinusPiToPi() {
        assertThat(Geometry.normalizeRadians((float) (3 * Math.PI / 2))).isCloseTo((float) (-Math.PI / 2),
                within(EPS));
        assertThat(Geometry.normalizeRadians(0.5f)).isCloseTo(0.5f, within(EPS));
        // Hand pointing down: rotation is pi (or -pi), half a turn either way.
        assertThat(Math.abs(Geometry.rotationToVertical(0, 0, 0, 10))).isCloseTo((float) Math.PI, within(EPS));
    }

    private static PalmDetection palm(float xmin, float ymin, float w, float h, float score, float keypointValue) {
        float[] keypoints = new float[14];
        java.util.Arrays.fill(keypoints, keypointValue);
        return new PalmDetection(xmin, ymin, w, h, keypoints, score);
    }
}
