package org.signspell.ui;

import org.signspell.capture.CaptureException;

/**
 * Why there is no video, in words for the user, and what they can do about it.
 *
 * @param kind    decides which next steps the panel offers
 * @param title   one short line
 * @param message what happened and what to do next
 */
public record Fault(Kind kind, String title, String message) {

    public enum Kind {
        NO_CAMERA, CAMERA_BUSY, CAMERA_LOST, UNREADABLE_VIDEO, UNREADABLE_IMAGE, SOURCE_FAILED, EMPTY_FOLDER, NOT_FOUND, MODEL, RECOGNITION
    }

    static Fault noCamera() {
        return new Fault(Kind.NO_CAMERA, "No camera found",
                "Plug in a webcam and press Retry, or open a video file or a folder of frames to try SignSpell without one.");
    }

    static Fault model(String detail) {
        return new Fault(Kind.MODEL, "The recognition models could not be loaded",
                (detail == null || detail.isBlank() ? "The hand or letter model is missing or damaged: reinstall SignSpell."
                        : detail) + " Press Retry once that is done. Your text is kept.");
    }

    static Fault recognition(String detail) {
        return new Fault(Kind.RECOGNITION, "Recognition stopped",
                (detail == null || detail.isBlank() ? "Letters cannot be read." : detail)
                        + " Press Retry to start it again. Your text is kept.");
    }

    static Fault from(CaptureException error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        return switch (error.kind()) {
            case NO_CAMERA -> new Fault(Kind.NO_CAMERA, "No camera found", orElse(message, noCamera().message()));
            case CAMERA_BUSY -> new Fault(Kind.CAMERA_BUSY, "The camera is busy",
                    orElse(message, "Another program is using the camera. Close it (a video call, another camera app) and press Retry."));
            case CAMERA_LOST -> new Fault(Kind.CAMERA_LOST, "The camera was disconnected",
                    orElse(message, "Plug the camera back in and press Retry, or choose another source."));
            // The no-camera panel's next steps (a video file, a folder of frames) are what is left to the user.
            case CAMERAS_UNAVAILABLE -> new Fault(Kind.NO_CAMERA, "Cameras cannot be used on this computer",
                    orElse(message, "A library SignSpell needs for cameras is missing. Open a video file or a folder of frames instead."));
            case UNREADABLE_VIDEO -> new Fault(Kind.UNREADABLE_VIDEO, "This video cannot be read",
                    orElse(message, "The file is damaged or in a format SignSpell cannot decode. Open another file."));
            case VIDEO_CUT_SHORT -> new Fault(Kind.UNREADABLE_VIDEO, "This video ends early",
                    orElse(message, "The file is truncated or damaged. What was read before the cut is kept."));
            // Retry stays first here: the image can be removed or replaced, and the folder read again.
            case UNREADABLE_IMAGE -> new Fault(Kind.UNREADABLE_IMAGE, "An image cannot be read",
                    orElse(message, "An image is damaged or not an image. Remove or replace it and press Retry."));
            case SOURCE_FAILED -> new Fault(Kind.SOURCE_FAILED, "Reading stopped unexpectedly",
                    orElse(message, "Reading frames failed unexpectedly. Try again, or choose another source."));
            case EMPTY_FOLDER -> new Fault(Kind.EMPTY_FOLDER, "No images in this folder",
                    orElse(message, "Choose a folder holding JPEG or PNG frames, or open a video file."));
            case NOT_FOUND -> new Fault(Kind.NOT_FOUND, "Source not found",
                    orElse(message, "The file or folder does not exist any more. Open another one."));
        };
    }

    /**
     * The message with the source's full path cut to its file name: on the panel a path splits the sentence over
     * several lines, and the source menu already names the file.
     */
    Fault naming(String sourceSpec) {
        if (sourceSpec == null || sourceSpec.isBlank() || !message.contains(sourceSpec)) {
            return this;
        }
        java.nio.file.Path name;
        try {
            name = java.nio.file.Path.of(sourceSpec).getFileName();
        } catch (java.nio.file.InvalidPathException e) {
            return this;
        }
        return name == null ? this : new Fault(kind, title, message.replace(sourceSpec, name.toString()));
    }

    private static String orElse(String message, String fallback) {
        return message.isBlank() ? fallback : message;
    }
}
