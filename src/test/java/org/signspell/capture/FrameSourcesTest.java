package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.signspell.fixtures.WordFixtures;
import org.signspell.testing.SharedData;

import java.util.stream.Stream;

class FrameSourcesTest {

    @Test
    void opensEachKindOfSourceFromItsName() throws Exception {
        try (FrameSource video = FrameSources.open(WordFixtures.video("WORLD").toString(), 30, false)) {
            assertThat(video).isInstanceOf(VideoFileSource.class);
            assertThat(video.description()).isEqualTo("video WORLD.mp4");
            assertThat(video.next().index()).isZero();
        }
        try (FrameSource folder = FrameSources.open(WordFixtures.frames("WORLD").toString(), 15, false)) {
            assertThat(folder).isInstanceOf(ImageFolderSource.class);
            assertThat(folder.frameRate()).isEqualTo(15.0);
            assertThat(folder.next().index()).isZero();
            assertThat(folder.next().timestampMicros()).isEqualTo(66_667L);
        }
        Path photo = SharedData.resolve("photos/t32rahman-webcam/W/0.jpg");
        try (FrameSource image = FrameSources.open(photo.toString(), 30, false)) {
            assertThat(image.description()).isEqualTo("image 0.jpg");
            assertThat(image.next().width()).isEqualTo(640);
            assertThat(image.next()).isNull();
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("missing path", (Spec) () -> WordFixtures.root().resolve("nothing-here.mp4").toString(),
                        CaptureException.Kind.NOT_FOUND),
                Arguments.of("blank", (Spec) () -> "  ", CaptureException.Kind.NOT_FOUND),
                Arguments.of("empty folder", (Spec) () -> WordFixtures.emptyFolder().toString(), CaptureException.Kind.EMPTY_FOLDER),
                Arguments.of("folder of non-images", (Spec) () -> WordFixtures.nonImageFolder().toString(),
                        CaptureException.Kind.EMPTY_FOLDER),
                Arguments.of("image that is text", (Spec) () -> WordFixtures.fakeImageFolder().resolve("0001.jpg").toString(),
                        CaptureException.Kind.UNREADABLE_IMAGE),
                Arguments.of("random bytes .mp4", (Spec) () -> WordFixtures.randomBytesVideo().toString(),
                        CaptureException.Kind.UNREADABLE_VIDEO),
                Arguments.of("truncated .mp4", (Spec) () -> WordFixtures.truncatedVideo().toString(),
                        CaptureException.Kind.UNREADABLE_VIDEO),
                Arguments.of("text file", (Spec) () -> WordFixtures.nonImageFolder().resolve("notes.txt").toString(),
                        CaptureException.Kind.UNREADABLE_VIDEO));
    }

    @FunctionalInterface
    interface Spec {
        String get();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsFastWithAMessageForTheUser(String what, Spec spec, CaptureException.Kind kind) {
        String path = spec.get();
        long start = System.nanoTime();
        CaptureException e = catchThrowableOfType(CaptureException.class, () -> FrameSources.open(path, 30, false));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("%-22s %5d ms  %s: %s%n", what, elapsedMs, e == null ? "no error" : e.kind(), e == null ? "" : e.getMessage());
        assertThat(e).as("%s must fail", what).isNotNull();
        UserMessages.assertReadable(e, kind);
        // Generous: the requirement is 2 s, which the printed times show; this only catches a hang.
        assertThat(elapsedMs).isLessThan(10_000);
    }
}
