package org.signspell.hands;

/**
 * A hand's side as MediaPipe labels it. MediaPipe assumes a mirrored (selfie) image, so on frames as a
 * camera delivers them, un-mirrored, the label names the signer's other hand (see {@link HandTracker}).
 */
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
