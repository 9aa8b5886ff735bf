package org.signspell.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameGrabber;

/**
 * A live webcam, asked for 640×480 at 30 fps (a camera that cannot gives its nearest mode).
 *
 * <p>On Linux the device node is checked before anything native is touched, then opened with
 * FFmpeg's video4linux2 input, which fails in about a second when the camera is missing or busy
 * (OpenCV's capture fails only after about 16 s and {@code FrameGrabber.createDefault} probes every
 * back-end for about 11 s). Elsewhere the camera number goes to OpenCV's platform back-end.
 *
 * <p>Timestamps are the driver's capture times, first frame at 0; where the back-end gives none that
 * advance (OpenCV on macOS answers 0), the times the frames arrived (see {@link FrameClock}). A camera
 * never ends: when it stops delivering, {@link #next()} throws {@link CaptureException.Kind#CAMERA_LOST}.
 */
public final class CameraSource implements FrameSource {
    public static final int REQUESTED_WIDTH = 640;
    public static final int REQUESTED_HEIGHT = 480;
    public static final double REQUESTED_FPS = 30.0;

    private static final Pattern CAMERA_ID = Pattern.compile("camera(?::(\\d+))?");
    private static final Pattern NATIVE_ERROR = Pattern.compile("error (-\\d+)");
    // Linux errno values as FFmpeg reports them (negated).
    private static final int EPERM = -1;
    private static final int ENOENT = -2;
    private static final int ENXIO = -6;
    private static final int EACCES = -13;
    private static final int EBUSY = -16;
    private static final int ENODEV = -19;

    private final String device;
    private final String label;
    private final GrabberFrames frames;
    private final double frameRate;

    private CameraSource(String device, String label, GrabberFrames frames, double frameRate) {
        this.device = device;
        this.label = label;
        this.frames = frames;
        this.frameRate = frameRate;
    }

    /**
     * Opens a camera by id ({@code camera}, {@code camera:0}) or device node ({@code /dev/video0}).
     * Fails with {@code NO_CAMERA} or {@code CAMERA_BUSY} within about two seconds.
     */
    public static CameraSource open(String spec) throws CaptureException {
        return Cameras.isLinux() ? openLinux(spec) : openOther(spec);
    }

    /** Whether {@link FrameSources#open} should treat this spec as a camera rather than a path. */
    static boolean isCameraSpec(String spec) {
        return CAMERA_ID.matcher(spec.trim()).matches() || spec.trim().startsWith("/dev/video");
    }

    private static CameraSource openLinux(String spec) throws CaptureException {
        List<CameraInfo> cameras = Cameras.list();
        String device = resolveDevice(spec.trim(), cameras);
        String label = labelFor(device, cameras);
        Path node = Path.of(device);
        if (!Files.exists(node)) {
            throw new CaptureException(CaptureException.Kind.NO_CAMERA, notConnectedMessage(label, cameras));
        }
        if (!Files.isReadable(node)) {
            throw new CaptureException(CaptureException.Kind.NO_CAMERA, noPermissionMessage(label));
        }
        return startDevice(device, label);
    }

    /** Opens a device node that exists; the native open decides whether it is a free, working camera. */
    static CameraSource startDevice(String device, String label) throws CaptureException {
        String inputProblem = FFmpegNatives.cameraInputProblem();
        if (inputProblem != null) {
            throw new CaptureException(CaptureException.Kind.CAMERAS_UNAVAILABLE, inputProblem);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(device);
        grabber.setFormat("video4linux2");
        // Asked of the driver, not of JavaCV's scaler: a camera without 640x480 then delivers its
        // nearest size undistorted rather than stretched to 4:3, which would skew hand landmarks.
        grabber.setOption("video_size", REQUESTED_WIDTH + "x" + REQUESTED_HEIGHT);
        grabber.setFrameRate(REQUESTED_FPS);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            GrabberFrames.closeQuietly(grabber);
            throw classifyOpenFailure(label, e.getMessage(), Files.exists(Path.of(device)), e);
        }
        double fps = grabber.getFrameRate();
        if (!(fps > 0 && fps < 1000)) {
            fps = REQUESTED_FPS;
        }
        return new CameraSource(device, label, new GrabberFrames(grabber, FrameClock.forCamera()), fps);
    }

