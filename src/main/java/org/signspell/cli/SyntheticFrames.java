package org.signspell.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.util.Random;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Frames the self-test draws itself, so that an installed app can check its tracker without any photo:
 * frames with no hand in them, and a flat cartoon of an open right hand (palm to the camera, fingers up)
 * drawn from 21 joint positions written down here. MediaPipe's models find that cartoon as a hand and
 * put their landmarks on the drawn joints; the self-test checks they do.
 */
final class SyntheticFrames {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    /** The drawn joints, in MediaPipe's landmark order, in a 256-unit design space (wrist at the bottom). */
    private static final int[][] JOINTS = {
            {128, 212}, {96, 196}, {74, 172}, {60, 148}, {48, 126},
            {104, 128}, {98, 92}, {94, 68}, {92, 46},
            {126, 122}, {126, 82}, {126, 56}, {126, 32},
            {148, 128}, {154, 92}, {158, 68}, {160, 48},
            {168, 140}, {180, 112}, {188, 92}, {194, 74}};
    private static final int[][] BONES = {
            {0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {5, 6}, {6, 7}, {7, 8}, {5, 9}, {9, 10}, {10, 11},
            {11, 12}, {9, 13}, {13, 14}, {14, 15}, {15, 16}, {13, 17}, {0, 17}, {17, 18}, {18, 19}, {19, 20}};
    private static final int[] PALM_OUTLINE = {0, 1, 2, 5, 9, 13, 17};
    /** Finger joints that get a crease line, so fingers read as fingers and not as sticks. */
    private static final int[] CREASES = {3, 6, 7, 10, 11, 14, 15, 18, 19};
    private static final double SCALE = 1.3;
    private static final int FINGER_WIDTH = 22;

    private SyntheticFrames() {
    }

    /** A flat grey frame. */
    static Mat blank() {
        return new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(128, 128, 128, 0));
    }

    /** Smooth coloured blotches from a fixed seed: texture, edges and skin-like tones, but no hand. */
    static Mat blotches() {
        Mat frame = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(90, 110, 120, 0));
        Random random = new Random(20261125L);
        for (int i = 0; i < 40; i++) {
            Point centre = new Point(random.nextInt(WIDTH), random.nextInt(HEIGHT));
            Scalar colour = new Scalar(60 + random.nextInt(160), 60 + random.nextInt(160), 60 + random.nextInt(180), 0);
            circle(frame, centre, 8 + random.nextInt(50), colour, FILLED, LINE_AA, 0);
            centre.close();
            colour.close();
        }
        try (UByteIndexer pixels = frame.createIndexer()) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    for (int c = 0; c < 3; c++) {
                        int v = pixels.get(y, x, c) + random.nextInt(21) - 10;
                        pixels.put(y, x, c, Math.max(0, Math.min(255, v)));
                    }
                }
            }
        }
        try (Size kernel = new Size(5, 5)) {
            GaussianBlur(frame, frame, kernel, 0);
        }
        return frame;
    }

    /** The cartoon hand; {@code dx, dy} move it, in pixels. */
    static Mat hand(int dx, int dy) {
        Mat frame = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(90, 110, 120, 0));
        Point[] joints = new Point[JOINTS.length];
        for (int i = 0; i < JOINTS.length; i++) {
            joints[i] = new Point((int) Math.round(jointX(i) + dx), (int) Math.round(jointY(i) + dy));
        }
        try (Scalar skin = new Scalar(130, 160, 215, 0);
             Scalar crease = new Scalar(100, 125, 180, 0);
             Mat palm = new Mat(PALM_OUTLINE.length, 1, CV_32SC2);
             IntIndexer outline = palm.createIndexer()) {
            for (int k = 0; k < PALM_OUTLINE.length; k++) {
                outline.put(k, 0, 0, joints[PALM_OUTLINE[k]].x());
                outline.put(k, 0, 1, joints[PALM_OUTLINE[k]].y());
            }
            fillConvexPoly(frame, palm, skin, LINE_AA, 0);
            for (int[] bone : BONES) {
                line(frame, joints[bone[0]], joints[bone[1]], skin, FINGER_WIDTH, LINE_AA, 0);
            }
            for (Point joint : joints) {
                circle(frame, joint, FINGER_WIDTH / 2, skin, FILLED, LINE_AA, 0);
            }
            for (int j : CREASES) {
                try (Point from = new Point(joints[j].x() - FINGER_WIDTH / 3, joints[j].y());
                     Point to = new Point(joints[j].x() + FINGER_WIDTH / 3, joints[j].y())) {
                    line(frame, from, to, crease, 2, LINE_AA, 0);
                }
            }
        }
        for (Point joint : joints) {
            joint.close();
        }
        try (Size kernel = new Size(5, 5)) {
            GaussianBlur(frame, frame, kernel, 0);
        }
        return frame;
    }

    /** The same frame mirrored left to right (a left hand, for the cartoon). */
    static Mat mirrored(Mat frame) {
        Mat out = new Mat();
        flip(frame, out, 1);
        return out;
    }

    /** Drawn position of joint {@code i} in frame pixels, before any move. */
    static double jointX(int i) {
        return WIDTH / 2.0 + (JOINTS[i][0] - 128) * SCALE;
    }

    static double jointY(int i) {
        return 400 + (JOINTS[i][1] - 212) * SCALE;
    }

    static int jointCount() {
        return JOINTS.length;
    }

    /** Diagonal of the drawn joints' bounding box, in pixels: the hand size errors are measured against. */
    static double handDiagonal() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < JOINTS.length; i++) {
            minX = Math.min(minX, jointX(i));
            maxX = Math.max(maxX, jointX(i));
            minY = Math.min(minY, jointY(i));
            maxY = Math.max(maxY, jointY(i));
        }
        return Math.hypot(maxX - minX, maxY - minY);
    }
}
