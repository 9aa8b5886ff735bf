package org.signspell.cli;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A video file decoded frame by frame into BGR {@link Mat}s, for the command line until it moves to the
 * capture package's frame sources.
 */
final class VideoFrames implements AutoCloseable {
    private final Path path;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private long timestampMicros;

    private VideoFrames(Path path, FFmpegFrameGrabber grabber) {
        this.path = path;
        this.grabber = grabber;
    }

    static VideoFrames open(Path path) {
        // Our own one-line messages replace FFmpeg's console output.
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw new UserError(path + " is neither an image nor a video that can be decoded ("
                    + firstLine(e.getMessage()) + ").");
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new UserError(path + " has no video stream.");
        }
        return new VideoFrames(path, grabber);
    }

    /** The next frame, or null at the end; the returned Mat is overwritten by the next call. */
    Mat next() {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                return null;
            }
            timestampMicros = frame.timestamp;
            return converter.convert(frame);
        } catch (FrameGrabber.Exception e) {
            throw new UserError("Reading " + path + " failed (" + firstLine(e.getMessage()) + "); the file may be "
                    + "truncated or damaged.");
        }
    }

    /** Timestamp of the last frame returned by {@link #next()}, in microseconds. */
    long timestampMicros() {
        return timestampMicros;
    }

    double frameRate() {
        return grabber.getFrameRate();
    }

    /** Goes back to the first frame. */
    void rewind() {
        try {
            grabber.setTimestamp(0);
        } catch (FrameGrabber.Exception e) {
            throw new UserError("Cannot seek back to the start of " + path + " (" + firstLine(e.getMessage()) + ").");
        }
    }

    @Override
    public void close() {
        converter.close();
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // Closing after a failed start: nothing more to release or report.
        }
    }

    /** Frames the container says it holds; 0 when it does not say. */
    int expectedFrames() {
        return Math.max(0, grabber.getLengthInFrames());
    }

    /** JavaCV's message without its hints to programmers, on one line. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).trim();
        line = line.replaceAll("\\s*\\(Has setFormat\\(\\) been called\\?\\)", "");
        line = line.replaceAll("\\s*\\(For more details.*$", "");
        return line.trim().replaceAll("\\.$", "");
    }
}
