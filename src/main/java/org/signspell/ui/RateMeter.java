package org.signspell.ui;

/**
 * Frames per second over the last second, from arrival times; not thread-safe (one engine thread feeds it).
 */
final class RateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private final long[] arrivals = new long[256];
    private int head;
    private int count;

    /** Records one arrival and returns the rate over the last second. */
    synchronized double tick(long nowNanos) {
        arrivals[head] = nowNanos;
        head = (head + 1) % arrivals.length;
        count = Math.min(count + 1, arrivals.length);
        int inWindow = 0;
        long oldest = nowNanos;
        for (int i = 1; i <= count; i++) {
            long t = arrivals[(head - i + arrivals.length) % arrivals.length];
            if (nowNanos - t > WINDOW_NANOS) {
                break;
            }
            inWindow++;
            oldest = t;
        }
        if (inWindow < 2) {
            return 0;
        }
        return (inWindow - 1) * 1e9 / Math.max(1, nowNanos - oldest);
    }

    synchronized void reset() {
        count = 0;
    }
}
