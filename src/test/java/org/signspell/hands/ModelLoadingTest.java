package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or damaged model stops start-up with a message that names the file and the fix. */
class ModelLoadingTest {

    @Test
    void missingModelNamesTheFileAndMvnPackage() {
        assertThatThrownBy(() -> MediaPipeHandTracker.open(TrackerOptions.defaults(), 1,
                getClass().getClassLoader(), "/no-such-model-folder/"))
                .isInstanceOf(ModelLoadException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("palm_detection_full.tflite")
                .hasMessageContaining("missing")
                .hasMessageContaining("mvn package");
    }

    @Test
    void damagedModelIsReportedAsDamaged(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mediapipe"));
        // A real palm model, and a landmark model cut short as an interrupted download would leave it.
        try (var palm = getClass().getResourceAsStream("/mediapipe/palm_detection_lite.tflite");
             var landmark = getClass().getResourceAsStream("/mediapipe/hand_landmark_lite.tflite")) {
            assertThat(palm).as("the build copies the models into target/classes").isNotNull();
            Files.write(folder.resolve("palm_detection_lite.tflite"), palm.readAllBytes());
            byte[] full = landmark.readAllBytes();
            Files.write(folder.resolve("hand_landmark_lite.tflite"), java.util.Arrays.copyOf(full, full.length / 3));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> MediaPipeHandTracker.open(TrackerOptions.defaults().withModel(ModelVariant.LITE),
                    1, loader, "/mediapipe/"))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("hand_landmark_lite.tflite")
                    .hasMessageContaining("damaged")
                    .hasMessageContaining("mvn package");
        }
    }

    @Test
    void optionsRejectWhatMediaPipeDoesNotSupport() {
        assertThatThrownBy(() -> TrackerOptions.defaults().withMaxHands(3)).hasMessageContaining("1 or 2");
        assertThatThrownBy(() -> TrackerOptions.defaults().withMinDetectionConfidence(1.5f))
                .hasMessageContaining("0..1");
        TrackerOptions options = TrackerOptions.defaults();
        assertThat(options.model()).isEqualTo(ModelVariant.FULL);
        assertThat(options.maxHands()).isEqualTo(1);
        assertThat(options.staticMode()).isFalse();
        assertThat(options.minDetectionConfidence()).isEqualTo(0.5f);
        assertThat(options.minPresenceConfidence()).isEqualTo(0.5f);
    }
}
