package org.signspell.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.signspell.hands.Handedness;
import org.signspell.hands.Landmarks;

/** Java normalisation against the golden vectors written by models/training/normalise.py from real landmarks. */
class LandmarkNormalizerTest {

    static JsonNode golden(String name) throws IOException {
        try (InputStream in = LandmarkNormalizerTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s (made by models/training/golden.py)", name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    @Test
    void matchesPythonGoldenVectors() throws IOException {
        JsonNode golden = golden("normalisation.json");
        assertThat(golden.get("cases").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode c : golden.get("cases")) {
            Landmarks raw = new Landmarks(floats(c.get("raw")));
            float[] expected = floats(c.get("normalised"));
            float[] got = LandmarkNormalizer.normalize(raw, c.get("width").asInt(), c.get("height").asInt(),
                    c.get("mirror").asBoolean());
            for (int i = 0; i < expected.length; i++) {
                assertThat(got[i]).as("%s value %d", c.get("name").asText(), i).isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void writesAtOffsetWithoutTouchingTheRest() throws IOException {
        JsonNode c = golden("normalisation.json").get("cases").get(0);
        Landmarks raw = new Landmarks(floats(c.get("raw")));
        float[] window = new float[3 * LandmarkNormalizer.SIZE];
        java.util.Arrays.fill(window, 7f);
        LandmarkNormalizer.normalize(raw, c.get("width").asInt(), c.get("height").asInt(), false, window,
                LandmarkNormalizer.SIZE);
        float[] alone = LandmarkNormalizer.normalize(raw, c.get("width").asInt(), c.get("height").asInt(), false);
        assertThat(window[LandmarkNormalizer.SIZE - 1]).isEqualTo(7f);
        assertThat(window[2 * LandmarkNormalizer.SIZE]).isEqualTo(7f);
        assertThat(java.util.Arrays.copyOfRange(window, LandmarkNormalizer.SIZE, 2 * LandmarkNormalizer.SIZE))
                .containsExactly(alone);
        // Wrist at the origin and the palm at unit size, whatever the image size.
        assertThat(alone[0]).isZero();
        assertThat(alone[1]).isZero();
    }

    @Test
    void mirrorsOnlyHandsTheTrackerLabelsLeft() {
        assertThat(LandmarkNormalizer.mirrorFor(Handedness.LEFT)).isTrue();
        assertThat(LandmarkNormalizer.mirrorFor(Handedness.RIGHT)).isFalse();
    }
}
