package org.signspell.letters;

/** The letter model's 29 outputs, in output order (models/labels.txt). */
public enum LetterClass {
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    SPACE("space"), DEL("del"), NOTHING("nothing");

    private final String label;

    LetterClass() {
        this.label = name();
    }

    LetterClass(String label) {
        this.label = label;
    }

    /** The label as written in labels.txt and in JSON output. */
    public String label() {
        return label;
    }

    public boolean isLetter() {
        return ordinal() < 26;
    }

    public static LetterClass fromLabel(String label) {
        for (LetterClass c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown class label: " + label);
    }
}
