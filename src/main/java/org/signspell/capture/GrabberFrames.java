package org.signspell.capture;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads BGR frames from a started JavaCV grabber, shared by the camera and video-file sources.
 *
 * <p>The grabber decodes into one buffer it reuses and the converter wraps that buffer in one Mat it
 * reuses, so steady-state reading allocates no native memory. Timestamps are the stream's own,
 * shifted so the first frame is at 0 and forced to increase: some containers repeat or reorder
 * presentation times, and consumers divide by the difference between two frames.
 */
final class GrabberFrames implements AutoCloseable {
    private final FrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final long nominalIntervalMicros;
    private long firstTimestamp = Long.MIN_VALUE;
    private long lastTimestamp = -1;
    private long index = -1;
    private boolean closed;

    GrabberFrames(FrameGrabber startedGrabber, double frameRate) {
        this.grabber = startedGrabber;
        this.nominalIntervalMicros = Math.max(1, Math.round(1_000_000.0 / frameRate));
    }

    /** The next frame, or {@code null} when the grabber has no more. */
    CapturedFrame next() throws FrameGrabber.Exception {
        // Audio and other packets are skipped: only pictures are wanted.
        Frame frame = grabber instanceof FFmpegFrameGrabber ffmpeg ? ffmpeg.grabImage() : grabber.grab();
        if (frame == null || frame.image == null) {
            return null;
        }
        Mat bgr = converter.convert(frame);
        if (bgr == null || bgr.empty()) {
            return null;
        }
        long raw = grabber.getTimestamp();
        if (firstTimestamp == Long.MIN_VALUE) {
            firstTimestamp = raw;
        }
        long timestamp = raw - firstTimestamp;
        if (timestamp <= lastTimestamp) {
            timestamp = lastTimestamp + nominalIntervalMicros;
        }
        lastTimestamp = timestamp;
        index++;
        return new CapturedFrame(bgr, index, timestamp);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        converter.close();
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