    private static CameraSource openOther(String spec) throws CaptureException {
        Matcher m = CAMERA_ID.matcher(spec.trim());
        if (!m.matches()) {
            throw new CaptureException(CaptureException.Kind.NO_CAMERA,
                    "Cameras are chosen by number on this system (camera:0, camera:1). Choose one from the camera list.");
        }
        int number = m.group(1) == null ? 0 : cameraNumber(m.group(1));
        String label = "camera " + number;
        OpenCVFrameGrabber grabber = new OpenCVFrameGrabber(number);
        grabber.setImageWidth(REQUESTED_WIDTH);
        grabber.setImageHeight(REQUESTED_HEIGHT);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            GrabberFrames.closeQuietly(grabber);
            throw new CaptureException(CaptureException.Kind.NO_CAMERA,
                    "Camera " + number + " could not be started: it is missing, switched off or used by another program."
                            + " Close other camera programs, check the connection, or open a video file instead.", e);
        }
        double fps = grabber.getFrameRate() > 0 && grabber.getFrameRate() < 1000 ? grabber.getFrameRate() : REQUESTED_FPS;
        return new CameraSource("camera:" + number, label, new GrabberFrames(grabber, FrameClock.forCamera()), fps);
    }

    /** {@code camera} is the first camera found, {@code camera:N} is {@code /dev/videoN}, a device node is itself. */
    static String resolveDevice(String spec, List<CameraInfo> cameras) throws CaptureException {
        Matcher m = CAMERA_ID.matcher(spec);
        if (!m.matches()) {
            return spec;
        }
        if (m.group(1) != null) {
            return Cameras.DEV.resolve("video" + cameraNumber(m.group(1))).toString();
        }
        if (cameras.isEmpty()) {
            throw new CaptureException(CaptureException.Kind.NO_CAMERA, noCameraMessage());
        }
        return cameras.get(0).device();
    }

    private static String labelFor(String device, List<CameraInfo> cameras) {
        for (CameraInfo c : cameras) {
            if (c.device().equals(device) && !c.name().equals(device)) {
                return c.name() + " (" + device + ")";
            }
        }
        return device;
    }

    static String noCameraMessage() {
        return "No camera was found on this computer. Plug in a webcam and try again, or open a video file or a folder of images instead.";
    }

    static String notConnectedMessage(String label, List<CameraInfo> cameras) {
        if (cameras.isEmpty()) {
            return "Camera " + label + " is not connected, and no other camera was found. "
                    + "Plug in a webcam and try again, or open a video file or a folder of images instead.";
        }
        return "Camera " + label + " is not connected. Cameras found: "
                + cameras.stream().map(c -> c.id() + " (" + c.name() + ")").collect(Collectors.joining(", ")) + ".";
    }

    static String noPermissionMessage(String label) {
        return "SignSpell is not allowed to use camera " + label + ". Add your user to the 'video' group "
                + "(sudo usermod -aG video $USER), then log out and back in.";
    }

    /**
     * Turns the native error of a failed open into what the user can do about it. {@code nativeMessage}
     * is JavaCV's text, which carries FFmpeg's negated errno ("avformat_open_input() error -16: ...").
     */
    static CaptureException classifyOpenFailure(String label, String nativeMessage, boolean nodeStillPresent, Throwable cause) {
        int code = nativeErrorCode(nativeMessage);
        if (code == EBUSY) {
            return new CaptureException(CaptureException.Kind.CAMERA_BUSY,
                    "Camera " + label + " is in use by another program (a video call or another camera app). "
                            + "Close that program, then choose the camera again.", cause);
        }
        if (code == EACCES || code == EPERM) {
            return new CaptureException(CaptureException.Kind.NO_CAMERA, noPermissionMessage(label), cause);
        }
        if (!nodeStillPresent || code == ENOENT || code == ENXIO) {
            return new CaptureException(CaptureException.Kind.NO_CAMERA,
                    "Camera " + label + " is not connected (it may have just been unplugged). Plug it in and choose it again.", cause);
        }
        if (code == ENODEV) {
            return new CaptureException(CaptureException.Kind.NO_CAMERA,
                    "Device " + label + " does not deliver pictures (some webcams add a second, metadata-only device). "
                            + "Choose another camera from the list.", cause);
        }
        return new CaptureException(CaptureException.Kind.NO_CAMERA,
                "Camera " + label + " could not be started. Unplug it and plug it back in, close other camera programs, "
                        + "or choose another camera.", cause);
    }

    private static int cameraNumber(String digits) throws CaptureException {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new CaptureException(CaptureException.Kind.NO_CAMERA,
                    "camera:" + digits + " is no camera number. Choose one from the camera list (camera:0, camera:1).", e);
        }
    }

    /** The negated errno in a JavaCV/FFmpeg error message, or 0 when it carries none. */
    static int nativeErrorCode(String nativeMessage) {
        if (nativeMessage == null) {
            return 0;
        }
        Matcher m = NATIVE_ERROR.matcher(nativeMessage.toLowerCase(Locale.ROOT));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static CaptureException lost(String label, Throwable cause) {
        return new CaptureException(CaptureException.Kind.CAMERA_LOST,
                "Camera " + label + " stopped sending pictures: it was unplugged, switched off or taken by another program. "
                        + "Reconnect it and choose it again.", cause);
    }

    /** The device node (Linux) or camera id this source reads. */
    public String device() {
        return device;
    }

    @Override
    public String description() {
        return "Camera " + label;
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public CapturedFrame next() throws CaptureException {
        CapturedFrame frame;
        try {
            frame = frames.next();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw lost(label, e);
        }
        if (frame == null) {
            // FFmpeg reports a vanished device (ENODEV on read) as the end of the stream.
            throw lost(label, null);
        }
        return frame;
    }

    @Override
    public void close() {
        frames.close();
    }
}
