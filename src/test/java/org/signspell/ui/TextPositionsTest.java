package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The caret and selection stay on their characters as the text changes around them. */
class TextPositionsTest {

    @Test
    void aLetterWrittenAtTheEndMovesNothingBeforeIt() {
        assertThat(TextPositions.map(5, "DEAR CLASS", "DEAR CLASSX", false)).isEqualTo(5);
        assertThat(TextPositions.map(10, "DEAR CLASS", "DEAR CLASSX", false)).as("the end stays before the new letter")
                .isEqualTo(10);
    }

    @Test
    void textTakenAwayBeforeTheSelectionMovesItBack() {
        // Undo took back "HI " at the start: "CLASS" is still selected.
        assertThat(TextPositions.map(8, "HI DEAR CLASS", "DEAR CLASS", true)).isEqualTo(5);
        assertThat(TextPositions.map(13, "HI DEAR CLASS", "DEAR CLASS", false)).isEqualTo(10);
    }

    @Test
    void aPlaceInsideTheChangedPartGoesToItsEnd() {
        assertThat(TextPositions.map(6, "DEAR CLASS", "DEAR PUPILS", false)).isEqualTo(10);
        assertThat(TextPositions.map(3, "HELLO", "", false)).isZero();
    }

    @Test
    void aSelectionKeepsOnlyItsOwnCharactersWhenTextIsPutInAtItsEnds() {
        // "DEAR" selected (0–4); "HI " put in at the start, "!" at the selection's end.
        assertThat(TextPositions.map(0, "DEAR CLASS", "HI DEAR CLASS", true)).isEqualTo(3);
        assertThat(TextPositions.map(4, "DEAR CLASS", "HI DEAR CLASS", false)).isEqualTo(7);
        assertThat(TextPositions.map(4, "DEAR CLASS", "DEAR! CLASS", false)).isEqualTo(4);
        assertThat(TextPositions.map(0, "DEAR CLASS", "DEAR! CLASS", true)).isZero();
    }

    @Test
    void placesKeepTheirOrderAndNeverSplitAnEmoji() {
        String[][] pairs = {{"AAAA", "AAAAA"}, {"AAAAA", "AA"}, {"ABAB", "AB"}, {"A\uD83C\uDE03", "B\uD83D\uDE03"},
                {"x\uD83D\uDE03y", "x\uD83D\uDE00y"}, {"HELLO", "JELLY"}};
        for (String[] pair : pairs) {
            int previous = 0;
            for (int p = 0; p <= pair[0].length(); p++) {
                if (p > 0 && p < pair[0].length() && Character.isLowSurrogate(pair[0].charAt(p))) {
                    continue;
                }
                int mapped = TextPositions.map(p, pair[0], pair[1], false);
                assertThat(mapped).as("%s → %s at %d", pair[0], pair[1], p).isGreaterThanOrEqualTo(previous);
                assertThat(mapped > 0 && mapped < pair[1].length() && Character.isLowSurrogate(pair[1].charAt(mapped)))
                        .as("%s → %s at %d lands inside an emoji", pair[0], pair[1], p).isFalse();
                previous = mapped;
            }
        }
    }
}
