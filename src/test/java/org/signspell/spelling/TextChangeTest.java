package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The caret and selection stay on their characters as the text changes around them. */
class TextChangeTest {

    @Test
    void aLetterWrittenAtTheEndMovesNothingBeforeIt() {
        assertThat(TextChange.between("DEAR CLASS", "DEAR CLASSX").map(5, false)).isEqualTo(5);
        assertThat(TextChange.between("DEAR CLASS", "DEAR CLASSX").map(10, false))
                .as("the end stays before the new letter")
                .isEqualTo(10);
    }

    @Test
    void textTakenAwayBeforeTheSelectionMovesItBack() {
        // Undo took back "HI " at the start: "CLASS" is still selected.
        assertThat(TextChange.between("HI DEAR CLASS", "DEAR CLASS").map(8, true)).isEqualTo(5);
        assertThat(TextChange.between("HI DEAR CLASS", "DEAR CLASS").map(13, false)).isEqualTo(10);
    }

    @Test
    void aPlaceInsideTheChangedPartGoesToItsEnd() {
        assertThat(TextChange.between("DEAR CLASS", "DEAR PUPILS").map(6, false)).isEqualTo(10);
        assertThat(TextChange.between("HELLO", "").map(3, false)).isZero();
    }

    @Test
    void aSelectionKeepsOnlyItsOwnCharactersWhenTextIsPutInAtItsEnds() {
        // "DEAR" selected (0–4); "HI " put in at the start, "!" at the selection's end.
        assertThat(TextChange.between("DEAR CLASS", "HI DEAR CLASS").map(0, true)).isEqualTo(3);
        assertThat(TextChange.between("DEAR CLASS", "HI DEAR CLASS").map(4, false)).isEqualTo(7);
        assertThat(TextChange.between("DEAR CLASS", "DEAR! CLASS").map(4, false)).isEqualTo(4);
        assertThat(TextChange.between("DEAR CLASS", "DEAR! CLASS").map(0, true)).isZero();
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
                int mapped = TextChange.between(pair[0], pair[1]).map(p, false);
                assertThat(mapped).as("%s → %s at %d", pair[0], pair[1], p).isGreaterThanOrEqualTo(previous);
                assertThat(mapped > 0 && mapped < pair[1].length() && Character.isLowSurrogate(pair[1].charAt(mapped)))
                        .as("%s → %s at %d lands inside an emoji", pair[0], pair[1], p).isFalse();
                previous = mapped;
            }
        }
    }
}
