package org.signspell.letters;

import java.util.List;

/**
 * The letter model's answer for one frame or window.
 *
 * @param top3 the three most probable classes, most probable first; {@code top3.get(0)} is the answer
 */
public record Prediction(List<Scored> top3) {

    /** One class with its softmax probability. */
    public record Scored(LetterClass letter, float probability) {
    }

    public Prediction {
        if (top3.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one class");
        }
        top3 = List.copyOf(top3);
    }

    public LetterClass letter() {
        return top3.get(0).letter();
    }

    public float confidence() {
        return top3.get(0).probability();
    }
}
