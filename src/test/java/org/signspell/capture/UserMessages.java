package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** Checks that an error message is written for a person, not a developer. */
final class UserMessages {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Za-z]+(Exception|Error)\\b|\\b(java|org|com)\\.[a-z]");
    private static final Pattern NATIVE_DETAIL = Pattern.compile("avformat|avcodec|error -\\d|0x[0-9a-f]{4,}|\\bat [a-z]+\\.");

    private UserMessages() {
    }

    static void assertReadable(CaptureException e, CaptureException.Kind expected) {
        assertThat(e.kind()).as("kind of: %s", e.getMessage()).isEqualTo(expected);
        String message = e.getMessage();
        assertThat(message).isNotBlank();
        assertThat(CLASS_NAME.matcher(message).find()).as("class name in: %s", message).isFalse();
        assertThat(NATIVE_DETAIL.matcher(message).find()).as("native detail in: %s", message).isFalse();
        assertThat(message).as("a full sentence").endsWith(".");
    }

    /** Seconds since {@code startNanos}, for the test output (failures must come within about 2 s). */
    static String elapsed(long startNanos) {
        return String.format("%.3f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
