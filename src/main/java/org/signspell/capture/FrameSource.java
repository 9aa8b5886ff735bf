package org.signspell.capture;

/**
 * A camera, a video file or a folder of images, read one frame at a time.
 *
 * <p>Not thread-safe: one capture thread owns a source from open to close.
 */
public interface FrameSource extends AutoCloseable {

    /** What the user picked, in words ("Camera /dev/video0", "video hello.mp4"). */
    String description();

    /** Nominal frames per second; the camera's or the file's, or the rate a folder is played at. */
    double frameRate();

    /**
     * Blocks until the next frame is available.
     *
     * @return the frame, valid until the next call; {@code null} at the end of a file or folder
     * @throws CaptureException with a message meant for the user when the source fails
     */
    CapturedFrame next() throws CaptureException;

    @Override
    void close();
}
