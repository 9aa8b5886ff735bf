package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camera code that needs no camera: discovery, and what each failure tells the user. This machine has
 * no webcam and none can be faked, so opening a live camera is not tested here.
 */
class CameraSourceTest {

    private static boolean machineHasNoCamera() throws IOException {
        try (var nodes = Files.list(Path.of("/dev"))) {
            return Cameras.isLinux() && nodes.noneMatch(p -> p.getFileName().toString().startsWith("video"));
        }
    }

    @Test
    void noCameraOnThisMachineIsReportedQuickly() throws Exception {
        assumeTrue(machineHasNoCamera(), "this machine has a camera; the no-camera path cannot be shown here");
        assertThat(Cameras.list()).isEmpty();
        for (String spec : List.of("camera", "camera:0", "/dev/video0", "camera:3")) {
            long start = System.nanoTime();
            CaptureException e = catchThrowableOfType(CaptureException.class, () -> FrameSources.open(spec, 30, false));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("%-12s %4d ms  %s%n", spec, ms, e == null ? "opened?" : e.getMessage());
            assertThat(e).isNotNull();
            UserMessages.assertReadable(e, CaptureException.Kind.NO_CAMERA);
            assertThat(e.getMessage()).containsIgnoringCase("plug in a webcam");
            assertThat(ms).isLessThan(10_000);
        }
    }

