package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.fixtures.WordFixtures;
import org.signspell.testing.SharedData;

class ImageFolderSourceTest {

    @Test
    void playsARealLetterFolderInNumericOrderWithTimestampsFromTheRate() throws Exception {
        Path folder = SharedData.resolve("photos/t32rahman-webcam/H");
        try (ImageFolderSource source = ImageFolderSource.open(folder, 30, false)) {
            assertThat(source.frameRate()).isEqualTo(30.0);
            List<String> names = new ArrayList<>();
            CapturedFrame frame;
            int i = 0;
            long pixels = 0;
            while ((frame = source.next()) != null) {
                if (i == 0) {
                    pixels = frame.bgr().data().address();
                }
                assertThat(frame.bgr().data().address()).as("decoded into the same buffer").isEqualTo(pixels);
                assertThat(frame.index()).isEqualTo(i);
                assertThat(frame.timestampMicros()).isEqualTo(Math.round(i * 1e6 / 30));
                assertThat(frame.width()).isEqualTo(640);
                assertThat(frame.height()).isEqualTo(480);
                assertThat(frame.bgr().type()).isEqualTo(CV_8UC3);
                names.add(source.currentFile().getFileName().toString());
                i++;
            }
            assertThat(i).isEqualTo(30);
            assertThat(names).startsWith("0.jpg", "4.jpg", "8.jpg", "12.jpg").endsWith("116.jpg");
        }
    }

    @Test
    void timestampsFollowAnyGivenRate() throws Exception {
        Path folder = SharedData.resolve("photos/t32rahman-webcam/H");
        try (ImageFolderSource source = ImageFolderSource.open(folder, 12.5, false)) {
            List<Long> timestamps = new ArrayList<>();
            CapturedFrame frame;
            while ((frame = source.next()) != null) {
                timestamps.add(frame.timestampMicros());
            }
            assertThat(timestamps).hasSize(30);
            assertThat(timestamps.get(1)).isEqualTo(80_000L);
            assertThat(timestamps.get(29)).isEqualTo(2_320_000L);
        }
    }

    @Test
    void decodedPixelsAreTheImageFile() throws Exception {
        Path folder = WordFixtures.frames("HELP");
        try (ImageFolderSource source = ImageFolderSource.open(folder, 30, false)) {
            assertThat(source.files()).hasSize(WordFixtures.frameCount("HELP"));
            for (int i = 0; i < 3; i++) {
                CapturedFrame frame = source.next();
                try (Mat expected = imread(source.currentFile().toString(), IMREAD_COLOR); Mat diff = new Mat()) {
                    absdiff(frame.bgr(), expected, diff);
                    try (Mat flat = diff.reshape(1)) {
                        assertThat(countNonZero(flat)).isZero();
                    }
                }
            }
        }
    }

    @Test
    void pacedPlaybackHoldsFramesUntilTheyAreDue() throws Exception {
        Path folder = SharedData.resolve("photos/t32rahman-webcam/H");
        try (ImageFolderSource source = ImageFolderSource.open(folder, 40, true)) {
            long start = System.nanoTime();
            int frames = 0;
            while (source.next() != null) {
                frames++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("paced folder: %d frames at 40 fps in %.3f s (due 0.725 s)%n", frames, seconds);
            assertThat(seconds).isGreaterThanOrEqualTo(0.72);
        }
    }

    @Test
    void imagesOfDifferentSizesComeAtTheirOwnSize() throws Exception {
        Path small = firstJpeg(SharedData.resolve("photos/roboflow-asl-letters/A"));
        Path large = SharedData.resolve("photos/t32rahman-webcam/A/0.jpg");
        int smallWidth;
        try (Mat m = imread(small.toString(), IMREAD_COLOR)) {
            smallWidth = m.cols();
        }
        assertThat(smallWidth).isLessThan(640);
        try (ImageFolderSource source = ImageFolderSource.ofFiles(List.of(large, small, large), "mixed", 30, false)) {
            assertThat(source.next().width()).isEqualTo(640);
            assertThat(source.next().width()).isEqualTo(smallWidth);
            assertThat(source.next().width()).isEqualTo(640);
            assertThat(source.next()).isNull();
        }
    }

    private static Path firstJpeg(Path folder) throws Exception {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(ImageFolderSource::isImageFile).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void emptyFolderSaysSo() {
        long start = System.nanoTime();
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> ImageFolderSource.open(WordFixtures.emptyFolder(), 30, false));
        System.out.println("empty folder: " + UserMessages.elapsed(start) + ": " + e.getMessage());
        UserMessages.assertReadable(e, CaptureException.Kind.EMPTY_FOLDER);
    }

    @Test
    void folderOfNonImagesIsEmpty() {
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> ImageFolderSource.open(WordFixtures.nonImageFolder(), 30, false));
        System.out.println("no images: " + e.getMessage());
        UserMessages.assertReadable(e, CaptureException.Kind.EMPTY_FOLDER);
    }

    @Test
    void fileNamedLikeAnImageThatIsNotOneFailsAtOpen() {
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> ImageFolderSource.open(WordFixtures.fakeImageFolder(), 30, false));
        System.out.println("fake image: " + e.getMessage());
        UserMessages.assertReadable(e, CaptureException.Kind.UNREADABLE_IMAGE);
        assertThat(e.getMessage()).contains("0001.jpg");
    }

    @Test
    void theHiddenFilesAMacLeavesBesideEachFrameAreNotFrames(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // macOS copies "1.jpg" to a USB stick as "1.jpg" and "._1.jpg" (its metadata: no picture), unseen in Finder.
        Path frames = WordFixtures.frames("HELP");
        List<Path> real;
        try (var listing = java.nio.file.Files.list(frames)) {
            real = listing.filter(ImageFolderSource::isImageFile).sorted().limit(10).toList();
        }
        for (Path frame : real) {
            java.nio.file.Files.copy(frame, dir.resolve(frame.getFileName()));
            java.nio.file.Files.writeString(dir.resolve("._" + frame.getFileName()), "\0\5\26\7 Mac OS X metadata");
        }
        assertThat(ImageFolderSource.listImages(dir)).hasSize(10).noneMatch(p -> p.getFileName().toString().startsWith("."));
        try (ImageFolderSource source = ImageFolderSource.open(dir, 30, false)) {
            int read = 0;
            while (source.next() != null) {
                read++;
            }
            assertThat(read).isEqualTo(10);
        }
    }

    @Test
    void missingFolderIsNotFound() {
        assertThatThrownBy(() -> ImageFolderSource.open(WordFixtures.root().resolve("no-such-folder"), 30, false))
                .isInstanceOfSatisfying(CaptureException.class,
                        e -> UserMessages.assertReadable(e, CaptureException.Kind.NOT_FOUND));
    }

    @Test
    void namesSortWithNumbersAsNumbers() {
        List<String> names = new ArrayList<>(List.of("12.jpg", "4.jpg", "0.jpg", "100.jpg", "frame10.png", "frame9.png",
                "007.jpg", "8.jpg"));
        names.sort(ImageFolderSource::compareNatural);
        assertThat(names).containsExactly("0.jpg", "4.jpg", "007.jpg", "8.jpg", "12.jpg", "100.jpg", "frame9.png", "frame10.png");
    }
}
