package org.signspell.engine;

import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.capture.CaptureException;
import org.signspell.hands.PictureCheck;
import org.signspell.letters.ExecutionProvider;
import org.signspell.spelling.CommitEvent;

/**
 * What the engine tells its owner. Every method is called on an engine thread (capture or inference),
 * never on a UI thread: a UI hands the data over itself, coalesced.
 */
public interface EngineListener {

    /** A source is being opened (opening a camera can take seconds). */
    default void sourceOpening(String spec) {
    }

    /** The source {@code spec} (as given to {@link Engine#open}) is open; frames follow. */
    default void sourceOpened(String spec, String description, double framesPerSecond) {
    }

    /** The source could not be opened or failed while running; the message is for the user. */
    default void sourceFailed(CaptureException error) {
    }

    /** A file or folder played to its end. */
    default void endOfStream() {
    }

    /**
     * One processed frame.
     *
     * @param bgr the frame's pixels, valid only during this call (copy what you keep)
     */
    default void frameProcessed(FrameResult result, Mat bgr) {
    }

    /**
     * Recognition stopped working (a frame after frame failure in the models, or an error that ended the
     * inference thread); the message is for the user. The text is untouched. Said once per failure.
     */
    default void recognitionFailed(String message) {
    }

    /**
     * Something about the source's pictures keeps hands from being read (too small, black and white), for the
     * user; null once it no longer holds (colour came back). Said when it changes; a new source starts without one.
     */
    default void pictureProblem(PictureCheck.Problem problem) {
    }

    /** A letter, space or delete went into the text. */
    default void committed(CommitEvent event) {
    }

    /** Which execution provider runs the letter model, and in words why when it is not the one asked for. */
    default void providerChanged(ExecutionProvider active, String note) {
    }
}
