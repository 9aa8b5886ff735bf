package org.signspell.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/** A source's pictures are judged over time: black and white takes a second to say and one colour look to take back. */
class PictureProblemTest {

    @Test
    void blackAndWhiteIsSaidAfterASecondAndTakenBackByColour() {
        try (FrameProcessor processor = FrameProcessor.open(EngineSettings.defaults());
             Mat colour = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString());
             Mat grey = new Mat();
             Mat greyBgr = new Mat()) {
            cvtColor(colour, grey, COLOR_BGR2GRAY);
            cvtColor(grey, greyBgr, COLOR_GRAY2BGR);
            long t = 0;
            int frame = 0;
            // A camera whose first pictures, while its exposure settles, come out grey: not said for the source.
            for (int i = 0; i < 10; i++) {
                processor.process(greyBgr, frame++, t += 33_333);
            }
            for (int i = 0; i < 30; i++) {
                processor.process(colour, frame++, t += 33_333);
            }
            assertThat(processor.pictureProblem()).isNull();

            processor.reset();
            frame = 0;
            for (int i = 0; i < 20; i++) {
                processor.process(greyBgr, frame++, t += 33_333);
            }
            assertThat(processor.pictureProblem()).as("two looks").isNull();
            for (int i = 0; i < 10; i++) {
                processor.process(greyBgr, frame++, t += 33_333);
            }
            assertThat(processor.pictureProblem()).isNotNull();
            assertThat(processor.pictureProblem().message()).startsWith("Black-and-white pictures");
            for (int i = 0; i < 10; i++) {
                processor.process(colour, frame++, t += 33_333);
            }
            assertThat(processor.pictureProblem()).as("colour again").isNull();
        }
    }
}
