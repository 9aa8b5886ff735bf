package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/**
 * Acceptance 1 of issue 2: on the 78 reference photos, the tracker (full models, static mode, one hand)
 * answers what MediaPipe Hands itself answered.
 */
class MediaPipeFidelityTest {

    @Test
    void matchesMediaPipeOnReferencePhotos() {
        List<ReferenceAnswers> reference = ReferenceAnswers.read(
                SharedData.resolve("reference/mediapipe-landmarks.json"));
        assertThat(reference).hasSize(78);
        List<String> missed = new ArrayList<>();
        List<String> wrongHand = new ArrayList<>();
        List<Double> relative = new ArrayList<>();
        List<Double> zRelative = new ArrayList<>();
        List<Double> worldErrors = new ArrayList<>();
        double worstPhoto = 0;
        String worstFile = "";
        int compared = 0;
        int extra = 0;
        TrackerOptions options = TrackerOptions.defaults().withStaticMode(true);
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(options)) {
            long timestamp = 0;
            for (ReferenceAnswers photo : reference) {
                Mat image = imread(SharedData.resolve(photo.file()).toString());
                try {
                    assertThat(image.cols()).as(photo.file()).isEqualTo(photo.width());
                    List<HandResult> hands = tracker.process(image, timestamp += 33_333);
                    if (photo.hands().isEmpty()) {
                        extra += hands.isEmpty() ? 0 : 1;
                        continue;
                    }
                    if (hands.isEmpty()) {
                        missed.add(photo.file());
                        continue;
                    }
                    ReferenceAnswers.Hand expected = photo.hands().get(0);
                    HandResult actual = hands.get(0);
                    compared++;
                    if (!actual.handedness().label().equals(expected.handedness())) {
                        wrongHand.add(photo.file() + " (" + actual.handedness().label() + " "
                                + actual.handednessScore() + " vs " + expected.handedness() + " "
                                + expected.score() + ")");
                    }
                    float[] got = actual.landmarks().xyz();
                    double size = ReferenceAnswers.handSize(expected.landmarks(), photo.width(), photo.height());
                    double photoSum = 0;
                    for (int i = 0; i < Landmarks.COUNT; i++) {
                        double d = ReferenceAnswers.distance(got, expected.landmarks(), i, photo.width(),
                                photo.height()) / size;
                        relative.add(d);
                        photoSum += d;
                        zRelative.add(Math.abs(got[3 * i + 2] - expected.landmarks()[3 * i + 2]) * photo.width()
                                / size);
                        float[] world = actual.world().xyz();
                        worldErrors.add(Math.sqrt(sq(world[3 * i] - expected.world()[3 * i])
                                + sq(world[3 * i + 1] - expected.world()[3 * i + 1])
                                + sq(world[3 * i + 2] - expected.world()[3 * i + 2])));
                    }
                    if (photoSum / Landmarks.COUNT > worstPhoto) {
                        worstPhoto = photoSum / Landmarks.COUNT;
                        worstFile = photo.file();
                    }
                } finally {
                    image.close();
                }
            }
        }
        double mean = mean(relative);
        double median = median(relative);
        System.out.printf("Fidelity vs MediaPipe: %d photos compared, %d missed, %d handedness differ, "
                        + "%d extra hands where MediaPipe found none%n", compared, missed.size(), wrongHand.size(), extra);
        System.out.printf("  landmark distance / hand size: mean %.3f%%, median %.3f%%, p95 %.3f%%, max %.3f%%; "
                        + "worst photo %.3f%% (%s)%n", 100 * mean, 100 * median, 100 * percentile(relative, 0.95),
                100 * percentile(relative, 1.0), 100 * worstPhoto, worstFile);
        System.out.printf("  z difference / hand size: mean %.3f%%, median %.3f%%; world landmarks: mean %.2f mm, "
                + "median %.2f mm%n", 100 * mean(zRelative), 100 * median(zRelative),
                1000 * mean(worldErrors), 1000 * median(worldErrors));
        assertThat(missed).as("photos where MediaPipe found a hand and we did not").isEmpty();
        assertThat(wrongHand).as("photos with a different handedness label").isEmpty();
        assertThat(mean).as("mean landmark distance / hand size").isLessThanOrEqualTo(0.02);
        assertThat(median).as("median landmark distance / hand size").isLessThanOrEqualTo(0.01);
    }

    private static double sq(double v) {
        return v * v;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
        return sorted[index];
    }
}
