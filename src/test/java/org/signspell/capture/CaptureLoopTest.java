package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.signspell.fixtures.WordFixtures;

class CaptureLoopTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Records what the loop reported, in order. */
    private static final class Events implements CaptureLoop.Listener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch opened = new CountDownLatch(1);
        volatile CaptureException error;

        @Override
        public void onOpened(String description, double fps) {
            seen.add("opened " + description + " @ " + fps);
            opened.countDown();
        }

        @Override
        public void onError(CaptureException e) {
            error = e;
            seen.add("error " + e.kind());
        }

        @Override
        public void onEndOfStream() {
            seen.add("end");
        }
    }

    @Test
    void pumpsARealVideoIntoTheHandoffUntilItEnds() throws Exception {
        String video = WordFixtures.video("HELP").toString();
        Events events = new Events();
        try (LatestFrameHandoff handoff = new LatestFrameHandoff();
             CaptureLoop loop = CaptureLoop.start(() -> FrameSources.open(video, 30, false), handoff, events)) {
            long last = -1;
            long taken = 0;
            CapturedFrame frame;
            while ((frame = handoff.take(WAIT)) != null || !handoff.isFinished()) {
                if (frame == null) {
                    continue;
                }
                assertThat(frame.index()).isGreaterThan(last);
                assertThat(frame.width()).isEqualTo(640);
                last = frame.index();
                taken++;
                // Slower than decoding, as inference is: the loop must drop, not queue.
                Thread.sleep(2);
            }
            assertThat(loop.awaitStopped(WAIT)).isTrue();
            System.out.printf("video through the loop: published %d, taken %d, dropped %d%n",
                    handoff.publishedCount(), taken, handoff.droppedCount());
            assertThat(events.seen).containsExactly("opened video HELP.mp4 @ 30.0", "end");
            assertThat(handoff.publishedCount()).isEqualTo(WordFixtures.frameCount("HELP"));
            assertThat(last).isEqualTo(WordFixtures.frameCount("HELP") - 1);
            assertThat(taken + handoff.droppedCount()).isEqualTo(handoff.publishedCount());
            assertThat(handoff.failure()).isEmpty();
        }
    }

    @Test
    void anErrorWhileOpeningIsReportedNotLeftAsAnEnd() throws Exception {
        // JavaCPP's "Failed to allocate memory within limits" is an OutOfMemoryError, not an exception.
        Events events = new Events();
        try (LatestFrameHandoff handoff = new LatestFrameHandoff();
             CaptureLoop loop = CaptureLoop.start(() -> {
                 throw new OutOfMemoryError("Failed to allocate memory within limits");
             }, handoff, events)) {
            assertThat(loop.awaitStopped(WAIT)).isTrue();
            assertThat(events.seen).containsExactly("error SOURCE_FAILED");
            assertThat(events.error.getMessage()).contains("failed unexpectedly");
            assertThat(handoff.failure()).isPresent();
        }
    }

    @Test
    void openFailureIsReportedAndEndsTheHandoff() throws Exception {
        String missing = WordFixtures.root().resolve("missing.mp4").toString();
        Events events = new Events();
        try (LatestFrameHandoff handoff = new LatestFrameHandoff();
             CaptureLoop loop = CaptureLoop.start(() -> FrameSources.open(missing, 30, false), handoff, events)) {
            assertThat(handoff.take(WAIT)).isNull();
            assertThat(handoff.isFinished()).isTrue();
            assertThat(loop.awaitStopped(WAIT)).isTrue();
            assertThat(events.seen).containsExactly("error NOT_FOUND");
            assertThat(handoff.failure()).get().extracting(CaptureException::kind).isEqualTo(CaptureException.Kind.NOT_FOUND);
            UserMessages.assertReadable(events.error, CaptureException.Kind.NOT_FOUND);
        }
    }

    @Test
    void closeStopsPacedPlaybackWithoutWaitingAndWakesTheConsumer() throws Exception {
        String folder = WordFixtures.frames("WORLD").toString();
        Events events = new Events();
        try (LatestFrameHandoff handoff = new LatestFrameHandoff()) {
            CaptureLoop loop = CaptureLoop.start(() -> FrameSources.open(folder, 30, true), handoff, events);
            assertThat(handoff.take(WAIT)).isNotNull();
            long start = System.nanoTime();
            loop.close();
            long closeMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            CapturedFrame after;
            while ((after = handoff.take(WAIT)) != null) {
                assertThat(after.index()).isLessThan(30);
            }
            assertThat(handoff.isFinished()).isTrue();
            assertThat(loop.awaitStopped(WAIT)).isTrue();
            System.out.printf("close() returned in %d µs; loop stopped %.1f ms after close, %d of %d frames published%n",
                    closeMicros, (System.nanoTime() - start) / 1e6, handoff.publishedCount(), WordFixtures.frameCount("WORLD"));
            assertThat(handoff.publishedCount()).isLessThan(WordFixtures.frameCount("WORLD"));
            assertThat(events.seen).containsExactly("opened folder WORLD-frames @ 30.0");
        }
    }

    /**
     * An open that outlasts close() (as a camera's native open does, for about a second): close
     * returns at once, the consumer is released at once, and the source that arrives late is closed
     * by the capture thread without ever being reported as opened.
     */
    @Test
    void closeDuringASlowOpenReleasesTheLateSourceAndReportsNothing() throws Exception {
        String video = WordFixtures.video("HELP").toString();
        CountDownLatch openStarted = new CountDownLatch(1);
        CountDownLatch openMayFinish = new CountDownLatch(1);
        AtomicBoolean lateSourceClosed = new AtomicBoolean();
        Events events = new Events();
        try (LatestFrameHandoff handoff = new LatestFrameHandoff()) {
            CaptureLoop loop = CaptureLoop.start(() -> {
                openStarted.countDown();
                awaitIgnoringInterrupts(openMayFinish);
                FrameSource real = FrameSources.open(video, 30, false);
                return new ClosingWitness(real, lateSourceClosed);
            }, handoff, events);
            assertThat(openStarted.await(30, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            loop.close();
            long closeMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            assertThat(handoff.take(WAIT)).isNull();
            assertThat(handoff.isFinished()).isTrue();
            System.out.printf("close() during open returned in %d µs; consumer released%n", closeMicros);
            assertThat(loop.isRunning()).as("still inside the slow open").isTrue();

            openMayFinish.countDown();
            assertThat(loop.awaitStopped(WAIT)).isTrue();
            assertThat(lateSourceClosed).isTrue();
            assertThat(events.seen).isEmpty();
            assertThat(handoff.publishedCount()).isZero();
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes everything to a real source and notes that it was closed. */
    private record ClosingWitness(FrameSource source, AtomicBoolean closed) implements FrameSource {
        @Override
        public String description() {
            return source.description();
        }

        @Override
        public double frameRate() {
            return source.frameRate();
        }

        @Override
        public CapturedFrame next() throws CaptureException {
            return source.next();
        }

        @Override
        public void close() {
            source.close();
            closed.set(true);
        }
    }
}
