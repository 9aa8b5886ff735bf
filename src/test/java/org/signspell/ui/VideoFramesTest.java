package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/** The frame hand-off: latest wins, nothing queues, and the same three buffers serve every frame. */
@ExtendWith(ApplicationExtension.class)
class VideoFramesTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed (images are made on the FX thread).
    }

    private static FrameResult result(long index) {
        return new FrameResult(index, index * 33_333, 640, 480, List.of(), null, RecognitionMode.FRAME,
                HoldProgress.NONE, new StageTimings(0, 0, 0, 0, 0, false));
    }

    @Test
    void latestFrameWinsAndThreeBuffersServeEveryFrame() throws Exception {
        VideoFrames frames = new VideoFrames();
        try (Mat a = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString());
             Mat b = imread(SharedData.resolve("photos/t32rahman-webcam/B/60.jpg").toString())) {
            frames.write(a, result(1), 30);
            frames.write(b, result(2), 30);
            VideoFrames.Shown shown = WaitForAsyncUtils.asyncFx(frames::takeLatest).get();
            assertThat(shown.result().index()).as("the older frame was overwritten, not queued").isEqualTo(2);
            assertThat(shown.image().getWidth()).isEqualTo(640);
            assertThat(WaitForAsyncUtils.asyncFx(frames::takeLatest).get()).as("nothing new").isNull();

            Set<WritableImage> images = new HashSet<>();
            WritableImage beforeLast = null;
            WritableImage last = shown.image();
            for (int i = 3; i < 40; i++) {
                frames.write(i % 2 == 0 ? a : b, result(i), 30);
                VideoFrames.Shown s = WaitForAsyncUtils.asyncFx(frames::takeLatest).get();
                assertThat(s.result().index()).isEqualTo(i);
                // The engine never writes the image on screen nor the one the renderer may still be drawing.
                assertThat(s.image()).isNotSameAs(last).isNotSameAs(beforeLast);
                beforeLast = last;
                last = s.image();
                images.add(s.image());
            }
            assertThat(images).as("triple buffering: three images, reused").hasSize(3);
        }
    }
}
