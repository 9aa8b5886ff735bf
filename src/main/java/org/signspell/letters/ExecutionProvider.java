package org.signspell.letters;

/** Where ONNX Runtime runs the letter model. */
public enum ExecutionProvider {
    CPU,
    CUDA
}
