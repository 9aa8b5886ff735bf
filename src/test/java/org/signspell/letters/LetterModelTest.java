package org.signspell.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model in ONNX Runtime against the PyTorch logits in the golden vectors. */
class LetterModelTest {
    private static LetterModel model;

    @BeforeAll
    static void open() {
        model = LetterModel.open(ExecutionProvider.CPU);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void onnxRuntimeMatchesPyTorchGoldenLogits() throws IOException {
        JsonNode golden = LandmarkNormalizerTest.golden("logits.json");
        int[] seen = new int[LetterModel.WINDOW + 1];
        for (JsonNode c : golden.get("cases")) {
            int seq = c.get("seq").asInt();
            seen[seq]++;
            float[] input = LandmarkNormalizerTest.floats(c.get("input"));
            float[] expected = LandmarkNormalizerTest.floats(c.get("logits"));
            // Twice: the reused input and output tensors must give the same answer again.
            for (int round = 0; round < 2; round++) {
                float[] got = model.logits(input, seq).clone();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(got[i]).as("%s logit %d", c.get("name").asText(), i).isCloseTo(expected[i], within(1e-4f));
                }
            }
            Prediction p = model.predict(input, seq);
            int best = 0;
            for (int i = 1; i < expected.length; i++) {
                best = expected[i] > expected[best] ? i : best;
            }
            assertThat(p.letter()).isEqualTo(LetterClass.values()[best]);
        }
        assertThat(seen[1]).as("seq-1 cases").isPositive();
        assertThat(seen[LetterModel.WINDOW]).as("seq-32 cases").isPositive();
    }

    @Test
    void top3IsSortedSoftmax() throws IOException {
        JsonNode c = LandmarkNormalizerTest.golden("logits.json").get("cases").get(0);
        Prediction p = model.predict(LandmarkNormalizerTest.floats(c.get("input")), c.get("seq").asInt());
        assertThat(p.top3()).hasSize(3);
        assertThat(p.top3().get(0).probability()).isGreaterThanOrEqualTo(p.top3().get(1).probability());
        assertThat(p.top3().get(1).probability()).isGreaterThanOrEqualTo(p.top3().get(2).probability());
        float sum = (float) p.top3().stream().mapToDouble(Prediction.Scored::probability).sum();
        assertThat(sum).isLessThanOrEqualTo(1.0001f).isPositive();
        assertThat(p.top3().stream().map(Prediction.Scored::letter).distinct()).hasSize(3);
    }

    @Test
    void labelsFileIsInLetterClassOrder() throws IOException {
        try (InputStream in = LetterModel.class.getResourceAsStream(LetterModel.LABELS_RESOURCE)) {
            assertThat(in).isNotNull();
            List<String> labels = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(labels).containsExactlyElementsOf(Arrays.stream(LetterClass.values()).map(LetterClass::label).toList());
        }
    }

    @Test
    void labelsFromAnotherBuildAreRejectedWithAClearMessage() {
        byte[] shuffled = "B\nA\nC\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LetterModel.checkLabels(shuffled))
                .isInstanceOf(LetterModelException.class)
                .hasMessageContaining("do not match");
    }

    @Test
    void damagedModelFileGivesAClearMessage() throws IOException {
        byte[] labels;
        try (InputStream in = LetterModel.class.getResourceAsStream(LetterModel.LABELS_RESOURCE)) {
            labels = in.readAllBytes();
        }
        byte[] truncated;
        try (InputStream in = LetterModel.class.getResourceAsStream(LetterModel.MODEL_RESOURCE)) {
            truncated = Arrays.copyOf(in.readAllBytes(), 4000);
        }
        assertThatThrownBy(() -> LetterModel.open(ExecutionProvider.CPU, truncated, labels))
                .isInstanceOf(LetterModelException.class)
                .hasMessageContaining("could not be loaded")
                .hasMessageContaining("models/train.sh");
    }

    @Test
    void windowLengthIsChecked() {
        assertThatThrownBy(() -> model.predict(new float[63], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.predict(new float[63], 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cudaRequestedWithoutCudaFallsBackToCpuAndSaysWhy() throws IOException {
        // This machine has no CUDA (the CPU build of ONNX Runtime, no NVIDIA driver): the fallback path must run.
        org.junit.jupiter.api.Assumptions.assumeTrue(CudaProbe.whyUnavailable().isPresent(),
                "a usable CUDA was found; the fallback cannot be exercised here");
        try (LetterModel cuda = LetterModel.open(ExecutionProvider.CUDA)) {
            assertThat(cuda.activeProvider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(cuda.providerNote())
                    .contains("CUDA was requested but is not available")
                    .contains("runs on the CPU")
                    .contains(CudaProbe.whyUnavailable().get());
            JsonNode c = LandmarkNormalizerTest.golden("logits.json").get("cases").get(0);
            float[] input = LandmarkNormalizerTest.floats(c.get("input"));
            assertThat(cuda.predict(input, c.get("seq").asInt()).letter())
                    .isEqualTo(model.predict(input, c.get("seq").asInt()).letter());
        }
    }

    @Test
    void cpuByDefault() {
        assertThat(model.activeProvider()).isEqualTo(ExecutionProvider.CPU);
        assertThat(model.providerNote()).isEqualTo("running on the CPU");
    }
}
