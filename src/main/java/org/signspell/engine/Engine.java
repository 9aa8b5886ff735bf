package org.signspell.engine;

import java.util.Optional;
import org.signspell.letters.ExecutionProvider;
import org.signspell.spelling.CommitSettings;

/**
 * The recognition engine as its owners (the app's view-models, the CLI) drive it: small commands that
 * return at once, except {@link #open}, which may wait a moment for the source it replaces; results arrive
 * through {@link EngineListener} on engine threads.
 */
public interface Engine extends AutoCloseable {

    /**
     * Starts reading from a source: "camera:0", "/dev/video0", a video file or a folder of images.
     * Opening happens on the capture thread; the caller never waits for it. A source already running
     * is stopped first, and its release awaited for up to two seconds (a camera reopened before its
     * last read returned would be busy), so a UI calls this off its own thread.
     */
    void open(String sourceSpec);

    /** Stops the current source, if any; the text is kept. */
    void stop();

    /** Takes effect on the next frame. */
    void setMode(RecognitionMode mode);

    RecognitionMode mode();

    void setSigningHand(SigningHand hand);

    /**
     * Writing on or off. While off, hands and letters are still read and reported, but nothing is written
     * into the text: a teacher can show a letter without spelling it. Turning writing back on starts every
     * hold afresh, so a letter held through the pause is written only after a full hold. Takes effect on the
     * next frame.
     */
    void setWriting(boolean writing);

    boolean isWriting();

    /**
     * New commit rules (threshold, stability window) from the next frame on, the source going on: a hold in
     * progress starts again under them, and the letter just written is not written again.
     */
    void setCommitSettings(CommitSettings commit);

    /** Switches the letter model's execution provider; the outcome is reported via the listener. */
    void setProvider(ExecutionProvider provider);

    /**
     * Why the GPU cannot run the letter model on this computer, as far as can be told without trying it
     * (a build without CUDA support, no NVIDIA driver, CUDA libraries missing); empty when it is worth trying.
     */
    Optional<String> gpuUnavailableReason();

    /** The hand models and the letter model in use, for a status bar. */
    String modelDescription();

    @Override
    void close();
}
