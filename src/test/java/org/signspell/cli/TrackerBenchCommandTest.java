package org.signspell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/** {@code signspell bench-tracker} runs and reports every stage; its numbers are read, not asserted. */
class TrackerBenchCommandTest {

    @Test
    void shortRunOnRealFramesReportsStagesFpsModelShareAndMemory() {
        String folder = SharedData.resolve("sequences/t32rahman-webcam/Z").toString();
        LandmarksCommandTest.Run run = LandmarksCommandTest.run("bench-tracker", folder, "--frames", "30",
                "--warmup", "5", "--model", "lite");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("hand found on 30 of 30 frames", "grab", "palm (when run)", "landmark",
                "tracker total", "inside models", "fps:", "tracker total / model time:", "RSS after warm-up");
    }

    @Test
    void palmEveryFrameRunsPalmDetectionOnEveryFrame() {
        String folder = SharedData.resolve("sequences/t32rahman-webcam/Z").toString();
        LandmarksCommandTest.Run run = LandmarksCommandTest.run("bench-tracker", folder, "--frames", "10",
                "--warmup", "2", "--model", "lite", "--palm-every-frame");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("palm detection every frame", "palm detection ran on 10 (100.0%)");
    }

    @Test
    void missingClipIsOneClearLine() {
        LandmarksCommandTest.Run run = LandmarksCommandTest.run("bench-tracker", "/no/such/clip.mp4");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("signspell: No such file or folder: /no/such/clip.mp4");
    }
}
