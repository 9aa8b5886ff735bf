package org.signspell.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a drain task on the FX thread at most once per pending signal: however many signals arrive from
 * engine threads before the FX thread gets to it, one runnable is queued, and it picks up the latest state.
 */
final class FxHandoff {
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fxThread;
    private final Runnable drain;

    FxHandoff(Executor fxThread, Runnable drain) {
        this.fxThread = fxThread;
        this.drain = drain;
    }

    void signal() {
        if (scheduled.compareAndSet(false, true)) {
            fxThread.execute(() -> {
                scheduled.set(false);
                drain.run();
            });
        }
    }
}