    @Test
    void nativeOpenOfAMissingDeviceFailsFastAndIsMapped() throws Exception {
        assumeTrue(machineHasNoCamera(), "this machine has a camera; the no-camera path cannot be shown here");
        assumeTrue(FFmpegNatives.cameraInputProblem() == null,
                () -> "FFmpeg's camera input cannot load here (.ci/run installs libpulse0): " + FFmpegNatives.cameraInputProblem());
        // Goes through FFmpeg's real video4linux2 input, skipping the existence check, to prove the
        // error text JavaCV produces is the one the mapping reads. Loading FFmpeg's libraries is a
        // one-time cost, timed apart from the open itself.
        long load = System.nanoTime();
        FFmpegNatives.init();
        new org.bytedeco.javacv.FFmpegFrameGrabber("/dev/null").close();
        System.out.printf("loading FFmpeg (once per process): %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - load));
        long start = System.nanoTime();
        CaptureException e = catchThrowableOfType(CaptureException.class, () -> CameraSource.startDevice("/dev/video0", "/dev/video0"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("native open of /dev/video0: %d ms, cause \"%s\", told the user: %s%n", ms,
                e.getCause() == null ? null : e.getCause().getMessage(), e.getMessage());
        UserMessages.assertReadable(e, CaptureException.Kind.NO_CAMERA);
        assertThat(CameraSource.nativeErrorCode(e.getCause().getMessage())).isEqualTo(-2);
        assertThat(e.getMessage()).contains("not connected");
        assertThat(ms).isLessThan(10_000);
    }

    @Test
    void withoutItsSystemLibraryNoCameraIsCalledUnpluggedOrBroken() throws Exception {
        // The other side of the test above: on a machine without PulseAudio's client library the camera input
        // cannot load at all, and a camera that is plugged in must not be reported as broken or unplugged.
        // (Which library is named depends on which code in this test JVM loaded FFmpeg first; the app loads it
        // through FFmpegNatives.init(), and the test below checks the naming itself.)
        assumeTrue(FFmpegNatives.cameraInputProblem() != null, "FFmpeg's camera input loads on this machine");
        CaptureException e = catchThrowableOfType(CaptureException.class, () -> CameraSource.startDevice("/dev/video0", "/dev/video0"));
        UserMessages.assertReadable(e, CaptureException.Kind.CAMERAS_UNAVAILABLE);
        assertThat(e.getMessage()).contains("camera support").contains("Video files").doesNotContain("unplugged");
    }

    @Test
    void aMissingSystemLibraryIsNamedWithItsFix() {
        String pulse = FFmpegNatives.missingLibraryMessage("/home/u/.javacpp/cache/ffmpeg-8.1.2-1.5.14-linux-x86_64.jar/org/"
                + "bytedeco/ffmpeg/linux-x86_64/libjniavdevice.so: libpulse.so.0: cannot open shared object file: "
                + "No such file or directory");
        assertThat(pulse).contains("libpulse.so.0").contains("sudo apt install libpulse0").doesNotContain("javacpp");
        UserMessages.assertReadable(new CaptureException(CaptureException.Kind.NO_CAMERA, pulse), CaptureException.Kind.NO_CAMERA);

        String other = FFmpegNatives.missingLibraryMessage("x/libjniavdevice.so: libxcb.so.1: cannot open shared object file");
        assertThat(other).contains("libxcb.so.1").contains("the package that provides it").doesNotContain("libpulse0");

        String unknown = FFmpegNatives.missingLibraryMessage("no such symbol av_something");
        assertThat(unknown).doesNotContain("av_something").contains("Video files");
        UserMessages.assertReadable(new CaptureException(CaptureException.Kind.NO_CAMERA, unknown), CaptureException.Kind.NO_CAMERA);
    }

    @Test
    void busyCameraIsCameraBusy() {
        CaptureException e = CameraSource.classifyOpenFailure("HD Webcam (/dev/video0)",
                "avformat_open_input() error -16: Could not open input \"/dev/video0\". (Has setFormat() been called?)", true, null);
        UserMessages.assertReadable(e, CaptureException.Kind.CAMERA_BUSY);
        assertThat(e.getMessage()).contains("in use by another program");
    }

    @Test
    void otherOpenFailuresSayWhatToDo() {
        String device = "/dev/video0";
        CaptureException denied = CameraSource.classifyOpenFailure(device,
                "avformat_open_input() error -13: Could not open input \"/dev/video0\".", true, null);
        UserMessages.assertReadable(denied, CaptureException.Kind.NO_CAMERA);
        assertThat(denied.getMessage()).contains("'video' group");

        CaptureException metadataNode = CameraSource.classifyOpenFailure(device,
                "avformat_open_input() error -19: Could not open input \"/dev/video1\".", true, null);
        UserMessages.assertReadable(metadataNode, CaptureException.Kind.NO_CAMERA);
        assertThat(metadataNode.getMessage()).contains("does not deliver pictures");

        CaptureException unplugged = CameraSource.classifyOpenFailure(device,
                "avformat_open_input() error -19: Could not open input \"/dev/video0\".", false, null);
        UserMessages.assertReadable(unplugged, CaptureException.Kind.NO_CAMERA);
        assertThat(unplugged.getMessage()).contains("not connected");

        CaptureException io = CameraSource.classifyOpenFailure(device, "avformat_open_input() error -5: Input/output error", true, null);
        UserMessages.assertReadable(io, CaptureException.Kind.NO_CAMERA);

        CaptureException lost = CameraSource.lost("HD Webcam (/dev/video0)", null);
        UserMessages.assertReadable(lost, CaptureException.Kind.CAMERA_LOST);
    }

    @Test
    void errorCodesAreReadFromJavaCvMessages() {
        assertThat(CameraSource.nativeErrorCode("avformat_open_input() error -16: Could not open input")).isEqualTo(-16);
        assertThat(CameraSource.nativeErrorCode("av_read_frame() error -19: Could not read frame")).isEqualTo(-19);
        assertThat(CameraSource.nativeErrorCode("something else")).isZero();
        assertThat(CameraSource.nativeErrorCode(null)).isZero();
    }

    @Test
    void cameraSpecsAreRecognised() {
        assertThat(CameraSource.isCameraSpec("camera")).isTrue();
        assertThat(CameraSource.isCameraSpec("camera:2")).isTrue();
        assertThat(CameraSource.isCameraSpec("/dev/video2")).isTrue();
        assertThat(CameraSource.isCameraSpec("camera.mp4")).isFalse();
        assertThat(CameraSource.isCameraSpec("/home/me/video.mp4")).isFalse();
    }

    /**
     * Discovery reads only names: a directory laid out like {@code /dev} plus
     * {@code /sys/class/video4linux} (as a UVC webcam registers itself) shows what is listed.
     * Nothing here is opened as a camera.
     */
    @Test
    void discoveryListsCaptureNodesInDeviceOrderWithDriverNames(@TempDir Path tmp) throws IOException {
        Path dev = Files.createDirectories(tmp.resolve("dev"));
        Path sys = Files.createDirectories(tmp.resolve("sys"));
        for (String node : List.of("video0", "video1", "video2", "video10", "video-legacy", "vhci")) {
            Files.createFile(dev.resolve(node));
        }
        sysNode(sys, "video0", "HD Webcam C270", "0");
        sysNode(sys, "video1", "HD Webcam C270", "1");
        sysNode(sys, "video10", "Integrated Camera: Integrated C", "0");

        List<CameraInfo> cameras = Cameras.list(dev, sys);

        assertThat(cameras).containsExactly(
                new CameraInfo("camera:0", dev.resolve("video0").toString(), "HD Webcam C270"),
                new CameraInfo("camera:2", dev.resolve("video2").toString(), dev.resolve("video2").toString()),
                new CameraInfo("camera:10", dev.resolve("video10").toString(), "Integrated Camera: Integrated C"));
    }

    private static void sysNode(Path sys, String node, String name, String index) throws IOException {
        Path dir = Files.createDirectories(sys.resolve(node));
        Files.writeString(dir.resolve("name"), name + "\n");
        Files.writeString(dir.resolve("index"), index + "\n");
    }
}
