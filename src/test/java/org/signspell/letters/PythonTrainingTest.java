package org.signspell.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the training code's own tests from the Java test suite, so one command checks both sides: the Python half
 * of the golden-vector agreement (test_golden.py) and the photo landmark cache's key (test_landmark_cache.py).
 * Skipped, saying why, where python3-torch is not installed.
 */
class PythonTrainingTest {
    private static final String PYTHON = "/usr/bin/python3";

    private static Process start(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        // The test must not write into the repository (models/training/__pycache__).
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return pb.start();
    }

    private static void runScript(String name) throws Exception {
        Path script = Path.of("models/training", name);
        assumeTrue(Files.exists(script), "run from the repository root");
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "SKIPPED: no " + PYTHON + "; the training code needs python3-torch");
        Process probe = start(List.of(PYTHON, "-c", "import torch, numpy"));
        boolean done = probe.waitFor(60, TimeUnit.SECONDS);
        assumeTrue(done && probe.exitValue() == 0,
                "SKIPPED: python3-torch (and numpy) are not installed; apt-get install python3-torch python3-onnx");

        Process test = start(List.of(PYTHON, script.toString()));
        String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(test.waitFor(300, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        assertThat(test.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }

    @Test
    void pythonNormalisationAndPyTorchLogitsMatchTheGoldenVectors() throws Exception {
        runScript("test_golden.py");
    }

    @Test
    void landmarkCacheIsKeyedByThePhotosAndTheTracker() throws Exception {
        runScript("test_landmark_cache.py");
    }
}
