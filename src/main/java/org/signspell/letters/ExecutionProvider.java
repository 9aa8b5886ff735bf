package org.signspell.letters;

/** Where ONNX Runtime runs the letter model. */
public enum ExecutionProvider {
    CPU("CPU"),
    CUDA("GPU (CUDA)");

    private final String displayName;

    ExecutionProvider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
