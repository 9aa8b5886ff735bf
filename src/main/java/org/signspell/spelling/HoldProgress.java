package org.signspell.spelling;

import org.signspell.letters.LetterClass;

/**
 * How far the class being held is toward its next commit, for the "letter being held" cue.
 *
 * @param held     the class being held, or null when nothing is on its way to a commit
 * @param fraction 0 when the hold has just begun, 1 at the commit
 * @param repeat   true when the next commit would repeat a class just committed (the longer hold)
 */
public record HoldProgress(LetterClass held, double fraction, boolean repeat) {

    public static final HoldProgress NONE = new HoldProgress(null, 0, false);

    public HoldProgress {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        if (held == null && (fraction != 0 || repeat)) {
            throw new IllegalArgumentException("no class held, so no progress");
        }
    }

    public boolean isHolding() {
        return held != null;
    }
}
