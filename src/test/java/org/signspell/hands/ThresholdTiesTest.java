package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/** MediaPipe's side of each threshold on an exact tie (ThresholdingCalculator, TensorsToClassificationCalculator). */
class ThresholdTiesTest {

    @Test
    void aHandWhosePresenceEqualsTheThresholdIsDroppedAsMediaPipeDropsIt() {
        try (Mat image = imread(SharedData.resolve("photos/t32rahman-webcam/Y/12.jpg").toString());
             MediaPipeHandTracker probe = MediaPipeHandTracker.open(
                     TrackerOptions.defaults().withStaticMode(true).withMinPresenceConfidence(0f))) {
            List<HandResult> hands = probe.process(image, 1);
            assertThat(hands).hasSize(1);
            float presence = hands.get(0).presence();
            try (MediaPipeHandTracker atTheTie = MediaPipeHandTracker.open(
                    TrackerOptions.defaults().withStaticMode(true).withMinPresenceConfidence(presence))) {
                assertThat(atTheTie.process(image, 1)).as("presence %s, threshold the same", presence).isEmpty();
            }
        }
    }

    @Test
    void aHandednessScoreOfOneHalfIsLeftAsMediaPipeSortsIt() {
        HandResult hand = MediaPipeHandTracker.toResult(new LandmarkStage.Output(0.9f, 0.5f, new float[63], new float[63]));
        assertThat(hand.handedness()).isEqualTo(Handedness.LEFT);
        assertThat(MediaPipeHandTracker.toResult(new LandmarkStage.Output(0.9f, 0.4999f, new float[63], new float[63]))
                .handedness()).isEqualTo(Handedness.RIGHT);
    }
}
