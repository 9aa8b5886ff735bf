package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    private static final String HOME = "/home/ana";

    @Test
    void linuxFollowsXdg() {
        Map<String, String> env = Map.of("XDG_DATA_HOME", "/data/ana", "XDG_CONFIG_HOME", "/conf/ana");
        assertThat(AppDirs.resolve(AppDirs.Kind.DATA, "Linux", env, HOME, null))
                .isEqualTo(Path.of("/data/ana/signspell"));
        assertThat(AppDirs.resolve(AppDirs.Kind.CONFIG, "Linux", env, HOME, null))
                .isEqualTo(Path.of("/conf/ana/signspell"));
    }

    @Test
    void linuxFallsBackToTheXdgDefaultsWhenUnsetOrRelative() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(),
                Map.of("XDG_DATA_HOME", "relative/dir", "XDG_CONFIG_HOME", ""))) {
            assertThat(AppDirs.resolve(AppDirs.Kind.DATA, "Linux", env, HOME, null))
                    .isEqualTo(Path.of("/home/ana/.local/share/signspell"));
            assertThat(AppDirs.resolve(AppDirs.Kind.CONFIG, "Linux", env, HOME, null))
                    .isEqualTo(Path.of("/home/ana/.config/signspell"));
        }
    }

    @Test
    void macOsUsesApplicationSupport() {
        for (AppDirs.Kind kind : AppDirs.Kind.values()) {
            assertThat(AppDirs.resolve(kind, "Mac OS X", Map.of("XDG_DATA_HOME", "/x"), "/Users/ana", null))
                    .isEqualTo(Path.of("/Users/ana/Library/Application Support/SignSpell"));
        }
    }

    @Test
    void windowsUsesAppData() {
        Path dir = AppDirs.resolve(AppDirs.Kind.DATA, "Windows 11",
                Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming"), "C:\\Users\\ana", null);
        assertThat(dir.getFileName().toString()).isEqualTo("SignSpell");
        assertThat(dir.getParent().toString()).isEqualTo("C:\\Users\\ana\\AppData\\Roaming");
        assertThat(AppDirs.resolve(AppDirs.Kind.CONFIG, "Windows 11", Map.of(), "/u/ana", null))
                .isEqualTo(Path.of("/u/ana/AppData/Roaming/SignSpell"));
    }

    @Test
    void thePropertyOverridesEverySystem() {
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 10"}) {
            assertThat(AppDirs.resolve(AppDirs.Kind.DATA, os, Map.of("XDG_DATA_HOME", "/x"), HOME, "/tmp/ss"))
                    .isEqualTo(Path.of("/tmp/ss"));
            assertThat(AppDirs.resolve(AppDirs.Kind.CONFIG, os, Map.of(), HOME, "/tmp/ss"))
                    .isEqualTo(Path.of("/tmp/ss"));
        }
    }

    @Test
    void theDefaultTextFileHonoursTheProperty() {
        String before = System.getProperty(AppDirs.HOME_PROPERTY);
        try {
            System.setProperty(AppDirs.HOME_PROPERTY, "/tmp/signspell-test-home");
            assertThat(TextAutosave.defaultFile()).isEqualTo(Path.of("/tmp/signspell-test-home/text.txt"));
            assertThat(AppDirs.configDir()).isEqualTo(Path.of("/tmp/signspell-test-home"));
        } finally {
            if (before == null) {
                System.clearProperty(AppDirs.HOME_PROPERTY);
            } else {
                System.setProperty(AppDirs.HOME_PROPERTY, before);
            }
        }
    }
}
