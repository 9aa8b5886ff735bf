package org.signspell.capture;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds frames back until their timestamp is due on the wall clock, so a file or folder plays like a
 * live camera. The clock starts at the first frame; an interrupt ends the wait early (the capture
 * loop interrupts to stop) and leaves the interrupt flag set for the caller to see.
 */
final class Pacer {
    /**
     * A jump in time stamps longer than this is not waited out: a damaged file's time stamps can leap by hours,
     * and playback would stand still with no word why. The time stamps themselves are kept, so the commit
     * policy still sees the gap.
     */
    static final long LONGEST_WAIT_MICROS = 1_000_000;

    private long originNanos;
    private boolean started;
    private long lastTimestampMicros;

    void awaitDue(long timestampMicros) {
        long now = System.nanoTime();
        if (!started || timestampMicros - lastTimestampMicros > LONGEST_WAIT_MICROS) {
            originNanos = now - timestampMicros * 1_000L;
            started = true;
            lastTimestampMicros = timestampMicros;
            return;
        }
        lastTimestampMicros = timestampMicros;
        long due = originNanos + timestampMicros * 1_000L;
        long left;
        while ((left = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(this, left);
        }
    }
}
