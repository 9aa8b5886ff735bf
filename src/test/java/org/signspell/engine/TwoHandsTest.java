package org.signspell.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/**
 * Two hands in view, as the app runs: a Y and a V side by side (two real photos, the V mirrored so it is the other
 * hand). The signing hand set by the user decides which one is read; with one hand tracked the tracker looks for
 * a second only every tenth frame.
 */
class TwoHandsTest {
    private static Mat both;

    @BeforeAll
    static void compose() {
        Mat y = imread(SharedData.resolve("photos/t32rahman-webcam/Y/12.jpg").toString());
        Mat v = imread(SharedData.resolve("photos/t32rahman-webcam/V/12.jpg").toString());
        Mat mirrored = new Mat();
        flip(v, mirrored, 1);
        both = new Mat(480, 1280, CV_8UC3, new Scalar(0.0));
        y.copyTo(both.apply(new Rect(0, 0, 640, 480)));
        mirrored.copyTo(both.apply(new Rect(640, 0, 640, 480)));
        y.close();
        v.close();
        mirrored.close();
    }

    @AfterAll
    static void release() {
        // Null where ../shared is missing and compose() was skipped.
        if (both != null) {
            both.close();
        }
    }

    private static List<String> read(SigningHand hand) {
        List<String> letters = new ArrayList<>();
        try (FrameProcessor processor = FrameProcessor.open(EngineSettings.defaults().withSigningHand(hand))) {
            for (int i = 0; i < 12; i++) {
                FrameResult r = processor.process(both, i, i * 33_333L).result();
                assertThat(r.hands()).as("hands on frame %d", i).hasSize(2);
                letters.add(r.prediction() == null ? null : r.prediction().letter().label());
            }
        }
        return letters;
    }

    @Test
    void theSigningHandSetByTheUserIsTheOneRead() {
        // The Y is a right hand in the camera's view, the mirrored V a left one.
        assertThat(read(SigningHand.RIGHT)).containsOnly("Y");
        assertThat(read(SigningHand.LEFT)).containsOnly("V");
        // Detect: the first hand found, and then the same hand on every frame, never switching.
        assertThat(read(SigningHand.AUTO)).containsOnly("Y");
    }
}
