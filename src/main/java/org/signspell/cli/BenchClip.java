package org.signspell.cli;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signspell.capture.CaptureException;
import org.signspell.capture.CapturedFrame;
import org.signspell.capture.FrameSource;

/**
 * An endless supply of 640×480 BGR frames for benchmarks, looping a video or a folder.
 *
 * <p>A folder is decoded once (as far as the run goes) and its frames copied in turn, as a camera hands over decoded frames; a
 * video is decoded frame by frame, so its grab time is real decoding. Each Mat is valid until the next call.
 */
abstract class BenchClip implements AutoCloseable {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    final Size size = new Size(WIDTH, HEIGHT);
    final Mat scaled = new Mat();

    abstract Mat next();

    /** @param framesWanted how many frames the run takes in all: a folder is decoded no further than that */
    static BenchClip open(Path path, double fps, int framesWanted) {
        return Files.isDirectory(path) ? new Folder(path, fps, framesWanted) : new Video(path, fps);
    }

    Mat to640x480(Mat frame) {
        if (frame.cols() == WIDTH && frame.rows() == HEIGHT) {
            return frame;
        }
        resize(frame, scaled, size, 0, 0, INTER_AREA);
        return scaled;
    }

    @Override
    public void close() {
        scaled.close();
        size.close();
    }

    private static final class Folder extends BenchClip {
        private final List<Mat> decoded = new ArrayList<>();
        private final Mat frame = new Mat();
        private int index;

        Folder(Path folder, double fps, int framesWanted) {
            // Only as many as the run will take: each is 0.9 MiB decoded, and a folder of 10,000 frames held
            // 9 GB before the first was timed.
            try (FrameSource source = SpellCommand.openSource(folder.toString(), fps)) {
                for (CapturedFrame f; decoded.size() < framesWanted && (f = SpellCommand.next(source)) != null; ) {
                    decoded.add(to640x480(f.bgr()).clone());
                }
            }
        }

        @Override
        Mat next() {
            decoded.get(index).copyTo(frame);
            index = (index + 1) % decoded.size();
            return frame;
        }

        @Override
        public void close() {
            decoded.forEach(Mat::close);
            frame.close();
            super.close();
        }
    }

    private static final class Video extends BenchClip {
        private final Path path;
        private final double fps;
        private FrameSource source;

        Video(Path path, double fps) {
            this.path = path;
            this.fps = fps;
            this.source = SpellCommand.openSource(path.toString(), fps);
        }

        @Override
        Mat next() {
            CapturedFrame frame = nextBeforeACut();
            if (frame == null) {
                source.close();
                source = SpellCommand.openSource(path.toString(), fps);
                frame = nextBeforeACut();
                if (frame == null) {
                    throw new UserError(path + " has no frames.");
                }
            }
            return to640x480(frame.bgr());
        }

        /** The frames before a cut time the engine as well as a whole video's: a cut is where the loop turns. */
        private CapturedFrame nextBeforeACut() {
            try {
                return source.next();
            } catch (CaptureException e) {
                if (e.kind() == CaptureException.Kind.VIDEO_CUT_SHORT) {
                    return null;
                }
                throw new UserError(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            source.close();
            super.close();
        }
    }
}
