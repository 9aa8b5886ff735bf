package org.signspell.engine;

/** How the letter model is fed. */
public enum RecognitionMode {
    /** Each frame on its own (sequence length 1): quick, blind to motion. */
    FRAME("Per frame"),
    /** A sliding window of the last 32 frames: reads letters drawn in the air (J, Z). */
    SEQUENCE("Sequence");

    private final String displayName;

    RecognitionMode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public RecognitionMode toggled() {
        return this == FRAME ? SEQUENCE : FRAME;
    }
}
