package org.signspell.ui;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.engine.FrameResult;

/**
 * Hands video frames from the engine's thread to the FX thread without allocating per frame.
 *
 * <p>Three slots, each a direct BGRA buffer shared by an OpenCV Mat (the engine thread converts into it)
 * and a JavaFX {@link PixelBuffer} (the scene graph shows it). The engine writes the back slot while the
 * front one is on screen; the FX thread makes the back slot the front when a complete frame is waiting.
 * The slot it replaces is not written at once: JavaFX's render thread may still be drawing the last pulse
 * from it, so it rests for one hand-off before the engine gets it back. A frame that arrives before the FX
 * thread took the previous one overwrites it: latest wins, nothing queues.
 */
final class VideoFrames {

    /** What the FX thread gets: the image to show and the result computed from those very pixels. */
    record Shown(WritableImage image, FrameResult result, double framesPerSecond) {
    }

    private static final class Slot {
        final int width;
        final int height;
        final ByteBuffer pixels;
        final BytePointer pointer;
        final Mat bgra;
        FrameResult result;
        double framesPerSecond;
        PixelBuffer<ByteBuffer> pixelBuffer;
        WritableImage image;

        Slot(int width, int height) {
            this.width = width;
            this.height = height;
            this.pixels = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
            this.pointer = new BytePointer(pixels);
            this.bgra = new Mat(height, width, CV_8UC4, pointer);
        }

        boolean fits(int w, int h) {
            return width == w && height == h;
        }

        void release() {
            bgra.close();
            pointer.close();
        }
    }

    private final Object lock = new Object();
    /** One writer at a time: an engine being replaced may still deliver a frame while the new one starts. */
    private final Object writer = new Object();
    private Slot front;
    /** The front before this one, resting for one hand-off (see the class comment). */
    private Slot resting;
    private Slot back;
    private boolean backReady;
    private boolean backWriting;

    /** Engine thread: converts {@code bgr} into the back slot. */
    void write(Mat bgr, FrameResult result, double framesPerSecond) {
        synchronized (writer) {
            writeAlone(bgr, result, framesPerSecond);
        }
    }

    private void writeAlone(Mat bgr, FrameResult result, double framesPerSecond) {
        int w = bgr.cols();
        int h = bgr.rows();
        if (w <= 0 || h <= 0) {
            return;
        }
        Slot target;
        synchronized (lock) {
            if (back == null || !back.fits(w, h)) {
                if (back != null) {
                    back.release();
                }
                back = new Slot(w, h);
            }
            target = back;
            backWriting = true;
            backReady = false;
        }
        try {
            switch (bgr.channels()) {
                case 3 -> cvtColor(bgr, target.bgra, COLOR_BGR2BGRA);
                case 1 -> cvtColor(bgr, target.bgra, COLOR_GRAY2BGRA);
                default -> bgr.copyTo(target.bgra);
            }
            target.result = result;
            target.framesPerSecond = framesPerSecond;
        } finally {
            synchronized (lock) {
                backWriting = false;
                backReady = true;
            }
        }
    }

    /**
     * FX thread: the newest complete frame, or {@code null} when nothing new is ready (a frame still being
     * written is shown on the next hand-off).
     */
    Shown takeLatest() {
        Slot shown;
        synchronized (lock) {
            if (!backReady || backWriting) {
                return null;
            }
            Slot rested = resting;
            resting = front;
            front = back;
            back = rested != null && rested.fits(front.width, front.height) ? rested : null;
            if (rested != null && back == null) {
                rested.release();
            }
            backReady = false;
            shown = front;
        }
        if (shown.image == null) {
            shown.pixelBuffer = new PixelBuffer<>(shown.width, shown.height, shown.pixels,
                    PixelFormat.getByteBgraPreInstance());
            shown.image = new WritableImage(shown.pixelBuffer);
        } else {
            shown.pixelBuffer.updateBuffer(buffer -> null);
        }
        return new Shown(shown.image, shown.result, shown.framesPerSecond);
    }
}
