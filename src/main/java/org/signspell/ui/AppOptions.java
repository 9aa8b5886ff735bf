package org.signspell.ui;

import java.nio.file.Path;

/**
 * How the app is started from the command line.
 *
 * @param source     a video file, a folder of frames or a camera id to start on; {@code null} for the camera
 * @param screenshot where to write a PNG of the window once the source has played (or failed), then quit;
 *                   {@code null} for a normal interactive run
 * @param presenter  start in the full-screen presenter view
 */
public record AppOptions(String source, Path screenshot, boolean presenter) {

    public static AppOptions interactive() {
        return new AppOptions(null, null, false);
    }

    public boolean screenshotMode() {
        return screenshot != null;
    }
}
