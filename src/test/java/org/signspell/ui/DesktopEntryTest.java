package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The .deb's menu entry names the window it starts, so a dock or task bar can put the two together. */
class DesktopEntryTest {

    @Test
    void theMenuEntryNamesTheWindowClassJavaFxGives() throws Exception {
        // JavaFX on Linux takes the window's WM_CLASS from the Application subclass: renaming or moving it would
        // leave the entry pointing at no window, and docks would show an icon-less second button.
        List<String> lines = Files.readAllLines(Path.of("jpackage/linux/signspell.desktop"));
        assertThat(lines).contains("StartupWMClass=" + SignSpellApp.class.getName(), "Name=SignSpell");
    }
}
