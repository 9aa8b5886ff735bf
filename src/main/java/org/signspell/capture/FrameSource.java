package org.signspell.capture;

/**
 * A camera, a video file or a folder of images, read one frame at a time.
 *
 * <p>Implementations: {@link CameraSource}, {@link VideoFileSource}, {@link ImageFolderSource}; open
 * whichever the user named with {@link FrameSources#open}. Every frame is 8-bit BGR in one Mat the
 * source reuses; {@link #close()} frees it and the decoder behind it.
 *
 * <p>Not thread-safe: one capture thread owns a source from open to close (see {@link CaptureLoop}).
 */
public interface FrameSource extends AutoCloseable {

    /** What the user picked, in words ("Camera /dev/video0", "video hello.mp4"). */
    String description();

    /** Nominal frames per second; the camera's or the file's, or the rate a folder is played at. */
    double frameRate();

    /**
     * Blocks until the next frame is available.
     *
     * @return the frame, valid until the next call; {@code null} at the end of a file or folder (a
     *         camera never ends: it throws {@link CaptureException.Kind#CAMERA_LOST} instead)
     * @throws CaptureException with a message meant for the user when the source fails
     */
    CapturedFrame next() throws CaptureException;

    /** Frees the decoder and the frame buffer; idempotent. */
    @Override
    void close();
}
