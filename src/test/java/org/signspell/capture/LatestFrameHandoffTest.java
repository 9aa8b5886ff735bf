package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class LatestFrameHandoffTest {
    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofSeconds(30);

    /** A frame whose every pixel holds its index (mod 251), so a torn or stale copy is visible. */
    private static final class NumberedFrames implements AutoCloseable {
        final Mat mat;

        NumberedFrames(int width, int height) {
            mat = new Mat(height, width, CV_8UC3);
        }

        CapturedFrame frame(long index) {
            try (Scalar value = new Scalar(index % 251, index % 251, index % 251, 0)) {
                mat.put(value);
            }
            return new CapturedFrame(mat, index, index * 33_333);
        }

        @Override
        public void close() {
            mat.close();
        }
    }

    private static boolean uniformlyNumbered(CapturedFrame frame) {
        try (Mat flat = frame.bgr().reshape(1)) {
            double expected = frame.index() % 251;
            double[] min = new double[1];
            double[] max = new double[1];
            org.bytedeco.opencv.global.opencv_core.minMaxLoc(flat, min, max, null, null, null);
            return min[0] == expected && max[0] == expected;
        }
    }

    @Test
    void consumerGetsTheNewestFrameAndOlderOnesAreCountedAsDropped() throws Exception {
        try (LatestFrameHandoff handoff = new LatestFrameHandoff(); NumberedFrames frames = new NumberedFrames(64, 48)) {
            assertThat(handoff.take(NO_WAIT)).isNull();
            handoff.publish(frames.frame(0));
            handoff.publish(frames.frame(1));
            handoff.publish(frames.frame(2));
            CapturedFrame taken = handoff.take(NO_WAIT);
            assertThat(taken.index()).isEqualTo(2);
            assertThat(taken.timestampMicros()).isEqualTo(66_666);
            assertThat(uniformlyNumbered(taken)).isTrue();
            assertThat(handoff.droppedCount()).isEqualTo(2);
            assertThat(handoff.take(SHORT)).as("nothing new").isNull();
            assertThat(handoff.isFinished()).isFalse();

            handoff.publish(frames.frame(3));
            assertThat(handoff.take(NO_WAIT).index()).isEqualTo(3);
            assertThat(handoff.publishedCount()).isEqualTo(4);
            assertThat(handoff.takenCount()).isEqualTo(2);
            assertThat(handoff.droppedCount()).isEqualTo(2);
        }
    }

    @Test
    void endOfStreamStillDeliversTheLastFrame() throws Exception {
        try (LatestFrameHandoff handoff = new LatestFrameHandoff(); NumberedFrames frames = new NumberedFrames(64, 48)) {
            handoff.publish(frames.frame(7));
            handoff.endOfStream();
            assertThat(handoff.publish(frames.frame(8))).as("refused after the end").isFalse();
            assertThat(handoff.isFinished()).isFalse();
            assertThat(handoff.take(LONG).index()).isEqualTo(7);
            long start = System.nanoTime();
            assertThat(handoff.take(LONG)).isNull();
            assertThat(System.nanoTime() - start).as("does not wait once ended").isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(handoff.isFinished()).isTrue();
            assertThat(handoff.failure()).isEmpty();
        }
    }

    @Test
    void failureEndsTheStreamAndTellsWhy() throws Exception {
        try (LatestFrameHandoff handoff = new LatestFrameHandoff()) {
            CaptureException lost = CameraSource.lost("/dev/video0", null);
            handoff.fail(lost);
            assertThat(handoff.take(LONG)).isNull();
            assertThat(handoff.isFinished()).isTrue();
            assertThat(handoff.failure()).containsSame(lost);
        }
    }

    @Test
    void slotsAreReallocatedOnlyWhenTheFrameSizeChanges() throws Exception {
        try (LatestFrameHandoff handoff = new LatestFrameHandoff();
             NumberedFrames vga = new NumberedFrames(640, 480);
             NumberedFrames small = new NumberedFrames(320, 240)) {
            Set<Long> addresses = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                handoff.publish(vga.frame(i));
                if (i % 2 == 0) {
                    CapturedFrame taken = handoff.take(NO_WAIT);
                    addresses.add(taken.bgr().data().address());
                    assertThat(uniformlyNumbered(taken)).isTrue();
                }
            }
            assertThat(addresses).as("three pixel buffers in rotation, none new").hasSizeLessThanOrEqualTo(3);
            handoff.publish(small.frame(60));
            CapturedFrame resized = handoff.take(NO_WAIT);
            assertThat(resized.width()).isEqualTo(320);
            assertThat(resized.height()).isEqualTo(240);
            assertThat(uniformlyNumbered(resized)).isTrue();
        }
    }

    /**
     * A fast producer and a slower consumer on real threads: the consumer must only ever see newer
     * frames, each intact (never half-overwritten by the producer), and every published frame must be
     * either taken or counted as dropped.
     */
    @Test
    void realThreadsNeverSeeStaleOrTornFrames() throws Exception {
        int total = 3000;
        try (LatestFrameHandoff handoff = new LatestFrameHandoff()) {
            AtomicReference<Throwable> producerError = new AtomicReference<>();
            Thread producer = new Thread(() -> {
                try (NumberedFrames frames = new NumberedFrames(320, 240)) {
                    for (int i = 0; i < total; i++) {
                        handoff.publish(frames.frame(i));
                        if (i % 10 == 0) {
                            Thread.sleep(1);
                        }
                    }
                    handoff.endOfStream();
                } catch (Throwable t) {
                    producerError.set(t);
                    handoff.endOfStream();
                }
            }, "test-producer");
            producer.start();

            long last = -1;
            long taken = 0;
            boolean sawGap = false;
            CapturedFrame frame;
            while ((frame = handoff.take(LONG)) != null || !handoff.isFinished()) {
                if (frame == null) {
                    continue;
                }
                assertThat(frame.index()).as("strictly newer than the frame taken before").isGreaterThan(last);
                sawGap |= frame.index() > last + 1;
                // Hold the frame a while as inference would: the producer keeps writing meanwhile.
                Thread.sleep(0, 200_000);
                assertThat(uniformlyNumbered(frame)).as("frame %d intact after the producer moved on", frame.index()).isTrue();
                last = frame.index();
                taken++;
            }
            producer.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(producer.isAlive()).isFalse();
            assertThat(producerError.get()).isNull();
            System.out.printf("published %d, taken %d, dropped %d%n", handoff.publishedCount(), taken, handoff.droppedCount());
            assertThat(last).as("the last frame is always delivered").isEqualTo(total - 1);
            assertThat(handoff.publishedCount()).isEqualTo(total);
            assertThat(handoff.takenCount()).isEqualTo(taken);
            assertThat(handoff.takenCount() + handoff.droppedCount()).isEqualTo(total);
            assertThat(sawGap).as("a slower consumer skips frames instead of queueing them").isTrue();
            assertThat(taken).as("enough overlap between the threads to mean something").isGreaterThan(50);
        }
    }

    @Test
    void closeWakesAWaitingConsumerAtOnce() throws Exception {
        LatestFrameHandoff handoff = new LatestFrameHandoff();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<CapturedFrame> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                waiting.countDown();
                result.set(handoff.take(Duration.ofHours(1)));
            } catch (Throwable t) {
                error.set(t);
            }
        }, "test-consumer");
        consumer.start();
        waiting.await();
        Thread.sleep(50);
        long start = System.nanoTime();
        handoff.close();
        consumer.join(TimeUnit.SECONDS.toMillis(10));
        System.out.printf("consumer woke %.1f ms after close%n", (System.nanoTime() - start) / 1e6);
        assertThat(consumer.isAlive()).as("no deadlock on close").isFalse();
        assertThat(error.get()).isNull();
        assertThat(result.get()).isNull();
        assertThat(handoff.isFinished()).isTrue();
        handoff.close();
    }

    @Test
    void closeDuringBusyPublishingStopsBothThreads() throws Exception {
        LatestFrameHandoff handoff = new LatestFrameHandoff();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(20);
        Thread producer = new Thread(() -> {
            try (NumberedFrames frames = new NumberedFrames(640, 480)) {
                long i = 0;
                while (handoff.publish(frames.frame(i++))) {
                    running.countDown();
                }
            } catch (Throwable t) {
                error.set(t);
            }
        }, "test-producer");
        Thread consumer = new Thread(() -> {
            try {
                CapturedFrame frame;
                while ((frame = handoff.take(Duration.ofSeconds(1))) != null || !handoff.isFinished()) {
                    if (frame != null && !uniformlyNumbered(frame)) {
                        throw new AssertionError("torn frame " + frame.index());
                    }
                }
            } catch (Throwable t) {
                error.set(t);
            }
        }, "test-consumer");
        producer.start();
        consumer.start();
        running.await(10, TimeUnit.SECONDS);
        handoff.close();
        producer.join(TimeUnit.SECONDS.toMillis(10));
        consumer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(producer.isAlive()).isFalse();
        assertThat(consumer.isAlive()).isFalse();
        assertThat(error.get()).isNull();
        assertThat(handoff.publishedCount()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theConsumerClosingFreesTheSlotOfTheFrameItTookLast() throws Exception {
        // The engine's inference thread closes a source's hand-off itself when the next source opens; no take
        // comes after that to hand the last frame's slot back.
        try (NumberedFrames frames = new NumberedFrames(64, 48)) {
            LatestFrameHandoff byOther = new LatestFrameHandoff();
            byOther.publish(frames.frame(0));
            assertThat(byOther.take(java.time.Duration.ofSeconds(1))).isNotNull();
            byOther.close();
            assertThat(byOther.releasedSlots()).as("closed by another thread: the taken frame may be in use").isEqualTo(2);

            LatestFrameHandoff byConsumer = new LatestFrameHandoff();
            byConsumer.publish(frames.frame(0));
            assertThat(byConsumer.take(java.time.Duration.ofSeconds(1))).isNotNull();
            byConsumer.closeAsConsumer();
            assertThat(byConsumer.releasedSlots()).isEqualTo(3);
        }
    }
}
