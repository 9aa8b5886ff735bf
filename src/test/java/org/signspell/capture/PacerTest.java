package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void waitsForAFrameUntilItIsDue() {
        Pacer pacer = new Pacer();
        long start = System.nanoTime();
        pacer.awaitDue(0);
        pacer.awaitDue(100_000);
        assertThat(System.nanoTime() - start).as("100 ms of video take 100 ms").isGreaterThanOrEqualTo(95_000_000L);
    }

    @Test
    void doesNotWaitOutAJumpInTimeStamps() {
        // A damaged recording whose time stamps leap an hour ahead: the video plays on instead of standing still.
        Pacer pacer = new Pacer();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            pacer.awaitDue(0);
            pacer.awaitDue(33_333);
            pacer.awaitDue(3_600_000_000L);
            pacer.awaitDue(3_600_033_333L);
        });
    }
}
