package org.signspell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signspell.capture.ImageFolderSource;
import org.signspell.testing.SharedData;

/** {@code signspell landmarks} on real photos, a folder, a real video, and bad inputs. */
class LandmarksCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(String... args) {
        return CliRun.onStdout(args);
    }

    private static List<JsonNode> lines(String text) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void photoGivesOneJsonLineWithTwentyOneLandmarksAndWorldPoints() throws IOException {
        Path photo = SharedData.resolve("photos/t32rahman-webcam/A/0.jpg");
        CliRun run = run("landmarks", photo.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.get("source").asText()).isEqualTo(photo.toString());
        assertThat(line.get("frame").asInt()).isZero();
        assertThat(line.get("width").asInt()).isEqualTo(640);
        assertThat(line.get("height").asInt()).isEqualTo(480);
        JsonNode hand = line.get("hands").get(0);
        assertThat(hand.get("handedness").asText()).isIn("Left", "Right");
        assertThat(hand.get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(hand.get("presence").asDouble()).isBetween(0.5, 1.0);
        assertThat(hand.get("landmarks")).hasSize(21);
        assertThat(hand.get("world")).hasSize(21);
        for (JsonNode point : hand.get("landmarks")) {
            assertThat(point).hasSize(3);
            assertThat(point.get(0).asDouble()).isBetween(0.0, 1.0);
            assertThat(point.get(1).asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void folderIsSearchedRecursivelyInNameOrderAndWrittenToTheOutFile(@TempDir Path dir) throws IOException {
        Path folder = SharedData.resolve("photos/t32rahman-webcam/B");
        Path out = dir.resolve("b.jsonl");
        CliRun run = run("landmarks", folder.toString(), "--out", out.toString(), "--model", "lite");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        List<JsonNode> lines = lines(Files.readString(out));
        List<String> expected;
        try (var files = Files.walk(folder)) {
            // Numbers as numbers (2.jpg before 10.jpg), as a frame folder plays.
            expected = files.filter(MediaPaths::isImage).map(Path::toString)
                    .sorted(ImageFolderSource::compareNatural).toList();
        }
        assertThat(expected.subList(0, 3)).extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("0.jpg", "4.jpg", "8.jpg");
        assertThat(lines).extracting(l -> l.get("source").asText()).containsExactlyElementsOf(expected);
        assertThat(lines.stream().filter(l -> l.get("hands").size() == 1).count())
                .as("frames of one signer's hand with a hand found").isGreaterThan(lines.size() / 2);
    }

    /** Writes the first {@code count} frames of the real Z sequence as an MPEG-4 video. */
    static void recordVideo(Path video, int count, boolean indexFirst) throws Exception {
        Path frames = SharedData.resolve("sequences/t32rahman-webcam/Z");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), 640, 480);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(30);
            if (indexFirst) {
                recorder.setOption("movflags", "faststart");
            }
            recorder.start();
            for (int i = 0; i < count; i++) {
                try (Mat bgr = imread(frames.resolve(String.format("%03d.jpg", i)).toString())) {
                    recorder.record(converter.convert(bgr));
                }
            }
            recorder.stop();
        }
    }

    @Test
    void videoIsTrackedFrameByFrame(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("z.mp4");
        recordVideo(video, 30, false);
        CliRun run = run("landmarks", video.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).hasSize(30);
        assertThat(lines).extracting(l -> l.get("frame").asInt()).startsWith(0, 1, 2).endsWith(29);
        assertThat(lines).allSatisfy(l -> assertThat(l.get("hands")).hasSize(1));
    }

    @Test
    void truncatedVideosAreReportedNotPassedOffAsComplete(@TempDir Path dir) throws Exception {
        Path indexLast = dir.resolve("index-last.mp4");
        recordVideo(indexLast, 40, false);
        Path cut = dir.resolve("cut-before-index.mp4");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(indexLast), (int) Files.size(indexLast) / 2));
        CliRun unopenable = run("landmarks", cut.toString());
        assertThat(unopenable.exitCode()).isNotZero();
        assertThat(unopenable.err().strip()).startsWith("signspell: The video " + cut + " could not be read: it is damaged")
                .doesNotContain("\n").doesNotContain("FFmpegLogCallback");

        Path indexFirst = dir.resolve("index-first.mp4");
        recordVideo(indexFirst, 40, true);
        Path cutShort = dir.resolve("cut-short.mp4");
        Files.write(cutShort, java.util.Arrays.copyOf(Files.readAllBytes(indexFirst), (int) Files.size(indexFirst) / 2));
        CliRun shortened = run("landmarks", cutShort.toString());
        assertThat(shortened.exitCode()).isNotZero();
        assertThat(shortened.err()).contains("ended after").contains("of its 40 frames").contains("truncated");
        assertThat(lines(shortened.out())).hasSizeBetween(1, 39);
    }

    @Test
    void missingPathIsOneClearLineAndNonZeroExit() {
        CliRun run = run("landmarks", "/no/such/photo.jpg");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("signspell: No such file or folder: /no/such/photo.jpg");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void folderWithoutImagesAndFilesThatAreNotMediaAreRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no images here");
        CliRun noImages = run("landmarks", empty.toString());
        assertThat(noImages.exitCode()).isNotZero();
        assertThat(noImages.err()).contains("holds no images").doesNotContain("Exception").doesNotContain("\tat ");

        CliRun notMedia = run("landmarks", empty.resolve("notes.txt").toString());
        assertThat(notMedia.exitCode()).isNotZero();
        assertThat(notMedia.err()).contains("notes.txt could not be read").contains("not a video format")
                .doesNotContain("\tat ");

        Path broken = dir.resolve("broken.jpg");
        Files.write(broken, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        CliRun brokenImage = run("landmarks", broken.toString());
        assertThat(brokenImage.exitCode()).isNotZero();
        assertThat(brokenImage.err()).contains("1 of 1 images could not be read").doesNotContain("\tat ");
    }

    @Test
    void anUnreadableImageInAFolderGetsItsLineAndTheRestAreStillRead(@TempDir Path dir) throws IOException {
        Files.copy(SharedData.resolve("photos/t32rahman-webcam/A/0.jpg"), dir.resolve("0.jpg"));
        Files.writeString(dir.resolve("1.jpg"), "not a picture");
        Files.copy(SharedData.resolve("photos/t32rahman-webcam/B/0.jpg"), dir.resolve("2.jpg"));
        CliRun run = run("landmarks", dir.toString());
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).extracting(l -> l.get("frame").asInt()).containsExactly(0, 1, 2);
        assertThat(lines).extracting(l -> l.get("hands").size()).containsExactly(1, 0, 1);
        JsonNode unreadable = lines.get(1);
        assertThat(unreadable.get("source").asText()).isEqualTo(dir.resolve("1.jpg").toString());
        assertThat(unreadable.get("reason").asText()).isEqualTo("cannot read image");
        assertThat(lines.get(0).has("reason")).isFalse();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("signspell: 1 of 3 images could not be read").doesNotContain("\tat ");
    }

    @Test
    void readsAnImageWhoseNameThePlatformCharsetCannotSpell(@TempDir Path dir) throws Exception {
        ClassifyCommandTest.copyUnderLatin1Name(SharedData.resolve("photos/t32rahman-webcam/A/0.jpg"), dir);
        CliRun run = run("landmarks", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lines(run.out())).singleElement().satisfies(l -> assertThat(l.get("hands")).hasSize(1));
    }

    @Test
    void outputThatCannotBeWrittenIsAnErrorNotASilentSuccess() throws Exception {
        CliRun run = ClassifyCommandTest.onFullDisk("landmarks",
                SharedData.resolve("photos/t32rahman-webcam/A/0.jpg").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        // The one line of the error (the native libraries may have written a warning before it).
        assertThat(run.err()).contains("signspell: Cannot write the output to standard output").doesNotContain("\tat ");
    }

    @Test
    void badOptionsAreRefused() {
        Path photo = SharedData.resolve("photos/t32rahman-webcam/A/0.jpg");
        assertThat(run("landmarks", photo.toString(), "--model", "huge").err()).contains("full or lite");
        assertThat(run("landmarks", photo.toString(), "--max-hands", "3").err()).contains("1 or 2");
        CliRun both = run("landmarks", photo.toString(), "--static", "--track");
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("--static and --track");
    }
}
