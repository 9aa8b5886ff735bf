package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The stamping rule on its own, fed the sequences back-ends really give: no camera can be opened on the
 * build machine, and the one whose behaviour this is about (OpenCV on macOS) exists only on a Mac.
 */
class FrameClockTest {
    private static final long MS = 1_000_000;

    /** Stamps each (reported µs, arrival ns) pair in turn. */
    private static long[] stamp(FrameClock clock, long[] reportedMicros, long[] arrivalNanos) {
        long[] out = new long[reportedMicros.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = clock.stamp(reportedMicros[i], arrivalNanos[i]);
        }
        return out;
    }

    @Test
    void advancingDriverTimesAreUsedAsTheyAre() {
        // A Linux driver's capture times (from boot), uneven as real ones are; the frames reach the program in
        // bursts, so the arrival times must not leak in.
        long[] driver = {7_200_000_000L, 7_200_033_412L, 7_200_066_690L, 7_200_140_011L, 7_200_173_300L};
        long[] arrival = {100 * MS, 101 * MS, 101 * MS + 10, 180 * MS, 180 * MS + 5};
        assertThat(stamp(FrameClock.forCamera(), driver, arrival))
                .containsExactly(0, 33_412, 66_690, 140_011, 173_300);
    }

    @Test
    void zeroDriverTimesGiveArrivalTimes() {
        // OpenCV on macOS answers 0 for every frame. This camera claims 30 fps but delivers 15 in dim light:
        // its frames must be 1/15 s apart, not the 1/30 s it claims.
        long[] driver = {0, 0, 0, 0, 0};
        long[] arrival = {5_000 * MS, 5_066 * MS + 667_000, 5_133 * MS + 333_000, 5_200 * MS, 5_266 * MS + 667_000};
        assertThat(stamp(FrameClock.forCamera(), driver, arrival))
                .containsExactly(0, 66_667, 133_333, 200_000, 266_667);
    }

    @Test
    void aStuckDriverTimeGivesTheArrivalStep() {
        long[] driver = {1_000_000, 1_033_333, 1_033_333, 1_033_333, 1_133_333};
        long[] arrival = {0, 33 * MS, 80 * MS, 120 * MS, 140 * MS};
        assertThat(stamp(FrameClock.forCamera(), driver, arrival))
                .as("driver steps where it advances, arrival steps where it does not")
                .containsExactly(0, 33_333, 80_333, 120_333, 220_333);
    }

    @Test
    void aStallWithoutDriverTimesIsARealGap() {
        // Two seconds without a frame (the camera froze, then recovered): the engine must see a gap, not 1/30 s.
        long[] driver = {0, 0, 0, 0};
        long[] arrival = {0, 33 * MS, 2_033 * MS, 2_066 * MS};
        long[] stamps = stamp(FrameClock.forCamera(), driver, arrival);
        assertThat(stamps[2] - stamps[1]).isEqualTo(2_000_000);
        assertThat(stamps).containsExactly(0, 33_000, 2_033_000, 2_066_000);
    }

    @Test
    void aStallWithDriverTimesIsTheDriversGap() {
        long[] driver = {500_000, 533_333, 2_533_333};
        long[] arrival = {0, 40 * MS, 2_040 * MS};
        assertThat(stamp(FrameClock.forCamera(), driver, arrival)).containsExactly(0, 33_333, 2_033_333);
    }

    @Test
    void cameraTimesAlwaysIncrease() {
        // Two frames handed over in the same microsecond, and a driver that steps back: still strictly increasing.
        long[] driver = {0, 0, 0, 90_000, 10_000};
        long[] arrival = {10 * MS, 10 * MS, 10 * MS + 200, 50 * MS, 50 * MS};
        long[] stamps = stamp(FrameClock.forCamera(), driver, arrival);
        for (int i = 1; i < stamps.length; i++) {
            assertThat(stamps[i]).as("frame %d after frame %d", i, i - 1).isGreaterThan(stamps[i - 1]);
        }
    }

    @Test
    void fileTimesIgnoreWhenFramesWereDecoded() {
        // A file decodes far faster than it plays; its own times are the ones that count, and a repeated one
        // goes one frame interval on.
        long[] stream = {0, 33_333, 66_667, 66_667, 133_333};
        long[] decoded = {0, 2 * MS, 3 * MS, 4 * MS, 5 * MS};
        assertThat(stamp(FrameClock.forFile(30), stream, decoded))
                .containsExactly(0, 33_333, 66_667, 100_000, 133_333);
    }
}
