package org.signspell.capture;

/** A frame source failed; the message is written for the user and says what to do next. */
public class CaptureException extends Exception {

    /**
     * Why, so the UI can offer the right next step (retry, another source, open a file). {@code CAMERAS_UNAVAILABLE}:
     * no camera can be opened on this computer as installed (a system library is missing), whichever is plugged in.
     * {@code VIDEO_CUT_SHORT}: a video played, then ended well before the frames, the length or the bytes it declares (a copy or
     * download cut off), so what is missing is not taken for the end of the recording. {@code UNREADABLE_IMAGE}: an image (in
     * a folder of frames, or opened alone) is damaged or no image. {@code SOURCE_FAILED}: reading failed in a way no
     * source explains (out of memory, a fault in native code): trying again may well work.
     */
    public enum Kind {
        NO_CAMERA, CAMERA_BUSY, CAMERA_LOST, CAMERAS_UNAVAILABLE, UNREADABLE_VIDEO, VIDEO_CUT_SHORT, UNREADABLE_IMAGE, SOURCE_FAILED, EMPTY_FOLDER, NOT_FOUND
    }

    private final Kind kind;

    public CaptureException(Kind kind, String userMessage) {
        this(kind, userMessage, null);
    }

    public CaptureException(Kind kind, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
