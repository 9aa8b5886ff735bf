package org.signspell.capture;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Latest-frame-wins hand-off from the capture thread to the inference thread.
 *
 * <p>Three pre-allocated pixel slots rotate: the producer copies into its own slot, then swaps it with
 * the "ready" slot; the consumer swaps the ready slot with its own. So neither thread ever waits for
 * the other to finish with pixels, the consumer always gets the newest frame, and a frame that is
 * overwritten before anyone took it is dropped (and counted) instead of queued: if inference falls
 * behind, latency stays one frame, never a growing backlog. Slots are reallocated only when the frame
 * size or type changes, so steady state allocates no native memory (each {@link #take} returns one
 * small record).
 *
 * <p>One producer thread calls {@link #publish}, {@link #endOfStream} or {@link #fail}; one consumer
 * thread calls {@link #take}. {@link #close} may be called from any thread.
 */
public final class LatestFrameHandoff implements AutoCloseable {
    private static final int SLOTS = 3;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Mat[] pixels = new Mat[SLOTS];
    private final long[] indices = new long[SLOTS];
    private final long[] timestamps = new long[SLOTS];
    private final boolean[] released = new boolean[SLOTS];

    // Slot roles; "writing" changes only inside publish, "reading" only inside take, both under the lock.
    private int writing = 0;
    private int ready = 1;
    private int reading = 2;
    private boolean fresh;
    private boolean producerBusy;
    private boolean consumerHolds;
    private boolean ended;
    private boolean closed;
    private CaptureException failure;
    private long published;
    private long taken;
    private long dropped;

    public LatestFrameHandoff() {
        for (int i = 0; i < SLOTS; i++) {
            pixels[i] = new Mat();
        }
    }

    /**
     * Copies the frame's pixels into the hand-off and makes it the newest frame, dropping an older
     * one not yet taken. Never blocks on the consumer.
     *
     * @return {@code false} when the hand-off has ended or was closed, so the frame was not kept
     */
    public boolean publish(CapturedFrame frame) {
        int slot;
        lock.lock();
        try {
            if (closed || ended) {
                return false;
            }
            if (producerBusy) {
                throw new IllegalStateException("publish is for one capture thread at a time");
            }
            producerBusy = true;
            slot = writing;
        } finally {
            lock.unlock();
        }
        boolean copied = false;
        try {
            frame.bgr().copyTo(pixels[slot]);
            copied = true;
        } finally {
            lock.lock();
            try {
                producerBusy = false;
                if (closed) {
                    releaseIdleSlots();
                    copied = false;
                } else if (copied) {
                    indices[slot] = frame.index();
                    timestamps[slot] = frame.timestampMicros();
                    writing = ready;
                    ready = slot;
                    if (fresh) {
                        dropped++;
                    }
                    fresh = true;
                    published++;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
        return copied;
    }

    /**
     * The newest frame not yet taken, waiting up to {@code timeout} for one. Frames published before
     * it and never taken are gone. The returned frame's pixels stay valid until this consumer's next
     * call to {@code take}: calling {@code take} again hands its slot back.
     *
     * @return the frame, or {@code null} on timeout, after the end of the stream, or once closed
     *         (tell them apart with {@link #isFinished()})
     */
    public CapturedFrame take(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            consumerHolds = false;
            while (!fresh || closed) {
                if (closed) {
                    releaseIdleSlots();
                    return null;
                }
                if (ended || nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
            int slot = ready;
            ready = reading;
            reading = slot;
            fresh = false;
            taken++;
            consumerHolds = true;
            return new CapturedFrame(pixels[slot], indices[slot], timestamps[slot]);
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end of the source: {@link #take} still returns the last frame, then {@code null}. */
    public void endOfStream() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream because the source failed; the consumer finds the reason in {@link #failure()}. */
    public void fail(CaptureException reason) {
        lock.lock();
        try {
            if (!ended) {
                failure = reason;
            }
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #close} was called: the source was left, not only ended. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** True once nothing more will come: closed, or ended with its last frame taken. */
    public boolean isFinished() {
        lock.lock();
        try {
            return closed || (ended && !fresh);
        } finally {
            lock.unlock();
        }
    }

    /** Why the stream ended early, when it did. */
    public Optional<CaptureException> failure() {
        lock.lock();
        try {
            return Optional.ofNullable(failure);
        } finally {
            lock.unlock();
        }
    }

    /** Frames published and kept. */
    public long publishedCount() {
        lock.lock();
        try {
            return published;
        } finally {
            lock.unlock();
        }
    }

    /** Frames handed to the consumer. */
    public long takenCount() {
        lock.lock();
        try {
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Frames overwritten by a newer one before the consumer took them. */
    public long droppedCount() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the hand-off: a waiting {@link #take} returns {@code null} at once, later publishes are
     * refused. Pixel memory is freed now for slots no thread is using, else as soon as the producer
     * finishes its copy or the consumer calls {@code take} again. Safe from any thread, never blocks
     * for long, idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            releaseIdleSlots();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #close()}, called by the consumer itself once it is done with the frame it took last, so that frame's
     * slot is freed now too: no later {@code take} comes to hand it back.
     */
    public void closeAsConsumer() {
        lock.lock();
        try {
            consumerHolds = false;
        } finally {
            lock.unlock();
        }
        close();
    }

    /** Slots whose pixel memory has been freed (tests). */
    int releasedSlots() {
        lock.lock();
        try {
            int n = 0;
            for (boolean r : released) {
                n += r ? 1 : 0;
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    private void releaseIdleSlots() {
        for (int i = 0; i < SLOTS; i++) {
            boolean inUse = (i == writing && producerBusy) || (i == reading && consumerHolds);
            if (!released[i] && !inUse) {
                pixels[i].close();
                released[i] = true;
            }
        }
    }
}
