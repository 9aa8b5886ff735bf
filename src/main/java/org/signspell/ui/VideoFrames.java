package org.signspell.ui;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.engine.FrameResult;

/**
 * Hands video frames from the engine's thread to the FX thread without allocating per frame.
 *
 * <p>Up to four slots, each a direct BGRA buffer shared by an OpenCV Mat (the engine thread converts into
 * it) and a JavaFX {@link PixelBuffer} (the scene graph shows it). The engine writes the back slot while the
 * front one is on screen; the FX thread makes the back slot the front when a complete frame is waiting.
 * A frame that arrives before the FX thread took the previous one overwrites it: latest wins, nothing queues.
 *
 * <p>The slot that leaves the screen is not written at once. JavaFX's render thread draws a pulse while the
 * FX thread goes on, and only the next pulse's scene sync waits for that drawing to finish; so a slot that
 * was on screen during pulse <i>p</i> may be read until pulse <i>p</i> + 1 has synced, and goes back to the
 * engine once pulse <i>p</i> + 2 has begun ({@link #pulseStarted}). Two slots may rest; when both are still
 * too young, the hand-off waits for the next pulse (and asks for one) rather than give the engine a slot that
 * may still be read, or make a fifth.
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
        /** The pulse count when this slot left the screen. */
        long leftScreenAt;

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

    private static final int MAX_RESTING = 2;
    /** Pulses begun since a slot left the screen after which no render can read it (class comment). */
    private static final int PULSES_TO_REST = 2;

    private final Object lock = new Object();
    /** One writer at a time: an engine being replaced may still deliver a frame while the new one starts. */
    private final Object writer = new Object();
    private final Runnable requestPulse;
    private Slot front;
    /** Slots that left the screen, oldest first, resting until no render can read them (class comment). */
    private final ArrayDeque<Slot> resting = new ArrayDeque<>(MAX_RESTING);
    private long pulses;
    private Slot back;
    private boolean backReady;
    private boolean backWriting;

    /** @param requestPulse asks JavaFX for a pulse, without which a hand-off left waiting would wait on */
    VideoFrames(Runnable requestPulse) {
        this.requestPulse = requestPulse;
    }

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
            Slot oldest = resting.peekFirst();
            boolean oldestFree = oldest != null && pulses - oldest.leftScreenAt >= PULSES_TO_REST;
            if (!oldestFree && resting.size() >= MAX_RESTING) {
                requestPulse.run();
                return null;
            }
            Slot reusable = oldestFree ? resting.pollFirst() : null;
            if (front != null) {
                front.leftScreenAt = pulses;
                resting.addLast(front);
            }
            front = back;
            back = reusable != null && reusable.fits(front.width, front.height) ? reusable : null;
            if (reusable != null && back == null) {
                reusable.release();
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

    /**
     * FX thread, at the start of every pulse (before layout and sync). Returns whether a complete frame is
     * waiting, which a hand-off since the last pulse may have had to leave for this one.
     */
    boolean pulseStarted() {
        synchronized (lock) {
            pulses++;
            return backReady && !backWriting;
        }
    }
}
