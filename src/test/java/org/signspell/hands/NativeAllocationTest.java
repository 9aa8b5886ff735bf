package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/**
 * The hot path allocates no native memory: after a few frames, JavaCPP's count of owned native
 * allocations stays put however many frames follow, in tracking and in static mode.
 */
class NativeAllocationTest {

    @Test
    void framesAllocateNoNativeObjects() {
        List<Mat> frames = new ArrayList<>();
        for (int i = 0; i < 120; i += 10) {
            frames.add(imread(SharedData.resolve(String.format("sequences/t32rahman-webcam/Z/%03d.jpg", i)).toString()));
        }
        try (MediaPipeHandTracker tracking = MediaPipeHandTracker.open(TrackerOptions.defaults());
             MediaPipeHandTracker still = MediaPipeHandTracker.open(TrackerOptions.defaults().withStaticMode(true))) {
            long timestamp = 0;
            for (Mat frame : frames.subList(0, 3)) {
                tracking.process(frame, timestamp += 33_333);
                still.process(frame, timestamp);
            }
            long count = Pointer.totalCount();
            long bytes = Pointer.totalBytes();
            int hands = 0;
            for (int round = 0; round < 5; round++) {
                for (Mat frame : frames) {
                    hands += tracking.process(frame, timestamp += 33_333).size();
                    hands += still.process(frame, timestamp).size();
                }
            }
            assertThat(hands).as("hands found, so the landmark path ran").isGreaterThan(frames.size() * 5);
            assertThat(Pointer.totalCount()).as("owned native allocations").isLessThanOrEqualTo(count);
            assertThat(Pointer.totalBytes()).as("owned native bytes").isLessThanOrEqualTo(bytes);
        } finally {
            frames.forEach(Mat::close);
        }
    }
}
