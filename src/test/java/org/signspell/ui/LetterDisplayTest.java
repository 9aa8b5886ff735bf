package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;
import org.signspell.spelling.HoldProgress;

/** The ring fills only around the letter it is filling for. */
class LetterDisplayTest {

    private static Prediction top(LetterClass letter, float confidence) {
        return new Prediction(List.of(new Prediction.Scored(letter, confidence)));
    }

    @Test
    void aHoldOnTheLetterShownIsShown() {
        HoldProgress e = new HoldProgress(LetterClass.E, 0.4, false);
        assertThat(LetterDisplay.holdOn(top(LetterClass.E, 0.9f), e)).isEqualTo(e);
    }

    @Test
    void aHoldOnAnotherLetterThanTheOneShownIsNot() {
        // JUMP in sequence mode: M held toward writing it again while the top answer is already P at 40 %.
        HoldProgress m = new HoldProgress(LetterClass.M, 0.33, true);
        assertThat(LetterDisplay.holdOn(top(LetterClass.P, 0.4f), m)).isEqualTo(HoldProgress.NONE);
        assertThat(LetterDisplay.holdOn(null, m)).isEqualTo(HoldProgress.NONE);
        assertThat(LetterDisplay.holdOn(top(LetterClass.P, 0.4f), HoldProgress.NONE)).isEqualTo(HoldProgress.NONE);
    }
}
