package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signspell.engine.FrameResult;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.StageTimings;
import org.signspell.spelling.HoldProgress;
import org.signspell.testing.SharedData;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The frame hand-off: latest wins, nothing queues, a few buffers serve every frame, and none goes back to the
 * engine while a render may still read it.
 */
@ExtendWith(ApplicationExtension.class)
class VideoFramesTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed (images are made on the FX thread).
    }

    private static FrameResult result(long index) {
        return new FrameResult(index, index * 33_333, 640, 480, List.of(), null, RecognitionMode.FRAME,
                HoldProgress.NONE, null, new StageTimings(0, 0, 0, 0, 0, false));
    }

    private static VideoFrames.Shown take(VideoFrames frames) throws Exception {
        return WaitForAsyncUtils.asyncFx(frames::takeLatest).get();
    }

    private static boolean pulse(VideoFrames frames) throws Exception {
        return WaitForAsyncUtils.asyncFx(frames::pulseStarted).get();
    }

    @Test
    void latestFrameWinsAndAFewBuffersServeEveryFrame() throws Exception {
        VideoFrames frames = new VideoFrames(() -> { });
        try (Mat a = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString());
             Mat b = imread(SharedData.resolve("photos/t32rahman-webcam/B/60.jpg").toString())) {
            frames.write(a, result(1), 30);
            frames.write(b, result(2), 30);
            VideoFrames.Shown shown = take(frames);
            assertThat(shown.result().index()).as("the older frame was overwritten, not queued").isEqualTo(2);
            assertThat(shown.image().getWidth()).isEqualTo(640);
            assertThat(take(frames)).as("nothing new").isNull();

            // One frame per pulse, as a 60 fps source on a 60 Hz screen: every frame is shown.
            Set<WritableImage> images = new HashSet<>();
            for (int i = 3; i < 40; i++) {
                pulse(frames);
                frames.write(i % 2 == 0 ? a : b, result(i), 30);
                VideoFrames.Shown s = take(frames);
                assertThat(s).as("frame %d shown at once", i).isNotNull();
                assertThat(s.result().index()).isEqualTo(i);
                images.add(s.image());
            }
            assertThat(images).as("the same few images, reused").hasSizeBetween(3, 4);
        }
    }

    @Test
    void noBufferGoesBackToTheEngineWhileARenderMayReadIt() throws Exception {
        AtomicInteger pulsesAskedFor = new AtomicInteger();
        VideoFrames frames = new VideoFrames(pulsesAskedFor::incrementAndGet);
        // When each image left the screen, in pulses, and the pulse count now.
        Map<WritableImage, Integer> leftScreenAt = new HashMap<>();
        int pulses = 0;
        int previousTakeAt = 0;
        WritableImage onScreen = null;
        try (Mat a = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            // A source faster than the screen, and pulses that come late: up to four frames per pulse.
            for (int i = 0; i < 200; i++) {
                if (i % (1 + i % 4) == 0) {
                    pulse(frames);
                    pulses++;
                }
                frames.write(a, result(i), 120);
                VideoFrames.Shown s = take(frames);
                if (s == null) {
                    continue;
                }
                WritableImage image = s.image();
                Integer left = leftScreenAt.get(image);
                // The engine wrote this image after the take before this one handed it back: by then, two
                // pulses must have begun since it left the screen (the second one's sync waited for the render).
                assertThat(left == null || previousTakeAt - left >= 2)
                        .as("frame %d: image left the screen at pulse %s, handed back at pulse %d", i, left,
                                previousTakeAt)
                        .isTrue();
                if (onScreen != null) {
                    leftScreenAt.put(onScreen, pulses);
                }
                onScreen = image;
                previousTakeAt = pulses;
            }
            assertThat(leftScreenAt.keySet()).as("never more than four buffers").hasSizeLessThanOrEqualTo(4);

            // A fresh hand-off, and frames faster than pulses: three are shown between two pulses (no buffer
            // rests yet, then two may), the fourth waits for the next pulse, and asks for it.
            VideoFrames fresh = new VideoFrames(pulsesAskedFor::incrementAndGet);
            for (int i = 0; i < 3; i++) {
                fresh.write(a, result(1000 + i), 120);
                assertThat(take(fresh)).as("hand-off %d", i).isNotNull();
            }
            int asked = pulsesAskedFor.get();
            fresh.write(a, result(1003), 120);
            assertThat(take(fresh)).as("both resting buffers may still be read").isNull();
            assertThat(pulsesAskedFor.get()).as("a pulse asked for").isGreaterThan(asked);
            assertThat(pulse(fresh)).as("the waiting frame is announced at the pulse").isTrue();
            assertThat(take(fresh)).as("one pulse is not enough: its sync may not have happened").isNull();
            assertThat(pulse(fresh)).isTrue();
            assertThat(take(fresh).result().index()).isEqualTo(1003);
        }
    }

    @Test
    void aSourceOfAnotherSizeIsShownAtItsOwnSizeWithItsOwnPixels() throws Exception {
        // Sources of different sizes one after another (a camera, then a phone's video, then a small clip): a buffer
        // of the old size must never carry or clip the new picture.
        VideoFrames frames = new VideoFrames(() -> { });
        int[][] sizes = {{640, 480}, {320, 240}, {1280, 720}, {320, 240}, {640, 480}};
        try (Mat photo = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString())) {
            long index = 0;
            for (int[] size : sizes) {
                try (Mat sized = new Mat()) {
                    org.bytedeco.opencv.global.opencv_imgproc.resize(photo, sized,
                            new org.bytedeco.opencv.opencv_core.Size(size[0], size[1]));
                    for (int i = 0; i < 4; i++) {
                        pulse(frames);
                        pulse(frames);
                        frames.write(sized, result(++index), 30);
                        VideoFrames.Shown shown = take(frames);
                        String at = size[0] + "×" + size[1] + ", frame " + index;
                        assertThat(shown).as(at).isNotNull();
                        assertThat((int) shown.image().getWidth()).as(at).isEqualTo(size[0]);
                        assertThat((int) shown.image().getHeight()).as(at).isEqualTo(size[1]);
                        int x = size[0] * 3 / 4;
                        int y = size[1] / 3;
                        org.bytedeco.javacpp.indexer.UByteIndexer bgr = sized.createIndexer();
                        int expected = 0xff000000 | (bgr.get(y, x, 2) << 16) | (bgr.get(y, x, 1) << 8) | bgr.get(y, x, 0);
                        bgr.close();
                        int argb = WaitForAsyncUtils.asyncFx(() -> shown.image().getPixelReader().getArgb(x, y)).get();
                        assertThat(Integer.toHexString(argb)).as("the pixel at %d,%d: %s", x, y, at)
                                .isEqualTo(Integer.toHexString(expected));
                    }
                }
            }
        }
    }
}
