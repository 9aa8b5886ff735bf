package org.signspell.hands;

/** Which hand, as seen from the signer: their own left or right. */
public enum Handedness {
    LEFT("Left"),
    RIGHT("Right");

    private final String label;

    Handedness(String label) {
        this.label = label;
    }

    /** MediaPipe's label text. */
    public String label() {
        return label;
    }
}
