package org.signspell.engine;

/** Which hand the user signs with; the letter model sees every hand as a right hand. */
public enum SigningHand {
    RIGHT("Right hand"),
    LEFT("Left hand"),
    /** Trust the tracker's handedness label (less reliable than the user's word). */
    AUTO("Detect");

    private final String displayName;

    SigningHand(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
