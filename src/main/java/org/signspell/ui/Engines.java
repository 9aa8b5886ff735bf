package org.signspell.ui;

import java.time.Duration;
import org.signspell.engine.EngineSettings;
import org.signspell.engine.RecognitionEngine;
import org.signspell.spelling.CommitSettings;

/** The engine the app runs: the same {@link RecognitionEngine} as the CLI, set up from the window's settings. */
final class Engines {
    private Engines() {
    }

    static EngineFactory recognition() {
        return (settings, text, listener) -> RecognitionEngine.start(engineSettings(settings), text, listener);
    }

    static EngineSettings engineSettings(UiSettings ui) {
        return EngineSettings.defaults()
                .withProvider(ui.provider())
                .withMode(ui.mode())
                .withSigningHand(ui.hand())
                .withCommit(commitSettings(ui));
    }

    /** The settings sheet's threshold and hold time as commit rules. */
    static CommitSettings commitSettings(UiSettings ui) {
        return CommitSettings.DEFAULTS
                .withConfidenceThreshold((float) ui.commitConfidence())
                .withStabilityWindow(Duration.ofMillis(Math.round(ui.holdSeconds() * 1000)));
    }
}
