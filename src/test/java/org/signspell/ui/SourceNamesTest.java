package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The source menu names a source by its name; its icon tells the kind. */
class SourceNamesTest {

    @Test
    void theMenuShowsTheNameWithoutTheKind() {
        assertThat(MainView.sourceMenuName("video JUMP.mp4")).isEqualTo("JUMP.mp4");
        assertThat(MainView.sourceMenuName("folder HELP-frames")).isEqualTo("HELP-frames");
        assertThat(MainView.sourceMenuName("Camera Integrated Webcam (/dev/video0)"))
                .isEqualTo("Camera Integrated Webcam (/dev/video0)");
        assertThat(MainView.sourceMenuName("/home/jane/signs/HELLO.mp4")).isEqualTo("HELLO.mp4");
        assertThat(MainView.sourceMenuName(null)).isEqualTo("No source");
        assertThat(MainView.sourceMenuName("")).isEqualTo("No source");
    }
}
