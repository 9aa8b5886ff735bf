package org.signspell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

/** {@code signspell bench} runs the whole engine and reports every stage; its numbers are read, not asserted. */
class BenchCommandTest {

    @Test
    void shortRunOnRealFramesReportsStagesFpsModelShareAndMemory() {
        String folder = SharedData.resolve("sequences/t32rahman-webcam/Z").toString();
        CliRun run = CliRun.of("bench", folder, "--frames", "30", "--warmup", "5", "--model", "lite",
                "--mode", "sequence");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sequence mode", "hand on 30 of 30 frames", "grab", "palm (when run)",
                "landmark", "inside hand models", "letter model", "fps end to end:",
                "tracker time / time inside hand models:", "RSS after warm-up", "letter model on CPU");
    }

    @Test
    void palmEveryFrameRunsPalmDetectionOnEveryFrame() {
        String folder = SharedData.resolve("sequences/t32rahman-webcam/Z").toString();
        CliRun run = CliRun.of("bench", folder, "--frames", "10", "--warmup", "2", "--model", "lite",
                "--palm-every-frame");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("palm detection every frame", "palm detection ran on 10 (100.0%)");
    }

    @Test
    void aVideoCutShortIsTimedOnTheFramesBeforeItsCut() {
        CliRun run = CliRun.of("bench", org.signspell.fixtures.WordFixtures.truncatedStreamableVideo().toString(),
                "--frames", "100", "--warmup", "5", "--model", "lite");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("fps end to end:");
    }

    @Test
    void aFolderIsDecodedOnlyAsFarAsTheRunGoes() {
        // Looping after three frames: the fourth is the first again, and the folder's other 117 were never decoded.
        try (BenchClip clip = BenchClip.open(org.signspell.fixtures.WordFixtures.frames("HELP"), 30, 3)) {
            org.bytedeco.opencv.opencv_core.Mat first = clip.next().clone();
            clip.next();
            clip.next();
            org.bytedeco.opencv.opencv_core.Mat again = clip.next();
            assertThat(org.bytedeco.opencv.global.opencv_core.norm(first, again,
                    org.bytedeco.opencv.global.opencv_core.NORM_L1, null)).isZero();
            first.close();
        }
    }

    @Test
    void missingClipIsOneClearLine() {
        CliRun run = CliRun.of("bench", "/no/such/clip.mp4");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("signspell: No such file or folder: /no/such/clip.mp4");
    }
}
