package org.signspell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.hands.HandResult;
import org.signspell.hands.MediaPipeHandTracker;
import org.signspell.hands.TrackerOptions;
import picocli.CommandLine;

/** The installed app's --self-test, run here on the real models. */
class SelfTestCommandTest {

    @Test
    void passesAndPrintsOneLineOnStdout() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SignSpellCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--self-test");

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(out.toString()).startsWith("signspell self-test: OK |")
                .contains("full palm+landmark", "lite palm+landmark", "tracking:", "letters (CPU");
        // Cameras that cannot work here are named in the line (with what to install), and do not fail it.
        assertThat(out.toString().contains("cameras unavailable: "))
                .isEqualTo(org.signspell.capture.FrameSources.camerasUnavailableReason().isPresent());
    }

    @Test
    void acceptsTheProviderAsTheOtherCommandsDoAndSaysWhereTheLettersRan() {
        StringWriter out = new StringWriter();
        CommandLine cli = SignSpellCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));

        int code = cli.execute("--self-test", "--provider", "cuda");

        assertThat(code).isZero();
        // The default build carries the CPU-only ONNX Runtime: CUDA falls back, and the line says why.
        assertThat(out.toString()).contains("letters (CPU: CUDA was requested but is not available");
    }

    @Test
    void drawnHandCheckRejectsLandmarksOfAHandElsewhere() {
        // The drawn-hand check must tell a right answer from a wrong one: the tracker's landmarks on a hand
        // drawn 80 px to the right are far from where the unmoved hand's joints are drawn.
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(TrackerOptions.defaults().withStaticMode(true));
             Mat moved = SyntheticFrames.hand(80, 0)) {
            List<HandResult> hands = tracker.process(moved, 0);

            assertThat(hands).hasSize(1);
            assertThat(SelfTestCommand.meanError(hands.get(0).landmarks(), 80, 0))
                    .isLessThanOrEqualTo(SelfTestCommand.MAX_MEAN_ERROR);
            assertThat(SelfTestCommand.meanError(hands.get(0).landmarks(), 0, 0))
                    .isGreaterThan(SelfTestCommand.MAX_MEAN_ERROR);
        }
    }

    @Test
    void shippedGoldenVectorsAreTheLetterModelsGoldenVectors() throws Exception {
        // The self-test ships a copy (test resources are not in the jar); it must not drift from the original.
        Path shipped = Path.of("src/main/resources" + SelfTestCommand.LETTER_GOLDEN);
        Path golden = Path.of("src/test/resources/golden/logits.json");

        assertThat(Files.readString(shipped))
                .as("%s must equal %s: copy it again after regenerating the golden vectors", shipped, golden)
                .isEqualTo(Files.readString(golden));
    }
}
