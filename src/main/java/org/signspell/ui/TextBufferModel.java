package org.signspell.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.signspell.spelling.TextBuffer;

/**
 * The text buffer as JavaFX properties. The buffer changes on the engine's thread (committed letters) and
 * on the FX thread (typing); the property follows on the FX thread, coalesced, always ending on the newest
 * text because the buffer reports its changes in order.
 */
public final class TextBufferModel {

    private final TextBuffer buffer;
    private final ReadOnlyStringWrapper text;
    private final ReadOnlyBooleanWrapper canUndo;
    private final ReadOnlyBooleanWrapper canRedo;
    private final AtomicReference<String> latest = new AtomicReference<>();
    private final FxHandoff handoff;

    public TextBufferModel(TextBuffer buffer, Executor fxThread) {
        this.buffer = buffer;
        this.text = new ReadOnlyStringWrapper(this, "text", buffer.text());
        this.canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", buffer.canUndo());
        this.canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", buffer.canRedo());
        this.handoff = new FxHandoff(fxThread, this::publish);
        buffer.addListener(changed -> {
            latest.set(changed);
            if (isFxThread()) {
                publish();
            } else {
                handoff.signal();
            }
        });
    }

    public TextBuffer buffer() {
        return buffer;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    /**
     * The user edited the text field, which showed {@link #getText()}: a letter the engine wrote that the field
     * did not show yet is kept (see {@link TextBuffer#replaceSeen}).
     */
    public void edit(String newText) {
        buffer.replaceSeen(text.get(), newText);
    }

    /** As {@link #edit}, for text an input method composes or commits: one undo step a word. */
    public void editComposed(String newText) {
        buffer.replaceSeenComposed(text.get(), newText);
    }

    /** The space button: a space at the end, where the next letter goes. */
    public void space() {
        buffer.append(" ");
    }

    public void backspace() {
        buffer.backspace();
    }

    public void clear() {
        buffer.clear();
    }

    public void undo() {
        buffer.undo();
    }

    public void redo() {
        buffer.redo();
    }

    private void publish() {
        String newest = latest.get();
        if (newest != null) {
            text.set(newest);
        }
        canUndo.set(buffer.canUndo());
        canRedo.set(buffer.canRedo());
    }

    private static boolean isFxThread() {
        try {
            return Platform.isFxApplicationThread();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
