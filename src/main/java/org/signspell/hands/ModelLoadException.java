package org.signspell.hands;

/** A MediaPipe model file is missing from the classpath or cannot be loaded. */
public final class ModelLoadException extends IllegalStateException {
    public ModelLoadException(String message) {
        super(message);
    }
}
