package org.signspell.capture;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Opens whatever the user named: a camera, a video file, a folder of images or a single image. */
public final class FrameSources {
    private FrameSources() {
    }

    /**
     * Loads FFmpeg's and OpenCV's native libraries now (about 1.3 s the first time in a process), so
     * the first open of a camera or video does not pay for it. Call once at start-up, off the UI thread.
     */
    public static void preloadNatives() {
        FFmpegNatives.init();
        try {
            org.bytedeco.javacv.FFmpegFrameGrabber.tryLoad();
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            // Opening a source reports the same problem with a message for the user; nothing to add here.
        }
        org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_imgcodecs.class);
    }

    /**
     * Why no camera can be opened on this computer as installed (a system library FFmpeg's camera input needs is
     * missing), in words for the user; empty when cameras can be opened.
     */
    public static java.util.Optional<String> camerasUnavailableReason() {
        return java.util.Optional.ofNullable(FFmpegNatives.cameraInputProblem());
    }

    /** Whether {@link #open} takes {@code spec} for a camera rather than a path. */
    public static boolean isCamera(String spec) {
        return spec != null && CameraSource.isCameraSpec(spec);
    }

    /**
     * Opens {@code spec}:
     * <ul>
     *   <li>{@code camera}, {@code camera:N} or {@code /dev/videoN}: a camera ({@link CameraSource});</li>
     *   <li>a folder: its images played at {@code folderFps} ({@link ImageFolderSource});</li>
     *   <li>an image file: one frame;</li>
     *   <li>any other file: a video ({@link VideoFileSource}).</li>
     * </ul>
     * Every failure is a {@link CaptureException} with a message for the user, thrown within about two
     * seconds, with nothing native left open.
     *
     * @param folderFps rate at which folder images (and a single image) are played; must be positive
     * @param paced     hold each frame of a file or folder until it is due on the wall clock, as a camera
     *                  would deliver it; cameras are always live
     */
    public static FrameSource open(String spec, double folderFps, boolean paced) throws CaptureException {
        if (spec == null || spec.isBlank()) {
            throw new CaptureException(CaptureException.Kind.NOT_FOUND,
                    "No camera, video or folder was given. Name a camera (camera:0), a video file or a folder of images.");
        }
        if (CameraSource.isCameraSpec(spec)) {
            return CameraSource.open(spec);
        }
        Path path;
        try {
            path = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new CaptureException(CaptureException.Kind.NOT_FOUND,
                    "\"" + spec + "\" is not a valid file or folder name. Check the path and try again.", e);
        }
        if (!Files.exists(path)) {
            throw new CaptureException(CaptureException.Kind.NOT_FOUND,
                    "Nothing exists at " + path + ". Check the path, or name a camera (camera:0), a video file or a folder of images.");
        }
        if (Files.isDirectory(path)) {
            return ImageFolderSource.open(path, folderFps, paced);
        }
        if (ImageFolderSource.isImageFile(path)) {
            return ImageFolderSource.ofFiles(List.of(path), "image " + path.getFileName(), folderFps, paced);
        }
        return VideoFileSource.open(path, paced);
    }
}
