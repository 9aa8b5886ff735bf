package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitSettingsTest {

    private static final CommitSettings D = CommitSettings.DEFAULTS;

    @Test
    void defaults() {
        assertThat(D.confidenceThreshold()).isEqualTo(0.7f);
        assertThat(D.stabilityWindow()).isEqualTo(Duration.ofMillis(400));
        assertThat(D.repeatAfter()).contains(Duration.ofMillis(1200));
        assertThat(D.glitchTolerance()).isEqualTo(Duration.ofMillis(70));
        assertThat(D.maxFrameGap()).isEqualTo(Duration.ofMillis(250));
        assertThat(D.autoSpaceAfter()).isEmpty();
    }

    @Test
    void withersChangeOneSetting() {
        CommitSettings s = D.withAutoSpaceAfter(Duration.ofSeconds(2)).withoutRepeat().withConfidenceThreshold(0.8f);
        assertThat(s).isEqualTo(new CommitSettings(0.8f, D.stabilityWindow(), Optional.empty(), D.glitchTolerance(),
                D.maxFrameGap(), Optional.of(Duration.ofSeconds(2))));
        assertThat(s.withoutAutoSpace().withRepeatAfter(Duration.ofMillis(1200)).withConfidenceThreshold(0.7f))
                .isEqualTo(D);
    }

    @Test
    void maxFrameGapIsGivenInTheUnitOfFrameTimeStamps() {
        assertThat(D.maxFrameGapMicros()).isEqualTo(250_000L);
        assertThat(D.withMaxFrameGap(Duration.ofNanos(40_000_999)).maxFrameGapMicros()).isEqualTo(40_000L);
    }

    @Test
    void refusesNonsense() {
        for (float t : new float[] {0f, -0.1f, 1.01f, Float.NaN}) {
            assertThatThrownBy(() -> D.withConfidenceThreshold(t))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        }
        assertThatThrownBy(() -> D.withStabilityWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withStabilityWindow(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withStabilityWindow(Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withStabilityWindow(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> D.withRepeatAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withAutoSpaceAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withMaxFrameGap(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withGlitchTolerance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withGlitchTolerance(Duration.ofMillis(400)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the stability window");
        assertThatThrownBy(() -> new CommitSettings(0.7f, Duration.ofMillis(400), null, Duration.ZERO,
                Duration.ofMillis(250), Optional.empty())).isInstanceOf(NullPointerException.class);
        assertThat(D.withGlitchTolerance(Duration.ZERO).glitchTolerance()).isZero();
    }
}
