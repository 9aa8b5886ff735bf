package org.signspell.ui;

import org.signspell.engine.RecognitionMode;
import org.signspell.engine.SigningHand;
import org.signspell.letters.ExecutionProvider;

/**
 * What the app remembers between runs.
 *
 * @param camera            id of the camera last used, {@code null} for the first one found
 * @param recentFile        the video file or frame folder last opened, offered again in the source menu
 * @param mirror            show a camera mirrored, like a selfie (the signer sees their own right hand on the right)
 * @param mirrorFiles       show video files and frame folders mirrored: off by default, a recording is shown as it
 *                          was made (a teacher projecting one would otherwise show a left-handed signer)
 * @param commitConfidence  how sure the letter model must be for a held letter to be written (0..1)
 * @param holdSeconds       how long a letter must be held to be written
 */
public record UiSettings(String camera, String recentFile, RecognitionMode mode, SigningHand hand,
                         ExecutionProvider provider, Theme theme, boolean mirror, boolean mirrorFiles,
                         double commitConfidence, double holdSeconds) {

    public static final double DEFAULT_CONFIDENCE = 0.7;
    public static final double DEFAULT_HOLD_SECONDS = 0.4;

    public static UiSettings defaults() {
        return new UiSettings(null, null, RecognitionMode.FRAME, SigningHand.RIGHT, ExecutionProvider.CPU,
                Theme.LIGHT, true, false, DEFAULT_CONFIDENCE, DEFAULT_HOLD_SECONDS);
    }

    public UiSettings withCamera(String id) {
        return new UiSettings(id, recentFile, mode, hand, provider, theme, mirror, mirrorFiles, commitConfidence, holdSeconds);
    }

    public UiSettings withRecentFile(String path) {
        return new UiSettings(camera, path, mode, hand, provider, theme, mirror, mirrorFiles, commitConfidence, holdSeconds);
    }

    public UiSettings withMode(RecognitionMode m) {
        return new UiSettings(camera, recentFile, m, hand, provider, theme, mirror, mirrorFiles, commitConfidence, holdSeconds);
    }

    public UiSettings withHand(SigningHand h) {
        return new UiSettings(camera, recentFile, mode, h, provider, theme, mirror, mirrorFiles, commitConfidence, holdSeconds);
    }

    public UiSettings withProvider(ExecutionProvider p) {
        return new UiSettings(camera, recentFile, mode, hand, p, theme, mirror, mirrorFiles, commitConfidence, holdSeconds);
    }

    public UiSettings withTheme(Theme t) {
        return new UiSettings(camera, recentFile, mode, hand, provider, t, mirror, mirrorFiles, commitConfidence, holdSeconds);
    }

    public UiSettings withMirror(boolean m) {
        return new UiSettings(camera, recentFile, mode, hand, provider, theme, m, mirrorFiles, commitConfidence, holdSeconds);
    }

    public UiSettings withMirrorFiles(boolean m) {
        return new UiSettings(camera, recentFile, mode, hand, provider, theme, mirror, m, commitConfidence, holdSeconds);
    }

    public UiSettings withThresholds(double confidence, double hold) {
        return new UiSettings(camera, recentFile, mode, hand, provider, theme, mirror, mirrorFiles, confidence, hold);
    }
}
