package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shortcut sheet writes keys as keyboards, the README and the tooltips do. */
class ShortcutTest {

    @Test
    void keysAreNamedAsOnTheKeyboard() {
        assertThat(Shortcut.keyboardNames("Ctrl+Shift+Back Space")).isEqualTo("Ctrl+Shift+Backspace");
        assertThat(Shortcut.keyboardNames("Escape")).isEqualTo("Esc");
        assertThat(Shortcut.keyboardNames("Ctrl+Comma")).isEqualTo("Ctrl+,");
        assertThat(Shortcut.keyboardNames("F5")).isEqualTo("F5");
        Shortcut s = Shortcut.of("Leave", () -> { }, "Esc", "Shortcut+Comma");
        assertThat(s.keyText()).doesNotContain("Escape").doesNotContain("Comma").startsWith("Esc");
    }
}
