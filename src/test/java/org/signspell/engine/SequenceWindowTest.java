package org.signspell.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceWindowTest {

    private static float[] frame(float v) {
        return new float[] {v, v + 0.5f};
    }

    private static float[] contents(SequenceWindow w) {
        float[] out = new float[w.capacity() * 2];
        w.copyWindow(out);
        return out;
    }

    @Test
    void keepsTheLastCapacityFramesOldestFirst() {
        SequenceWindow w = new SequenceWindow(3, 2, 1, 0);
        for (int i = 1; i <= 5; i++) {
            w.append(frame(i), 0);
        }
        assertThat(w.isFull()).isTrue();
        assertThat(contents(w)).containsExactly(3, 3.5f, 4, 4.5f, 5, 5.5f);
    }

    @Test
    void padsTheFrontWithTheOldestFrameUntilFull() {
        SequenceWindow w = new SequenceWindow(4, 2, 1, 0);
        w.append(frame(7), 0);
        w.append(frame(8), 0);
        assertThat(w.size()).isEqualTo(2);
        assertThat(contents(w)).containsExactly(7, 7.5f, 7, 7.5f, 7, 7.5f, 8, 8.5f);
    }

    @Test
    void toleratesShortTrackingDropsButClearsAfterLongerOnes() {
        SequenceWindow w = new SequenceWindow(4, 2, 1, 2);
        w.append(frame(1), 0);
        w.missed();
        w.missed();
        w.append(frame(2), 0);
        assertThat(w.size()).as("two missed frames are bridged").isEqualTo(2);
        w.missed();
        w.missed();
        w.missed();
        assertThat(w.size()).as("three missed frames end the motion").isZero();
        assertThatThrownBy(() -> w.copyWindow(new float[8])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void strideRunsTheModelOnEveryKthFrameStartingWithTheFirst() {
        SequenceWindow w = new SequenceWindow(8, 2, 3, 0);
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            w.append(frame(i), 0);
            if (w.dueForPrediction()) {
                runs.append(i).append(' ');
                w.predicted();
            }
        }
        assertThat(runs.toString().trim()).isEqualTo("0 3 6 9");
    }

    @Test
    void strideOneRunsOnEveryFrame() {
        SequenceWindow w = new SequenceWindow(4, 2, 1, 0);
        int runs = 0;
        for (int i = 0; i < 6; i++) {
            w.append(frame(i), 0);
            if (w.dueForPrediction()) {
                runs++;
                w.predicted();
            }
        }
        assertThat(runs).isEqualTo(6);
    }
}
