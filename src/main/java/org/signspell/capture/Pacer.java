package org.signspell.capture;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds frames back until their timestamp is due on the wall clock, so a file or folder plays like a
 * live camera. The clock starts at the first frame; an interrupt ends the wait early (the capture
 * loop interrupts to stop) and leaves the interrupt flag set for the caller to see.
 */
final class Pacer {
    private long originNanos;
    private boolean started;

    void awaitDue(long timestampMicros) {
        long now = System.nanoTime();
        if (!started) {
            originNanos = now - timestampMicros * 1_000L;
            started = true;
            return;
        }
        long due = originNanos + timestampMicros * 1_000L;
        long left;
        while ((left = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(this, left);
        }
    }
}
