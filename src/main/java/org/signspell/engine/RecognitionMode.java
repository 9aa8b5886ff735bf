package org.signspell.engine;

/** How the letter model is fed. */
public enum RecognitionMode {
    /** Each frame on its own (sequence length 1): quick, blind to motion; the model never answers Z here. */
    FRAME("Per frame"),
    /** A sliding window over the last second (32 samples, {@link SequenceWindow}): reads letters drawn in the air. */
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
