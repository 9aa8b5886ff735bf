package org.signspell.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.signspell.hands.Landmarks;

class SequenceWindowTest {

    /** Samples 10 µs apart, so frame times read easily. */
    private static final long INTERVAL = 10;

    /** A gap of more than 5 samples between two frames breaks the window. */
    private static final long MAX_GAP = 5 * INTERVAL;

    private static SequenceWindow window(int capacity, int stride, int maxMissed) {
        return new SequenceWindow(capacity, 2, stride, maxMissed, INTERVAL, MAX_GAP);
    }

    private static float[] frame(float v) {
        return new float[] {v, v + 0.5f};
    }

    /** The first value of every sample. */
    private static float[] samples(SequenceWindow w) {
        float[] out = new float[w.capacity() * 2];
        w.copyWindow(out);
        float[] firsts = new float[w.capacity()];
        for (int k = 0; k < firsts.length; k++) {
            firsts[k] = out[2 * k];
            assertThat(out[2 * k + 1]).as("both values of sample %d", k).isCloseTo(firsts[k] + 0.5f, within(1e-5f));
        }
        return firsts;
    }

    @Test
    void atTheTrainedRateTheSamplesAreTheLastFramesOldestFirst() {
        SequenceWindow w = window(3, 1, 0);
        for (int i = 1; i <= 5; i++) {
            w.append(frame(i), 0, 1000 + i * INTERVAL);
        }
        assertThat(w.isFull()).isTrue();
        assertThat(samples(w)).containsExactly(3, 4, 5);
    }

