package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signspell.fixtures.WordFixtures;

class VideoFileSourceTest {

    @Test
    void readsEveryFrameOfARealWordVideoWithStreamTimestamps() throws Exception {
        Path video = WordFixtures.video("HELP");
        List<WordFixtures.LetterRun> layout = WordFixtures.layout("HELP");
        int expectedFrames = WordFixtures.frameCount("HELP");
        try (VideoFileSource source = VideoFileSource.open(video, false)) {
            assertThat(source.frameRate()).isEqualTo(30.0);
            assertThat(source.description()).isEqualTo("video HELP.mp4");
            int count = 0;
            long previous = -1;
            Mat firstMat = null;
            CapturedFrame frame;
            while ((frame = source.next()) != null) {
                assertThat(frame.index()).isEqualTo(count);
                assertThat(frame.width()).isEqualTo(640);
                assertThat(frame.height()).isEqualTo(480);
                assertThat(frame.bgr().type()).isEqualTo(CV_8UC3);
                assertThat(frame.timestampMicros()).isGreaterThan(previous);
                assertThat((double) frame.timestampMicros()).isCloseTo(count * 1e6 / 30, org.assertj.core.data.Offset.offset(1000.0));
                if (firstMat == null) {
                    firstMat = frame.bgr();
                }
                assertThat(frame.bgr()).as("the source reuses its Mat").isSameAs(firstMat);
                if (count == layout.get(1).firstFrame() + 15) {
                    assertLooksLike(frame.bgr(), layout.get(1).sourceFrames().get(15));
                }
                previous = frame.timestampMicros();
                count++;
            }
            assertThat(count).isEqualTo(expectedFrames);
            assertThat(source.next()).as("stays at the end").isNull();
        }
    }

    /** The decoded frame is the real photo it was made from, up to MPEG-4 compression. */
    private static void assertLooksLike(Mat decoded, Path original) {
        try (Mat expected = imread(original.toString(), IMREAD_COLOR); Mat diff = new Mat()) {
            absdiff(decoded, expected, diff);
            Scalar m = mean(diff);
            double meanAbsDiff = (m.get(0) + m.get(1) + m.get(2)) / 3;
            System.out.printf("frame vs %s: mean abs difference %.2f of 255%n", original.getFileName(), meanAbsDiff);
            assertThat(meanAbsDiff).isLessThan(3.0);
        }
    }

    @Test
    void soundLongerThanThePictureDoesNotPromiseMissingFrames(@TempDir Path dir) throws Exception {
        int pictureFrames = WordFixtures.frameCount("HELP");
        double pictureSeconds = (double) pictureFrames / WordFixtures.FPS;
        Path video = WordFixtures.videoWithSound("HELP", dir.resolve("help-with-sound.mp4"), pictureSeconds + 1);
        FFmpegNatives.init();
        try (FFmpegFrameGrabber container = new FFmpegFrameGrabber(video.toFile())) {
            container.start();
            // The case under test: the container's length, which spans the sound too, is a second longer.
            assertThat(container.hasAudio()).isTrue();
            assertThat(container.getLengthInFrames()).isGreaterThanOrEqualTo(pictureFrames + WordFixtures.FPS - 2);
        }
        try (VideoFileSource source = VideoFileSource.open(video, false)) {
            int read = 0;
            // Reading to the end is complete: next() would have thrown VIDEO_CUT_SHORT had it expected more.
            while (source.next() != null) {
                read++;
            }
            System.out.printf("picture %d frames, sound %.1f s: read %d%n", pictureFrames, pictureSeconds + 1, read);
            assertThat(read).isEqualTo(pictureFrames);
        }
    }

    @Test
    void pacedPlaybackHoldsFramesUntilTheyAreDue() throws Exception {
        try (VideoFileSource source = VideoFileSource.open(WordFixtures.video("HELP"), true)) {
            long start = System.nanoTime();
            CapturedFrame frame = null;
            for (int i = 0; i < 16; i++) {
                frame = source.next();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("paced: 16 frames in %.3f s (due 0.500 s)%n", seconds);
            assertThat(frame.timestampMicros()).isBetween(499_000L, 501_000L);
            // Pacing can only make reading slower than the timestamps, never faster.
            assertThat(seconds).isGreaterThanOrEqualTo(0.49);
        }
    }

    @Test
    void videoWithoutItsIndexIsUnreadable() {
        // Made outside the lambda: without ../shared it skips the test rather than fail the type check.
        Path truncated = WordFixtures.truncatedVideo();
        long start = System.nanoTime();
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> VideoFileSource.open(truncated, false));
        System.out.println("truncated (index lost): " + UserMessages.elapsed(start) + ": " + e.getMessage());
        UserMessages.assertReadable(e, CaptureException.Kind.UNREADABLE_VIDEO);
    }

