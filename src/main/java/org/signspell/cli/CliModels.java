package org.signspell.cli;

import org.signspell.engine.EngineSettings;
import org.signspell.engine.FrameProcessor;

/** Opens the models for a command, turning a missing or damaged model into a one-line message. */
final class CliModels {
    private CliModels() {
    }

    static FrameProcessor openProcessor(EngineSettings settings) {
        try {
            return FrameProcessor.open(settings);
        } catch (org.signspell.hands.ModelLoadException | org.signspell.letters.LetterModelException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
