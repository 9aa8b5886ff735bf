package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/**
 * Acceptance 2 of issue 2: tracking mode on 120 real consecutive webcam frames (the signer spelling Z,
 * played at 30 fps) skips palm detection on nearly every frame and gives the landmarks static mode gives.
 */
class TrackingSequenceTest {
    private static final long FRAME_MICROS = 33_333;
    private static final List<Mat> frames = new ArrayList<>();

    @BeforeAll
    static void readFrames() throws IOException {
        Path folder = SharedData.resolve("sequences/t32rahman-webcam/Z");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                frames.add(imread(file.toString()));
            }
        }
        assertThat(frames).hasSize(120);
    }

    @AfterAll
    static void closeFrames() {
        frames.forEach(Mat::close);
        frames.clear();
    }

    @Test
    void tracksWithRarePalmDetectionAndStaticModeLandmarks() {
        List<List<HandResult>> tracked = run(TrackerOptions.defaults());
        int palmRuns = tracked.size() - countSkipped;
        List<List<HandResult>> still = run(TrackerOptions.defaults().withStaticMode(true));

        List<Double> perFrame = new ArrayList<>();
        int trackedOnly = 0;
        int staticOnly = 0;
        for (int i = 0; i < frames.size(); i++) {
            List<HandResult> t = tracked.get(i);
            List<HandResult> s = still.get(i);
            if (t.isEmpty() || s.isEmpty()) {
                trackedOnly += !t.isEmpty() && s.isEmpty() ? 1 : 0;
                staticOnly += t.isEmpty() && !s.isEmpty() ? 1 : 0;
                continue;
            }
            perFrame.add(meanDistance(t.get(0).landmarks().xyz(), s.get(0).landmarks().xyz(), 640, 480));
        }
        System.out.printf("Tracking on sequences/t32rahman-webcam/Z: palm detection on %d of %d frames; hand on %d "
                        + "frames tracked, %d static (%d only tracked, %d only static)%n",
                palmRuns, frames.size(), count(tracked), count(still), trackedOnly, staticOnly);
        System.out.printf("  tracked vs static, per-frame mean landmark distance / hand size: mean %.3f%%, "
                        + "median %.3f%%, max %.3f%% over %d frames%n",
                100 * MediaPipeFidelityTest.mean(perFrame), 100 * MediaPipeFidelityTest.median(perFrame),
                100 * MediaPipeFidelityTest.percentile(perFrame, 1.0), perFrame.size());

        List<ReferenceAnswers> reference = ReferenceAnswers.read(
                SharedData.resolve("reference/mediapipe-tracking-z.json"));
        List<Double> vsReference = new ArrayList<>();
        int referenceHands = 0;
        int bothHands = 0;
        for (int i = 0; i < reference.size(); i++) {
            ReferenceAnswers r = reference.get(i);
            if (r.hands().isEmpty()) {
                continue;
            }
            referenceHands++;
            if (tracked.get(i).isEmpty()) {
                continue;
            }
            bothHands++;
            vsReference.add(meanDistance(tracked.get(i).get(0).landmarks().xyz(), r.hands().get(0).landmarks(),
                    r.width(), r.height()));
        }
        System.out.printf("  tracked vs MediaPipe's own tracking (reference/mediapipe-tracking-z.json): MediaPipe "
                        + "found a hand on %d frames, we on %d of those; distance / hand size: mean %.3f%%, "
                        + "median %.3f%%, max %.3f%%%n", referenceHands, bothHands,
                100 * MediaPipeFidelityTest.mean(vsReference), 100 * MediaPipeFidelityTest.median(vsReference),
                100 * MediaPipeFidelityTest.percentile(vsReference, 1.0));

        assertThat(palmRuns).as("frames with palm detection").isLessThanOrEqualTo(frames.size() / 10);
        assertThat(count(tracked)).as("frames with a tracked hand").isGreaterThanOrEqualTo(count(still));
        assertThat(perFrame).as("frames compared").hasSizeGreaterThan(frames.size() / 2);
        // Tracking crops from the last frame's landmarks, static mode from a fresh palm: the model sees two
        // slightly different crops, and MediaPipe itself differs between the two modes by the same ~1.3%
        // (our tracking matches MediaPipe's to 0.2%), so the bound is on the mean, as in the issue.
        assertThat(MediaPipeFidelityTest.mean(perFrame)).as("mean distance to static mode / hand size")
                .isLessThanOrEqualTo(0.02);
        assertThat(bothHands).as("frames where MediaPipe tracked a hand and we did too").isEqualTo(referenceHands);
        assertThat(MediaPipeFidelityTest.mean(vsReference)).as("mean distance to MediaPipe's tracking / hand size")
                .isLessThanOrEqualTo(0.01);
        assertThat(vsReference).as("per-frame distance to MediaPipe's tracking / hand size")
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(0.02));
    }

    @Test
    void twoHandModeFindsTheOneHandOnceAndKeepsLookingForASecond() {
        List<List<HandResult>> one = run(TrackerOptions.defaults());
        List<List<HandResult>> two = run(TrackerOptions.defaults().withMaxHands(2));
        int palmRuns = frames.size() - countSkipped;
        List<Double> distances = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            // The palm found again on every frame lands on the tracked hand and must not make a second one.
            assertThat(two.get(i)).as("hands on frame %d", i).hasSizeLessThanOrEqualTo(1);
            if (!two.get(i).isEmpty() && !one.get(i).isEmpty()) {
                distances.add(meanDistance(two.get(i).get(0).landmarks().xyz(), one.get(i).get(0).landmarks().xyz(),
                        640, 480));
            }
        }
        System.out.printf("Two-hand tracking on Z: palm detection on %d of %d frames (one hand tracked, so it keeps "
                        + "looking), hand on %d frames; distance to one-hand tracking / hand size: mean %.3f%%%n",
                palmRuns, frames.size(), distances.size(), 100 * MediaPipeFidelityTest.mean(distances));
        assertThat(palmRuns).isEqualTo(frames.size());
        assertThat(distances).hasSizeGreaterThan(frames.size() * 9 / 10);
        assertThat(MediaPipeFidelityTest.mean(distances)).isLessThanOrEqualTo(0.02);
    }

    @Test
    void aSecondHandLookedForEveryTenthFrameLeavesTheOneHandTrackedAsBefore() {
        List<List<HandResult>> one = run(TrackerOptions.defaults());
        List<List<HandResult>> throttled = run(TrackerOptions.defaults().withMaxHands(2).withMoreHandsSearchEvery(10));
        int palmRuns = frames.size() - countSkipped;
        List<Double> distances = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            assertThat(throttled.get(i)).as("hands on frame %d", i).hasSizeLessThanOrEqualTo(1);
            if (!throttled.get(i).isEmpty() && !one.get(i).isEmpty()) {
                distances.add(meanDistance(throttled.get(i).get(0).landmarks().xyz(),
                        one.get(i).get(0).landmarks().xyz(), 640, 480));
            }
        }
        System.out.printf("Two hands allowed, a second looked for every 10th frame, on Z: palm detection on %d of %d "
                + "frames%n", palmRuns, frames.size());
        assertThat(palmRuns).isBetween(frames.size() / 10, frames.size() / 10 + 2);
        assertThat(distances).hasSizeGreaterThan(frames.size() * 9 / 10);
        assertThat(MediaPipeFidelityTest.mean(distances)).isLessThanOrEqualTo(0.02);
    }

    @Test
    void twoHandModeDrawsOneHandOnceAndTwoHandsTwice() {
        // A palm found beside the tracked hand, overlapping its ROI by less than MediaPipe's 0.5, drew this hand a
        // second time on every other frame (1 2 1 2 1 2 1 1 hands over 8 frames of the photo as a still video).
        Mat photo = imread(SharedData.resolve(
                "photos/roboflow-asl-letters/Z/Z29_jpg.rf.6f544d1ec011d28eb0783d266b0d7096.jpg").toString());
        // Two signers' hands side by side (the second photo mirrored, so it is another hand): two hands, kept apart.
        Mat left = imread(SharedData.resolve("photos/t32rahman-webcam/Y/12.jpg").toString());
        Mat right = imread(SharedData.resolve("photos/t32rahman-webcam/V/12.jpg").toString());
        Mat mirrored = new Mat();
        flip(right, mirrored, 1);
        Mat both = new Mat(480, 1280, left.type(), new Scalar(0.0));
        left.copyTo(both.apply(new Rect(0, 0, 640, 480)));
        mirrored.copyTo(both.apply(new Rect(640, 0, 640, 480)));
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(TrackerOptions.defaults().withMaxHands(2))) {
            StringBuilder counts = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                counts.append(tracker.process(photo, (i + 1) * FRAME_MICROS).size());
            }
            assertThat(counts.toString()).as("hands per frame, one hand in view").isEqualTo("11111111");
            tracker.reset();
            counts.setLength(0);
            for (int i = 0; i < 8; i++) {
                counts.append(tracker.process(both, (i + 1) * FRAME_MICROS).size());
            }
            assertThat(counts.toString()).as("hands per frame, two hands in view").isEqualTo("22222222");
        } finally {
            for (Mat m : new Mat[] {photo, left, right, mirrored, both}) {
                m.close();
            }
        }
    }

    private int countSkipped;

    private List<List<HandResult>> run(TrackerOptions options) {
        List<List<HandResult>> results = new ArrayList<>();
        int skipped = 0;
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(options)) {
            for (int i = 0; i < frames.size(); i++) {
                results.add(tracker.process(frames.get(i), (i + 1) * FRAME_MICROS));
                skipped += tracker.lastTimings().palmRan() ? 0 : 1;
            }
        }
        countSkipped = skipped;
        return results;
    }

    private static int count(List<List<HandResult>> results) {
        return (int) results.stream().filter(r -> !r.isEmpty()).count();
    }

    /** Mean image-plane distance over the 21 landmarks, over the hand size of {@code reference}. */
    static double meanDistance(float[] actual, float[] reference, int width, int height) {
        double size = ReferenceAnswers.handSize(reference, width, height);
        double sum = 0;
        for (int i = 0; i < Landmarks.COUNT; i++) {
            sum += ReferenceAnswers.distance(actual, reference, i, width, height);
        }
        return sum / Landmarks.COUNT / size;
    }
}