    @Test
    void padsTheFrontWithTheOldestFrameUntilTheSpanIsCovered() {
        SequenceWindow w = window(4, 1, 0);
        w.append(frame(7), 0, 0);
        w.append(frame(8), 0, INTERVAL);
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.isFull()).isFalse();
        assertThat(samples(w)).containsExactly(7, 7, 7, 8);
    }

    @Test
    void atASlowerRateSamplesAreInterpolatedAndTheWindowStillSpansTheSameTime() {
        // Frames 25 µs apart (a webcam at 12 fps against the model's 30): the value is time / 10, so a correct
        // interpolation reads each sample's own time.
        SequenceWindow w = window(4, 1, 0);
        for (long t = 0; t <= 100; t += 25) {
            w.append(frame(t / 10f), 0, t);
        }
        assertThat(samples(w)).containsExactly(new float[] {7, 8, 9, 10}, within(1e-5f));
        assertThat(w.size()).as("the frames at 50, 75, 100: 50 is needed for the sample at 70").isEqualTo(3);
        assertThat(w.isFull()).isTrue();
    }

    @Test
    void atAFasterRateTheWindowSkipsFramesToSpanTheSameTime() {
        SequenceWindow w = window(4, 1, 0);
        for (long t = 0; t <= 100; t += 5) {
            w.append(frame(t), 0, t);
        }
        assertThat(samples(w)).containsExactly(70, 80, 90, 100);
    }

    @Test
    void holdsABoundedNumberOfFramesAtAnyRate() {
        SequenceWindow w = window(4, 1, 0);
        for (long t = 0; t < 1000; t++) {
            w.append(frame(t), 0, t);
        }
        assertThat(w.size()).isLessThanOrEqualTo(16);
        assertThat(samples(w)[3]).isEqualTo(999);
    }

    @Test
    void aTimestampGoingBackwardsStartsAFreshWindow() {
        SequenceWindow w = window(4, 1, 0);
        for (long t = 0; t <= 30; t += INTERVAL) {
            w.append(frame(1), 0, 500 + t);
        }
        w.append(frame(2), 0, 100);
        assertThat(w.size()).isEqualTo(1);
        assertThat(samples(w)).containsExactly(2, 2, 2, 2);
    }

    @Test
    void aRepeatedTimestampReplacesTheNewestFrame() {
        SequenceWindow w = window(2, 1, 0);
        w.append(frame(1), 0, 0);
        w.append(frame(2), 0, INTERVAL);
        w.append(frame(3), 0, INTERVAL);
        assertThat(w.size()).isEqualTo(2);
        assertThat(samples(w)).containsExactly(1, 3);
    }

    @Test
    void toleratesShortTrackingDropsButClearsAfterLongerOnes() {
        SequenceWindow w = window(4, 1, 2);
        w.append(frame(1), 0, 0);
        w.missed(INTERVAL);
        w.missed(2 * INTERVAL);
        w.append(frame(4), 0, 3 * INTERVAL);
        assertThat(w.size()).as("two missed frames are bridged").isEqualTo(2);
        assertThat(samples(w)).as("and the motion interpolated across them").containsExactly(1, 2, 3, 4);
        w.missed(4 * INTERVAL);
        w.missed(5 * INTERVAL);
        w.missed(6 * INTERVAL);
        assertThat(w.size()).as("three missed frames end the motion").isZero();
        assertThatThrownBy(() -> w.copyWindow(new float[8])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGapInTheFramesEndsTheMotionInsteadOfInventingOne() {
        SequenceWindow w = window(10, 1, 2);
        w.append(frame(1), 0, 0);
        w.append(frame(2), 0, INTERVAL);
        w.append(frame(9), 0, INTERVAL + MAX_GAP);
        assertThat(w.size()).as("a gap of exactly the limit is bridged").isEqualTo(3);
        w.append(frame(5), 0, 2 * INTERVAL + 2 * MAX_GAP);
        assertThat(w.size()).as("a longer one (a paused video) starts the window afresh").isEqualTo(1);
        assertThat(samples(w)).as("no move interpolated from the frame before the pause").containsOnly(5);

        SequenceWindow v = window(4, 1, 2);
        v.append(frame(1), 0, 0);
        v.missed(MAX_GAP);
        v.append(frame(2), 0, 2 * MAX_GAP);
        assertThat(v.size()).as("frames without a hand count as frames: no gap here").isEqualTo(2);
        v.missed(3 * MAX_GAP + 1);
        v.append(frame(3), 0, 3 * MAX_GAP + 2);
        assertThat(v.size()).as("a gap before a frame without a hand breaks it too").isEqualTo(1);
    }

    @Test
    void strideRunsTheModelOnEveryKthFrameStartingWithTheFirst() {
        SequenceWindow w = window(8, 3, 0);
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            w.append(frame(i), 0, i * INTERVAL);
            if (w.dueForPrediction()) {
                runs.append(i).append(' ');
                w.predicted();
            }
        }
        assertThat(runs.toString().trim()).isEqualTo("0 3 6 9");
    }

    @Test
    void strideOneRunsOnEveryFrame() {
        SequenceWindow w = window(4, 1, 0);
        int runs = 0;
        for (int i = 0; i < 6; i++) {
            w.append(frame(i), 0, i * INTERVAL);
            if (w.dueForPrediction()) {
                runs++;
                w.predicted();
            }
        }
        assertThat(runs).isEqualTo(6);
    }

    /**
     * A hand in a 200 × 100 image: the wrist at (100, 80) px, all four knuckles 20 px above it (a hand size of
     * 20 px), the index fingertip at {@code tipX} px, 40 px above the wrist.
     */
    private static Landmarks handWithTipAt(float tipX) {
        float[] xyz = new float[Landmarks.COUNT * 3];
        for (int i = 0; i < Landmarks.COUNT; i++) {
            xyz[3 * i] = 0.5f;
            xyz[3 * i + 1] = 0.6f;
        }
        xyz[1] = 0.8f;
        xyz[3 * 8] = tipX / 200f;
        xyz[3 * 8 + 1] = 0.4f;
        return new Landmarks(xyz);
    }

    @Test
    void tipTravelIsTheExtentOfTheFingertipsPathInHandSizes() {
        SequenceWindow w = window(4, 1, 0);
        for (int i = 0; i < 4; i++) {
            w.append(frame(i), 0, i * INTERVAL, handWithTipAt(100), 200, 100);
        }
        assertThat(w.tipTravel()).as("held still").isZero();
        w.append(frame(4), 0, 4 * INTERVAL, handWithTipAt(140), 200, 100);
        assertThat(w.tipTravel()).as("40 px by a 20 px hand").isCloseTo(2f, within(1e-5f));
    }

    @Test
    void tipTravelForgetsFramesTheWindowDropped() {
        SequenceWindow w = window(3, 1, 0);
        w.append(frame(0), 0, 0, handWithTipAt(60), 200, 100);
        for (int i = 1; i <= 4; i++) {
            w.append(frame(i), 0, i * INTERVAL, handWithTipAt(100), 200, 100);
        }
        assertThat(w.tipTravel()).as("the move lies before the span").isZero();
        w.append(frame(5), 0, 5 * INTERVAL, handWithTipAt(120), 200, 100);
        w.append(frame(6), 0, 6 * INTERVAL + MAX_GAP + 1, handWithTipAt(100), 200, 100);
        assertThat(w.tipTravel()).as("a gap cleared the window").isZero();
    }

    @Test
    void framesWithoutTheirPlaceCountAsNoTravel() {
        SequenceWindow w = window(3, 1, 0);
        w.append(frame(0), 0, 0);
        w.append(frame(1), 0, INTERVAL, handWithTipAt(60), 200, 100);
        w.append(frame(2), 0, 2 * INTERVAL);
        assertThat(w.tipTravel()).isZero();
    }
}
