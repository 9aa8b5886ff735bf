package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signspell.engine.FrameResult;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.StageTimings;
import org.signspell.hands.HandResult;
import org.signspell.hands.Handedness;
import org.signspell.hands.Landmarks;
import org.signspell.spelling.HoldProgress;
import org.signspell.spelling.TextBuffer;
import org.signspell.testing.SharedData;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real webcam frame and MediaPipe's own landmarks for it go in through the engine listener, as the engine
 * delivers them; the window must show those pixels (BGR turned into the right colours) with the skeleton on
 * the hand, mirrored or not.
 */
@ExtendWith(ApplicationExtension.class)
class VideoOverlayTest {

    private static final String PHOTO = "photos/t32rahman-webcam/L/60.jpg";

    private MainViewModel vm;
    private Scene scene;
    private Mat bgr;

    @Start
    void start(Stage stage) throws Exception {
        javafx.application.Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        Path home = Files.createTempDirectory("signspell-overlay");
        vm = new MainViewModel((s, t, l) -> {
            throw new IllegalStateException("this test feeds the listener itself");
        }, List::of, new SettingsStore(home.resolve("ui.properties")), new TextBuffer(), Platform::runLater, Runnable::run);
        MainView view = new MainView(vm, () -> { });
        scene = new Scene(view.root(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void release() {
        if (bgr != null) {
            bgr.close();
        }
    }

    @Test
    void frameAndSkeletonLandOnTheHandMirroredAndNot() throws Exception {
        Path photo = SharedData.resolve(PHOTO);
        Landmarks landmarks = referenceLandmarks(PHOTO);
        bgr = imread(photo.toString());
        assertThat(bgr.empty()).isFalse();
        FrameResult result = new FrameResult(0, 0, bgr.cols(), bgr.rows(),
                List.of(new HandResult(landmarks, landmarks, 1f, Handedness.LEFT, 1f)),
                null, RecognitionMode.FRAME, HoldProgress.NONE, null, new StageTimings(0, 0, 0, 0, 0, false));

        for (boolean mirrored : new boolean[] {true, false}) {
            if (vm.mirroredProperty().get() != mirrored) {
                Platform.runLater(vm::toggleMirror);
            }
            // An engine thread delivers the frame, exactly as the engine does.
            Thread engineThread = new Thread(() -> vm.engineListener().frameProcessed(result, bgr));
            engineThread.start();
            engineThread.join();
            WaitForAsyncUtils.waitForFxEvents();

            AtomicReference<Image> shot = new AtomicReference<>();
            AtomicReference<Bounds> picture = new AtomicReference<>();
            WaitForAsyncUtils.asyncFx(() -> {
                Canvas overlay = (Canvas) scene.getRoot().lookup(".video-surface").lookupAll("Canvas").iterator().next();
                picture.set(overlay.localToScene(overlay.getLayoutBounds()));
                shot.set(scene.snapshot(null));
            }).get();
            Bounds r = picture.get();
            assertThat(r.getWidth()).isGreaterThan(300);
            assertThat(r.getWidth() / r.getHeight()).isCloseTo(640.0 / 480, org.assertj.core.data.Offset.offset(0.01));

            // The index finger tip (landmark 8) is drawn in the tip colour, where the hand is.
            Color tip = pixelAt(shot.get(), r, landmarks.x(8), landmarks.y(8), mirrored);
            assertThat(distance(tip, Color.web("#f778ba"))).as("tip colour, mirrored=" + mirrored).isLessThan(0.15);
            // A joint (landmark 6) in the joint colour.
            Color joint = pixelAt(shot.get(), r, landmarks.x(6), landmarks.y(6), mirrored);
            assertThat(distance(joint, Color.web("#2f81f7"))).as("joint colour, mirrored=" + mirrored).isLessThan(0.15);

            // Skin between the bones shows in the photo's own colour (BGR shown as RGB would swap red and blue).
            double fx = 200.0 / 640;
            double fy = 400.0 / 480;
            Color skin = pixelAt(shot.get(), r, fx, fy, mirrored);
            UByteIndexer px = bgr.createIndexer();
            int col = (int) (fx * bgr.cols());
            int row = (int) (fy * bgr.rows());
            Color expected = Color.rgb(px.get(row, col, 2), px.get(row, col, 1), px.get(row, col, 0));
            px.close();
            assertThat(Math.abs(expected.getRed() - expected.getBlue())).as("a point where a swap would show").isGreaterThan(0.08);
            assertThat(distance(skin, expected)).as("skin colour, mirrored=" + mirrored).isLessThan(0.06);
        }
    }

    private static Color pixelAt(Image image, Bounds picture, double nx, double ny, boolean mirrored) {
        double x = picture.getMinX() + (mirrored ? 1 - nx : nx) * picture.getWidth();
        double y = picture.getMinY() + ny * picture.getHeight();
        return image.getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
    }

    private static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    static Landmarks referenceLandmarks(String file) throws Exception {
        JsonNode all = new ObjectMapper().readTree(SharedData.resolve("reference/mediapipe-landmarks.json").toFile());
        for (JsonNode entry : all) {
            if (entry.get("file").asText().equals(file)) {
                JsonNode points = entry.get("hands").get(0).get("landmarks");
                float[] xyz = new float[Landmarks.COUNT * 3];
                for (int i = 0; i < Landmarks.COUNT; i++) {
                    for (int k = 0; k < 3; k++) {
                        xyz[3 * i + k] = (float) points.get(i).get(k).asDouble();
                    }
                }
                return new Landmarks(xyz);
            }
        }
        throw new IllegalStateException("no reference for " + file);
    }
}
