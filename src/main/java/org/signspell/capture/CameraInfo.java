package org.signspell.capture;

/**
 * A camera the user can pick.
 *
 * @param id     what {@link FrameSources#open} accepts to open it, for example {@code camera:0}
 * @param device the device node, for example {@code /dev/video0}
 * @param name   the name the driver reports ("HD Webcam C270"), or the device node when it reports none
 */
public record CameraInfo(String id, String device, String name) {
}