    @Test
    void aWholeRecordingOfVaryingRateIsNotCalledCut(@TempDir Path dir) throws Exception {
        // Matroska keeps no frame count. One worked out from the duration and the stream's rate would be three times
        // too many for a recording whose frames came at 10 fps in a 30 fps stream: time is compared instead.
        Path video = dir.resolve("varying.mkv");
        try (org.bytedeco.javacv.FFmpegFrameRecorder recorder = new org.bytedeco.javacv.FFmpegFrameRecorder(video.toFile(), 320, 240);
             org.bytedeco.javacv.OpenCVFrameConverter.ToMat converter = new org.bytedeco.javacv.OpenCVFrameConverter.ToMat();
             Mat grey = new Mat(240, 320, CV_8UC3, new Scalar(128, 128, 128, 0))) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(30);
            recorder.start();
            for (int i = 0; i < 20; i++) {
                recorder.setTimestamp(i * 100_000L);
                recorder.record(converter.convert(grey));
            }
            recorder.stop();
        }
        try (VideoFileSource source = VideoFileSource.open(video, false)) {
            int frames = 0;
            while (source.next() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(20);
        }
    }

    /** HELP's real frames as a 30 fps Matroska video, its first frame at {@code startMicros}, with or without sound. */
    private static int recordHelpMatroska(Path video, long startMicros, boolean sound) throws Exception {
        List<Path> frames;
        try (var list = java.nio.file.Files.list(WordFixtures.frames("HELP"))) {
            frames = list.sorted().toList();
        }
        try (org.bytedeco.javacv.FFmpegFrameRecorder recorder =
                     new org.bytedeco.javacv.FFmpegFrameRecorder(video.toFile(), 640, 480, sound ? 1 : 0);
             org.bytedeco.javacv.OpenCVFrameConverter.ToMat converter = new org.bytedeco.javacv.OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(30);
            if (sound) {
                recorder.setAudioCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE);
                recorder.setSampleRate(16000);
            }
            recorder.start();
            java.nio.ShortBuffer quiet = java.nio.ShortBuffer.allocate(16000 / 30);
            for (int i = 0; i < frames.size(); i++) {
                recorder.setTimestamp(startMicros + Math.round(i * 1e6 / 30));
                try (Mat bgr = imread(frames.get(i).toString(), IMREAD_COLOR)) {
                    recorder.record(converter.convert(bgr));
                }
                if (sound) {
                    quiet.rewind();
                    recorder.recordSamples(16000, 1, quiet);
                }
            }
            recorder.stop();
        }
        return frames.size();
    }

    /** Reads {@code video} to its end: the frames read, and the failure at the end if there was one. */
    private static Object[] readToTheEnd(Path video) throws CaptureException {
        int read = 0;
        try (VideoFileSource source = VideoFileSource.open(video, false)) {
            while (source.next() != null) {
                read++;
            }
        } catch (CaptureException e) {
            if (read == 0) {
                throw e;
            }
            return new Object[] {read, e};
        }
        return new Object[] {read, null};
    }

    private static Path cutAt(Path whole, Path cut, double fraction) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(whole);
        return java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    @Test
    void aMatroskaVideoCutShortIsToldByTimeAsItKeepsNoFrameCount(@TempDir Path dir) throws Exception {
        // Without sound (the container's duration), with sound (the video track's DURATION tag), and a part cut
        // from a longer recording, whose first frame is at 10 s.
        for (Object[] kind : new Object[][] {{"video only", 0L, false}, {"with sound", 0L, true},
                {"starting at 10 s", 10_000_000L, false}, {"with sound, starting at 10 s", 10_000_000L, true}}) {
            Path whole = dir.resolve("HELP-" + kind[0].toString().replaceAll("\\W+", "-") + ".mkv");
            int frames = recordHelpMatroska(whole, (Long) kind[1], (Boolean) kind[2]);
            Object[] played = readToTheEnd(whole);
            assertThat(played[1]).as("%s: the whole file ends cleanly, not %s", kind[0], played[1]).isNull();
            assertThat(played[0]).as(kind[0].toString()).isEqualTo(frames);

            Object[] cut = readToTheEnd(cutAt(whole, dir.resolve("cut.mkv"), 0.6));
            System.out.println("cut .mkv, " + kind[0] + ": " + cut[0] + " of " + frames + " frames, then: "
                    + (cut[1] == null ? "a clean end" : ((Exception) cut[1]).getMessage()));
            assertThat((Integer) cut[0]).as(kind[0].toString()).isBetween(1, frames - 10);
            assertThat(cut[1]).as("%s: the cut is not the end of the recording", kind[0]).isNotNull();
            UserMessages.assertReadable((CaptureException) cut[1], CaptureException.Kind.VIDEO_CUT_SHORT);
            assertThat(((Exception) cut[1]).getMessage()).as(kind[0].toString()).contains("of its 4.0 s");
        }
    }

    @Test
    void aMatroskaVideoWithSoundAndNoLengthCutShortIsToldByItsOwnSizes(@TempDir Path dir) throws Exception {
        // With sound the container's length is not the picture's, and without a DURATION tag nothing else says how long
        // the picture lasts: streamed recordings (a browser's, FFmpeg's to a pipe) and muxers that write no such tag.
        int frames = WordFixtures.frameCount("HELP");
        for (boolean webm : new boolean[] {true, false}) {
            for (boolean sound : new boolean[] {true, false}) {
                for (String writing : new String[] {"streamed", "to a file", "to a file, no DURATION tag"}) {
                    String kind = (webm ? "webm" : "mkv") + (sound ? " with sound, " : ", ") + writing;
                    Path whole = WordFixtures.matroska("HELP", dir.resolve("whole." + (webm ? "webm" : "mkv")), webm, sound,
                            writing.equals("streamed"));
                    if (writing.endsWith("no DURATION tag")) {
                        withoutDurationTags(whole);
                    }
                    Object[] played = readToTheEnd(whole);
                    assertThat(played[1]).as("%s: the whole file ends cleanly, not %s", kind, played[1]).isNull();
                    assertThat(played[0]).as(kind).isEqualTo(frames);

                    Object[] cut = readToTheEnd(cutAt(whole, dir.resolve("cut." + (webm ? "webm" : "mkv")), 0.6));
                    System.out.println("cut " + kind + ": " + cut[0] + " of " + frames + " frames, then: "
                            + (cut[1] == null ? "a clean end" : ((Exception) cut[1]).getMessage()));
                    assertThat((Integer) cut[0]).as(kind).isBetween(1, frames - 10);
                    assertThat(cut[1]).as("%s: the cut is not the end of the recording", kind).isNotNull();
                    UserMessages.assertReadable((CaptureException) cut[1], CaptureException.Kind.VIDEO_CUT_SHORT);
                }
            }
        }
    }

    /**
     * Renames FFmpeg's DURATION tags in place, as a writer that adds none would leave the file. The name keeps its
     * length, so every element keeps its size; FFmpeg does not check the tags' CRC unless asked to.
     */
    private static void withoutDurationTags(Path video) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(video);
        byte[] tag = "DURATION".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int renamed = 0;
        for (int i = 0; i + tag.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + tag.length, tag, 0, tag.length)) {
                bytes[i + tag.length - 1] = 'X';
                renamed++;
            }
        }
        assertThat(renamed).as("DURATION tags in " + video.getFileName()).isPositive();
        java.nio.file.Files.write(video, bytes);
        FFmpegNatives.init();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            assertThat(grabber.getVideoMetadata("DURATION")).isNull();
        }
    }

    @Test
    void aPhoneClipStoredSidewaysIsReadUpright(@TempDir Path dir) throws Exception {
        // An iPhone held upright writes -90 (FFmpeg's counterclockwise degrees); others 90 or 180.
        for (int degrees : new int[] {-90, 90, 180}) {
            Path video = WordFixtures.turnedVideo("HELP", dir.resolve("help" + degrees + ".mp4"), degrees);
            try (VideoFileSource turned = VideoFileSource.open(video, false);
                 VideoFileSource upright = VideoFileSource.open(WordFixtures.video("HELP"), false)) {
                assertThat(turned.width()).as(degrees + "°").isEqualTo(upright.width());
                assertThat(turned.height()).as(degrees + "°").isEqualTo(upright.height());
                CapturedFrame t = turned.next();
                CapturedFrame u = upright.next();
                assertThat(t.bgr().cols()).isEqualTo(u.bgr().cols());
                assertThat(t.bgr().rows()).isEqualTo(u.bgr().rows());
                // The same picture, but for the codec's loss.
                double difference = org.bytedeco.opencv.global.opencv_core.norm(t.bgr(), u.bgr(),
                        org.bytedeco.opencv.global.opencv_core.NORM_L1, null) / (u.bgr().total() * 3.0);
                assertThat(difference).as(degrees + "°: mean difference per channel").isLessThan(8);
            }
        }
    }

    @Test
    void aSongWithCoverArtIsNoVideo(@TempDir Path dir) {
        Path song = WordFixtures.songWithCoverArt(dir.resolve("song.mp3"));
        CaptureException e = catchThrowableOfType(CaptureException.class, () -> VideoFileSource.open(song, false));
        assertThat(e).as("not 'ended after 0.0 s of its 5.0 s: truncated or damaged'").isNotNull();
        UserMessages.assertReadable(e, CaptureException.Kind.UNREADABLE_VIDEO);
        assertThat(e.getMessage()).contains("has no video picture in it");
    }

    @Test
    void matroskaDurationTagsAreRead() {
        assertThat(VideoFileSource.parseDurationTag("00:00:04.000000000")).isEqualTo(4_000_000);
        assertThat(VideoFileSource.parseDurationTag("01:02:03.5")).isEqualTo(3_723_500_000L);
        assertThat(VideoFileSource.parseDurationTag(" 00:00:01.033000000 ")).isEqualTo(1_033_000);
        assertThat(VideoFileSource.parseDurationTag(null)).isZero();
        assertThat(VideoFileSource.parseDurationTag("4 s")).isZero();
    }

    @Test
    void videoCutShortPlaysWhatItHoldsThenSaysItWasCut() throws Exception {
        long start = System.nanoTime();
        int frames = 0;
        try (VideoFileSource source = VideoFileSource.open(WordFixtures.truncatedStreamableVideo(), false)) {
            // The index survived the cut, so the file still counts every frame it lost: that is how a cut is seen.
            CaptureException cut = null;
            try {
                while (source.next() != null) {
                    frames++;
                }
            } catch (CaptureException e) {
                cut = e;
            }
            System.out.println("truncated (index first): " + frames + " frames, then in " + UserMessages.elapsed(start)
                    + ": " + (cut == null ? "a clean end" : cut.getMessage()));
            assertThat(frames).isGreaterThan(0).isLessThan(WordFixtures.frameCount("HELP"));
            assertThat(cut).as("the end of what is left is not the end of the video").isNotNull();
            UserMessages.assertReadable(cut, CaptureException.Kind.VIDEO_CUT_SHORT);
            assertThat(cut.getMessage()).contains("ended after " + frames + " of its " + WordFixtures.frameCount("HELP"));
        }
    }

    @Test
    void randomBytesAreNotAVideo() {
        long start = System.nanoTime();
        CaptureException e = catchThrowableOfType(CaptureException.class,
                () -> VideoFileSource.open(WordFixtures.randomBytesVideo(), false));
        System.out.println("random bytes: " + UserMessages.elapsed(start) + ": " + e.getMessage());
        UserMessages.assertReadable(e, CaptureException.Kind.UNREADABLE_VIDEO);
    }

    @Test
    void textFileIsNotAVideo() {
        Path text = WordFixtures.nonImageFolder().resolve("notes.txt");
        CaptureException e = catchThrowableOfType(CaptureException.class, () -> VideoFileSource.open(text, false));
        UserMessages.assertReadable(e, CaptureException.Kind.UNREADABLE_VIDEO);
    }

    @Test
    void missingFileIsNotFound() {
        Path missing = WordFixtures.root().resolve("no-such-video.mp4");
        assertThatThrownBy(() -> VideoFileSource.open(missing, false))
                .isInstanceOfSatisfying(CaptureException.class,
                        e -> UserMessages.assertReadable(e, CaptureException.Kind.NOT_FOUND));
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        VideoFileSource source = VideoFileSource.open(WordFixtures.video("HELP"), false);
        assertThat(source.next()).isNotNull();
        source.close();
        source.close();
    }
}
