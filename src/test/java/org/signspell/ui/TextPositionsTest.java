package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The caret and selection stay on their characters as the text changes around them. */
class TextPositionsTest {

    @Test
    void aLetterWrittenAtTheEndMovesNothingBeforeIt() {
        assertThat(TextPositions.map(5, "DEAR CLASS", "DEAR CLASSX")).isEqualTo(5);
        assertThat(TextPositions.map(10, "DEAR CLASS", "DEAR CLASSX")).as("the end stays before the new letter")
                .isEqualTo(10);
    }

    @Test
    void textTakenAwayBeforeTheSelectionMovesItBack() {
        // Undo took back "HI " at the start: "CLASS" is still selected.
        assertThat(TextPositions.map(8, "HI DEAR CLASS", "DEAR CLASS")).isEqualTo(5);
        assertThat(TextPositions.map(13, "HI DEAR CLASS", "DEAR CLASS")).isEqualTo(10);
    }

    @Test
    void aPlaceInsideTheChangedPartGoesToItsEnd() {
        assertThat(TextPositions.map(6, "DEAR CLASS", "DEAR PUPILS")).isEqualTo(10);
        assertThat(TextPositions.map(3, "HELLO", "")).isZero();
        assertThat(TextPositions.map(0, "", "HELLO")).isZero();
    }

    @Test
    void equalLettersAroundTheChangeKeepPlacesInRange() {
        for (String[] pair : new String[][] {{"AAAA", "AAAAA"}, {"AAAAA", "AA"}, {"ABAB", "AB"}}) {
            for (int p = 0; p <= pair[0].length(); p++) {
                assertThat(TextPositions.map(p, pair[0], pair[1])).isBetween(0, pair[1].length());
            }
        }
    }
}
