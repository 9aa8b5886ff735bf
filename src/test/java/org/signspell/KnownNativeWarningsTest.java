package org.signspell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Standard error loses the one known OpenBLAS version warning, and nothing else. */
class KnownNativeWarningsTest {

    @Test
    void onlyTheOpenBlasVersionWarningIsLeftOut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new KnownNativeWarnings(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        err.println("Warning: Versions of org.bytedeco:javacpp:1.5.14 and org.bytedeco:openblas:0.3.31-1.5.13 do not match.");
        err.println("Warning: Versions of org.bytedeco:javacpp:1.5.14 and org.bytedeco:opencv:4.13.0-1.5.13 do not match.");
        err.println("signspell: The video x.mp4 could not be read: …");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Warning: Versions of org.bytedeco:javacpp:1.5.14 and org.bytedeco:opencv:4.13.0-1.5.13 do not match.",
                "signspell: The video x.mp4 could not be read: …");
    }
}
