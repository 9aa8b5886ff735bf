package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signspell.engine.RecognitionMode;

/** Settings a person (or a crash) may have left in any state: the window must still start. */
class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void savedSettingsComeBack() {
        SettingsStore store = new SettingsStore(home.resolve("ui.properties"));
        UiSettings saved = UiSettings.defaults().withRecentFile("/videos/HELP.mp4").withMode(RecognitionMode.SEQUENCE);
        store.save(saved);
        assertThat(store.load()).isEqualTo(saved);
    }

    @Test
    void aRecentFileNoPathCanHoldIsDroppedAndTheRestKept() throws Exception {
        Path file = home.resolve("ui.properties");
        // \u0000 in a properties file is a NUL character once loaded: no file system accepts it in a name.
        Files.writeString(file, "recentFile=/tmp/bad\\u0000name.mp4\nmode=SEQUENCE\n", StandardCharsets.ISO_8859_1);
        UiSettings loaded = new SettingsStore(file).load();
        assertThat(loaded.recentFile()).isNull();
        assertThat(loaded.mode()).isEqualTo(RecognitionMode.SEQUENCE);
        assertThat(MainView.shortName("/tmp/bad\0name.mp4")).isEqualTo("/tmp/bad\0name.mp4");
    }

    @Test
    void manglededValuesFallBackOneByOne() throws Exception {
        Path file = home.resolve("ui.properties");
        Files.writeString(file, "mode=SIDEWAYS\nholdSeconds=NaN\ncommitConfidence=7\ntheme=\n");
        UiSettings loaded = new SettingsStore(file).load();
        UiSettings defaults = UiSettings.defaults();
        assertThat(loaded.mode()).isEqualTo(defaults.mode());
        assertThat(loaded.theme()).isEqualTo(defaults.theme());
        assertThat(loaded.holdSeconds()).isEqualTo(0.2);
        assertThat(loaded.commitConfidence()).isEqualTo(0.99);
    }
}
