package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/**
 * The second look beyond MediaPipe ({@link TrackerOptions#zoomOutRetry()}): on the reference photos where
 * MediaPipe Hands itself found no hand, it finds the hands that fill the picture, and it changes nothing where a
 * hand was found the first time. A photo is then also looked at mirrored.
 */
class ZoomOutRetryTest {
    @Test
    void findsHandsMediaPipeMissesAndLeavesItsAnswersAlone() {
        List<ReferenceAnswers> reference = ReferenceAnswers.read(SharedData.resolve("reference/mediapipe-landmarks.json"));
        TrackerOptions plain = TrackerOptions.defaults().withStaticMode(true);
        List<String> foundOnSecondLook = new ArrayList<>();
        int unchanged = 0;
        try (MediaPipeHandTracker mediaPipe = MediaPipeHandTracker.open(plain);
             MediaPipeHandTracker retrying = MediaPipeHandTracker.open(plain.withZoomOutRetry(true))) {
            for (ReferenceAnswers photo : reference) {
                Mat image = imread(SharedData.resolve(photo.file()).toString());
                try {
                    List<HandResult> first = mediaPipe.process(image, 0);
                    List<HandResult> second = retrying.process(image, 0);
                    if (photo.hands().isEmpty()) {
                        assertThat(first).as("plain MediaPipe on %s", photo.file()).isEmpty();
                        if (!second.isEmpty()) {
                            assertThat(second).hasSize(1);
                            assertThat(second.get(0).presence()).isGreaterThanOrEqualTo(0.5f);
                            foundOnSecondLook.add(photo.file());
                        }
                    } else {
                        assertThat(second).as(photo.file()).hasSameSizeAs(first);
                        assertThat(second.get(0).landmarks().xyz()).as(photo.file())
                                .containsExactly(first.get(0).landmarks().xyz());
                        unchanged++;
                    }
                } finally {
                    image.close();
                }
            }
        }
        System.out.printf("second look: hands on %d of the %d photos MediaPipe found none on; %d answers unchanged%n",
                foundOnSecondLook.size(), reference.stream().filter(r -> r.hands().isEmpty()).count(), unchanged);
        assertThat(unchanged).isEqualTo(69);
        assertThat(foundOnSecondLook).containsExactlyInAnyOrderElementsOf(SharedData.FOUND_ON_SECOND_LOOK);
    }

    @Test
    void takesTurnsBetweenTheTwoLooksInAVideo() {
        // P0 as a still video: MediaPipe's look misses the hand that fills the picture, the zoomed-out look finds
        // it, and from then on it is tracked from its landmarks without palm detection.
        Mat frame = imread(SharedData.resolve(SharedData.FOUND_ON_SECOND_LOOK.get(0)).toString());
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(TrackerOptions.defaults().withZoomOutRetry(true))) {
            assertThat(tracker.process(frame, 0)).as("frame 1: MediaPipe's look only").isEmpty();
            assertThat(tracker.lastTimings().palmRan()).isTrue();
            assertThat(tracker.process(frame, 33_333)).as("frame 2: the zoomed-out look").hasSize(1);
            assertThat(tracker.process(frame, 66_667)).as("frame 3: tracked").hasSize(1);
            assertThat(tracker.lastTimings().palmRan()).isFalse();
        } finally {
            frame.close();
        }
    }

    @Test
    void looksAtAPhotoMirroredWhenNeitherSizeFindsAHand() {
        // A hand the palm model scores under MediaPipe's threshold in the photo as it is, at either size, and
        // over it in the photo mirrored: the model is not quite mirror-symmetric.
        Mat photo = imread(SharedData.resolve(
                "photos/roboflow-asl-letters/L/L21_jpg.rf.7871d15d95932860cb2bec9bb5062889.jpg").toString());
        Mat mirrored = new Mat();
        flip(photo, mirrored, 1);
        TrackerOptions still = TrackerOptions.defaults().withStaticMode(true);
        try (MediaPipeHandTracker video = MediaPipeHandTracker.open(TrackerOptions.defaults().withZoomOutRetry(true));
             MediaPipeHandTracker photos = MediaPipeHandTracker.open(still.withZoomOutRetry(true));
             MediaPipeHandTracker mediaPipe = MediaPipeHandTracker.open(still)) {
            // As a still video the tracker takes turns between MediaPipe's look and the zoomed-out one: neither finds it.
            for (int frame = 0; frame < 4; frame++) {
                assertThat(video.process(photo, frame * 33_333L)).as("frame %d of the still video", frame + 1).isEmpty();
            }
            List<HandResult> found = photos.process(photo, 0);
            assertThat(found).as("a photo's mirrored look").hasSize(1);
            assertThat(found.get(0).presence()).isGreaterThanOrEqualTo(0.5f);
            // The mirrored look's ROI is mirrored back and the landmark model reads the photo itself: the hand lies
            // where MediaPipe finds it in the mirrored photo, mirrored back, with the other handedness.
            List<HandResult> inMirror = mediaPipe.process(mirrored, 0);
            assertThat(inMirror).hasSize(1);
            assertThat(found.get(0).handedness()).isNotEqualTo(inMirror.get(0).handedness());
            Landmarks hand = found.get(0).landmarks();
            Landmarks back = inMirror.get(0).landmarks();
            double palmLength = Math.hypot(hand.x(9) - hand.x(0), hand.y(9) - hand.y(0));
            double sum = 0;
            for (int i = 0; i < Landmarks.COUNT; i++) {
                sum += Math.hypot(hand.x(i) - (1 - back.x(i)), hand.y(i) - back.y(i));
            }
            assertThat(sum / Landmarks.COUNT / palmLength).as("mean distance over the palm's length").isLessThan(0.1);
        } finally {
            mirrored.close();
            photo.close();
        }
    }

    @Test
    void findsNoHandWhereThereIsNone() {
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(
                TrackerOptions.defaults().withStaticMode(true).withZoomOutRetry(true));
             Mat grey = new Mat(480, 640, CV_8UC3, new Scalar(128, 128, 128, 0));
             Mat noise = new Mat(480, 640, CV_8UC3)) {
            byte[] pixels = new byte[480 * 640 * 3];
            new java.util.Random(7).nextBytes(pixels);
            noise.data().put(pixels);
            assertThat(tracker.process(grey, 0)).isEmpty();
            assertThat(tracker.lastTimings().palmRan()).isTrue();
            assertThat(tracker.process(noise, 0)).isEmpty();
        }
    }
}
