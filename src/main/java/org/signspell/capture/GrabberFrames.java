package org.signspell.capture;

import static org.bytedeco.opencv.global.opencv_core.rotate;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads BGR frames from a started JavaCV grabber, shared by the camera and video-file sources.
 *
 * <p>The grabber decodes into one buffer it reuses and the converter wraps that buffer in one Mat it
 * reuses, so steady-state reading allocates no native memory. Timestamps come from the
 * {@link FrameClock} the source chose: a file's stream times, or a camera's driver times with the
 * arrival time standing in where the driver gives none.
 */
final class GrabberFrames implements AutoCloseable {
    private final FrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final FrameClock clock;
    /** OpenCV's rotate code that stands the picture upright, or -1 where it is upright as stored. */
    private final int uprightRotation;
    /** The upright picture, reused frame after frame; null where none is needed. */
    private final Mat upright;
    private long index = -1;
    private boolean closed;

    GrabberFrames(FrameGrabber startedGrabber, FrameClock clock) {
        this(startedGrabber, clock, -1);
    }

    /** @param uprightRotation OpenCV's rotate code that stands each picture upright, or -1 for none */
    GrabberFrames(FrameGrabber startedGrabber, FrameClock clock, int uprightRotation) {
        this.grabber = startedGrabber;
        this.clock = clock;
        this.uprightRotation = uprightRotation;
        this.upright = uprightRotation >= 0 ? new Mat() : null;
    }

    /** The next frame, or {@code null} when the grabber has no more. */
    CapturedFrame next() throws FrameGrabber.Exception {
        // Audio and other packets are skipped: only pictures are wanted.
        Frame frame = grabber instanceof FFmpegFrameGrabber ffmpeg ? ffmpeg.grabImage() : grabber.grab();
        // Read before converting, so a camera frame without a driver time is stamped when it came, not later.
        long arrivalNanos = System.nanoTime();
        if (frame == null || frame.image == null) {
            return null;
        }
        Mat bgr = converter.convert(frame);
        if (bgr == null || bgr.empty()) {
            return null;
        }
        long timestamp = clock.stamp(grabber.getTimestamp(), arrivalNanos);
        index++;
        if (upright != null) {
            rotate(bgr, upright, uprightRotation);
            return new CapturedFrame(upright, index, timestamp);
        }
        return new CapturedFrame(bgr, index, timestamp);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        converter.close();
        if (upright != null) {
            upright.close();
        }
        closeQuietly(grabber);
    }

    /** Stops and releases a grabber; used on failure paths, where the first error is the one to report. */
    static void closeQuietly(FrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // The source is being abandoned; a second failure while releasing it adds nothing the user can act on.
        }
    }
}
