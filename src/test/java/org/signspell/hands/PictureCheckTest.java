package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/** Pictures hands cannot be read in: too small, or black and white. */
class PictureCheckTest {

    @Test
    void aPictureUnder72PixelsOnItsShortSideIsTooSmall() {
        assertThat(PictureCheck.tooSmall(64, 48)).isNotNull();
        assertThat(PictureCheck.tooSmall(64, 48).message()).contains("64×48");
        assertThat(PictureCheck.tooSmall(480, 64)).isNotNull();
        assertThat(PictureCheck.tooSmall(96, 72)).isNull();
        assertThat(PictureCheck.tooSmall(640, 480)).isNull();
    }

    @Test
    void aPhotoIsColourItsGreyCopyIsNotAndABlackFrameCannotTell() {
        try (Mat photo = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString());
             Mat grey = new Mat();
             Mat greyBgr = new Mat();
             Mat black = new Mat(480, 640, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
            cvtColor(photo, grey, COLOR_BGR2GRAY);
            cvtColor(grey, greyBgr, COLOR_GRAY2BGR);
            assertThat(PictureCheck.colour(photo)).isEqualTo(PictureCheck.Verdict.FINE);
            assertThat(PictureCheck.colour(greyBgr)).isEqualTo(PictureCheck.Verdict.PROBLEM);
            assertThat(PictureCheck.colour(black)).isEqualTo(PictureCheck.Verdict.UNDECIDED);
        }
    }

    @Test
    void aDimColourPictureIsColourAndAColouredBorderDoesNotMakeAGreyOneColour() {
        try (Mat photo = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString());
             Mat dim = new Mat();
             Mat grey = new Mat();
             Mat framed = new Mat()) {
            // A colour camera in a dim room: a third of the light.
            photo.convertTo(dim, -1, 1 / 3.0, 0);
            assertThat(PictureCheck.colour(dim)).isEqualTo(PictureCheck.Verdict.FINE);
            // A grey picture in a recorder's coloured frame, 8 pixels wide.
            cvtColor(photo, grey, COLOR_BGR2GRAY);
            cvtColor(grey, framed, COLOR_GRAY2BGR);
            org.bytedeco.opencv.global.opencv_imgproc.rectangle(framed, new org.bytedeco.opencv.opencv_core.Point(0, 0),
                    new org.bytedeco.opencv.opencv_core.Point(framed.cols() - 1, framed.rows() - 1),
                    new Scalar(0, 0, 255, 0), 16, org.bytedeco.opencv.global.opencv_imgproc.LINE_8, 0);
            assertThat(PictureCheck.colour(framed)).isEqualTo(PictureCheck.Verdict.PROBLEM);
        }
    }

    @Test
    void aGreyPictureTintedByALossyCodecIsGreyAndADarkRoomWithALampCannotTell() {
        try (Mat photo = imread(SharedData.resolve("photos/t32rahman-webcam/A/60.jpg").toString());
             Mat grey = new Mat();
             Mat greyBgr = new Mat();
             Mat tinted = new Mat();
             Mat dark = new Mat()) {
            cvtColor(photo, grey, COLOR_BGR2GRAY);
            cvtColor(grey, greyBgr, COLOR_GRAY2BGR);
            // MPEG-4 at a low quality moves a grey picture's blue and red 5 or 6 below its green, all over.
            try (Mat tint = new Mat(greyBgr.size(), greyBgr.type(), new Scalar(0, 6, 1, 0))) {
                opencv_core.add(greyBgr, tint, tinted);
            }
            assertThat(PictureCheck.colour(tinted)).isEqualTo(PictureCheck.Verdict.PROBLEM);
            // A colour camera in a dark room (a twentieth of the light) with a bright grey window in view.
            photo.convertTo(dark, -1, 1 / 20.0, 0);
            org.bytedeco.opencv.global.opencv_imgproc.rectangle(dark, new org.bytedeco.opencv.opencv_core.Point(40, 40),
                    new org.bytedeco.opencv.opencv_core.Point(260, 200), new Scalar(200, 200, 200, 0), -1,
                    org.bytedeco.opencv.global.opencv_imgproc.LINE_8, 0);
            assertThat(PictureCheck.colour(dark)).isEqualTo(PictureCheck.Verdict.UNDECIDED);
        }
    }

    @Test
    void theCheckAgreesWithEveryPixelOnTheSharedPhotos() throws Exception {
        // Roboflow holds black-and-white copies of some of its photos: the grid must tell them from the colour
        // ones, as all their pixels do (a picture is grey where no pixel's channels differ by more than 3), and a
        // colour photo at a third of its light must not be called grey.
        List<Path> photos;
        try (Stream<Path> walk = Files.walk(SharedData.resolve("photos"))) {
            photos = walk.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        int grey = 0;
        int dimCalledGrey = 0;
        int colourLookedAt = 0;
        for (int i = 0; i < photos.size(); i += 5) {
            try (Mat photo = imread(photos.get(i).toString())) {
                boolean greyByEveryPixel = largestChannelSpread(photo) <= 3;
                grey += greyByEveryPixel ? 1 : 0;
                assertThat(PictureCheck.colour(photo)).as(photos.get(i).toString())
                        .isEqualTo(greyByEveryPixel ? PictureCheck.Verdict.PROBLEM : PictureCheck.Verdict.FINE);
                if (!greyByEveryPixel) {
                    try (Mat dim = new Mat()) {
                        photo.convertTo(dim, -1, 1 / 3.0, 0);
                        dimCalledGrey += PictureCheck.colour(dim) == PictureCheck.Verdict.PROBLEM ? 1 : 0;
                        colourLookedAt++;
                    }
                }
            }
        }
        assertThat(grey).as("grey photos among those looked at").isPositive();
        // Measured with every second photo: 1 of 1,058. A dim picture or two may be called grey; a verdict needs
        // three looks in a row (FrameProcessor).
        assertThat(dimCalledGrey).as("dim colour photos called grey, of " + colourLookedAt).isLessThanOrEqualTo(2);
    }

    private static int largestChannelSpread(Mat bgr) {
        int largest = 0;
        try (UByteIndexer pixels = bgr.createIndexer()) {
            for (int y = 0; y < bgr.rows(); y++) {
                for (int x = 0; x < bgr.cols(); x++) {
                    int b = pixels.get(y, x, 0);
                    int g = pixels.get(y, x, 1);
                    int r = pixels.get(y, x, 2);
                    largest = Math.max(largest, Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r)));
                }
            }
        }
        return largest;
    }
}
