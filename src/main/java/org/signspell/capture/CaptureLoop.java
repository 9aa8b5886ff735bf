package org.signspell.capture;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The capture thread: opens a frame source off the caller's thread and pumps its frames into a
 * {@link LatestFrameHandoff} until the source ends, fails, or {@link #close()} is called.
 *
 * <p>{@code close()} never waits: opening a camera or decoding a frame happens in native code that
 * cannot be cut short, so the loop is flagged, interrupted (which ends pacing waits and Java I/O at
 * once) and the hand-off is ended so the consumer wakes now; the capture thread then releases the
 * source by itself as soon as the native call returns. After close the listener hears nothing more,
 * except an event the capture thread was already passing on when close came (a check and a call are not
 * one step); an owner that switches sources drops those itself ({@code RecognitionEngine} does).
 *
 * <p>Listener calls come on the capture thread; a UI must hop to its own thread.
 */
public final class CaptureLoop implements Runnable, AutoCloseable {

    /** What the capture thread reports. Implementations must return quickly and not throw. */
    public interface Listener {
        /** The source is open and frames will follow. */
        void onOpened(String description, double fps);

        /** Opening or reading failed; the loop has stopped and the hand-off has ended. */
        void onError(CaptureException error);

        /** A file or folder played to its end; the loop has stopped and the hand-off has ended. */
        void onEndOfStream();
    }

    /** Opens the source; called once, on the capture thread. */
    @FunctionalInterface
    public interface Opener {
        FrameSource open() throws CaptureException;
    }

    private final Opener opener;
    private final LatestFrameHandoff handoff;
    private final Listener listener;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile Thread runner;

    public CaptureLoop(Opener opener, LatestFrameHandoff handoff, Listener listener) {
        this.opener = opener;
        this.handoff = handoff;
        this.listener = listener;
    }

    /** Creates the loop and runs it on a new daemon thread named {@code signspell-capture}. */
    public static CaptureLoop start(Opener opener, LatestFrameHandoff handoff, Listener listener) {
        CaptureLoop loop = new CaptureLoop(opener, handoff, listener);
        Thread thread = new Thread(loop, "signspell-capture");
        thread.setDaemon(true);
        loop.runner = thread;
        thread.start();
        return loop;
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        try {
            if (!stopped) {
                pump();
            }
        } finally {
            handoff.endOfStream();
            // The interrupt was meant for this loop, not for whatever runs next on a pooled thread.
            Thread.interrupted();
            finished.countDown();
        }
    }

    private void pump() {
        FrameSource source;
        try {
            source = opener.open();
        } catch (CaptureException e) {
            report(e);
            return;
        } catch (RuntimeException | Error e) {
            report(unexpected(e));
            return;
        }
        try (source) {
            if (stopped) {
                return;
            }
            listener.onOpened(source.description(), source.frameRate());
            while (!stopped) {
                CapturedFrame frame = source.next();
                if (stopped) {
                    return;
                }
                if (frame == null) {
                    handoff.endOfStream();
                    listener.onEndOfStream();
                    return;
                }
                handoff.publish(frame);
            }
        } catch (CaptureException e) {
            report(e);
        } catch (RuntimeException | Error e) {
            // Out of native memory for a huge image, say: the window must say so, not stand still as if playing.
            report(unexpected(e));
        }
    }

    private void report(CaptureException e) {
        if (stopped) {
            return;
        }
        handoff.fail(e);
        listener.onError(e);
    }

    private static CaptureException unexpected(Throwable e) {
        return new CaptureException(CaptureException.Kind.SOURCE_FAILED,
                "Reading frames failed unexpectedly. Try again, or choose another camera, video or folder.", e);
    }

    /** Stops the loop without waiting for it; see the class comment. Idempotent, safe from any thread. */
    @Override
    public void close() {
        stopped = true;
        handoff.endOfStream();
        Thread thread = runner;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    /** Waits until the capture thread has released its source; for the CLI and tests, never the UI thread. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether the capture thread is still open or reading. */
    public boolean isRunning() {
        return finished.getCount() > 0;
    }
}
