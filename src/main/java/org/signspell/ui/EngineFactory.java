package org.signspell.ui;

import org.signspell.engine.Engine;
import org.signspell.engine.EngineListener;
import org.signspell.spelling.TextBuffer;

/** Builds the recognition engine the window drives; called off the FX thread (loading models takes time). */
@FunctionalInterface
public interface EngineFactory {

    /**
     * @throws Exception when the models are missing or damaged; the message is shown to the user
     */
    Engine create(UiSettings settings, TextBuffer text, EngineListener listener) throws Exception;
}
