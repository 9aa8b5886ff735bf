package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether the window can open is decided before JavaFX starts, so no display is one line, not a stack trace. */
class AppLauncherTest {

    @Test
    void withoutADisplayOnLinuxTheUserIsToldWhyAndWhatElseThereIs() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("DISPLAY", " "), Map.of("WAYLAND_DISPLAY", "wayland-0"))) {
            assertThat(AppLauncher.whyNoWindow(env, "Linux", null)).as("%s", env)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("DISPLAY is not set").contains("--help"));
        }
    }

    @Test
    void aDisplayAnotherSystemOrTheHeadlessToolkitIsLeftToJavaFx() {
        assertThat(AppLauncher.whyNoWindow(Map.of("DISPLAY", ":0"), "Linux", null)).isEmpty();
        assertThat(AppLauncher.whyNoWindow(Map.of("DISPLAY", "localhost:10.0"), "Linux", null)).isEmpty();
        assertThat(AppLauncher.whyNoWindow(Map.of(), "Windows 11", null)).isEmpty();
        assertThat(AppLauncher.whyNoWindow(Map.of(), "Mac OS X", null)).isEmpty();
        assertThat(AppLauncher.whyNoWindow(Map.of(), "Linux", "Monocle")).isEmpty();
    }
}
