package org.signspell.ui;

import java.util.List;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One keyboard shortcut: the keys, what they do in words (for the shortcut sheet and tooltips), and the
 * action. Matched in a scene-wide event filter, so shortcuts work even while the text field has focus.
 */
record Shortcut(List<KeyCombination> keys, String description, Runnable action) {

    static Shortcut of(String description, Runnable action, String... keys) {
        return new Shortcut(java.util.Arrays.stream(keys).map(KeyCombination::keyCombination).toList(),
                description, action);
    }

    boolean matches(KeyEvent event) {
        return keys.stream().anyMatch(k -> k.match(event));
    }

    /**
     * The keys as the platform writes them ("Ctrl+M"), joined with " or ", with the names printed on keyboards
     * and used in the README and tooltips where JavaFX's differ ("Back Space", "Escape", "Comma").
     */
    String keyText() {
        return String.join("  or  ", keys.stream().map(k -> keyboardNames(k.getDisplayText())).toList());
    }

    static String keyboardNames(String displayText) {
        return displayText.replace("Back Space", "Backspace").replace("Escape", "Esc").replace("Comma", ",");
    }
}
