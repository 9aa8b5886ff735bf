package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code --screenshot} on a screen at 125 %, 150 % or 200 %: the picture has the screen's pixels, not the
 * layout's units (Monocle's headless screen is at 100 %, so the scale is handed in as the window would report it).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotPixelsTest {

    private Scene scene;

    @Start
    void start(Stage stage) {
        // A black bar two units wide at x = 100: at 200 % it must cover device columns 200 to 203, edge to edge.
        Rectangle bar = new Rectangle(100, 0, 2, 100);
        bar.setFill(Color.BLACK);
        Pane root = new Pane(bar);
        root.setStyle("-fx-background-color: white;");
        // In no window: the primary stage comes from the tests before with the app's minimum size on it.
        scene = new Scene(root, 200, 100);
    }

    private WritableImage shot(FxRobot robot, double scale) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(SignSpellApp.screenPixels(scene, scale, scale)));
        return image.get();
    }

    @Test
    void theWindowAtTwoHundredPercentIsTwiceItsLayoutSizeWithSharpEdges(FxRobot robot) {
        WritableImage image = shot(robot, 2);
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(200);
        PixelReader px = image.getPixelReader();
        assertThat(px.getColor(199, 50)).isEqualTo(Color.WHITE);
        assertThat(px.getColor(200, 50)).isEqualTo(Color.BLACK);
        assertThat(px.getColor(203, 50)).isEqualTo(Color.BLACK);
        assertThat(px.getColor(204, 50)).isEqualTo(Color.WHITE);
    }

    @Test
    void fractionalScalesRoundTheSizeUpAndAHundredPercentIsTheLayoutSize(FxRobot robot) {
        WritableImage at125 = shot(robot, 1.25);
        assertThat(at125.getWidth()).isEqualTo(250);
        assertThat(at125.getHeight()).isEqualTo(125);
        WritableImage at150 = shot(robot, 1.5);
        assertThat(at150.getWidth()).isEqualTo(300);
        assertThat(at150.getHeight()).isEqualTo(150);
        WritableImage at100 = shot(robot, 1);
        assertThat(at100.getWidth()).isEqualTo(200);
        assertThat(at100.getHeight()).isEqualTo(100);
        assertThat(at100.getPixelReader().getColor(100, 50)).isEqualTo(Color.BLACK);
        assertThat(at100.getPixelReader().getColor(102, 50)).isEqualTo(Color.WHITE);
    }

    @Test
    void aWindowSizedInDevicePixelsGivesAPictureOfExactlyThosePixels(FxRobot robot) {
        // A window's scene is its device pixels divided by the scale, in float (Glass): 1366 × 713 at 150 % is
        // 910.66669 × 475.33334, which times 1.5 comes back a hair over 1366 and 713.
        Pane root = new Pane();
        root.setStyle("-fx-background-color: black;");
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            Scene window = new Scene(root, 1366 / 1.5f, 713 / 1.5f, Color.WHITE);
            image.set(SignSpellApp.screenPixels(window, 1.5, 1.5));
        });
        assertThat(image.get().getWidth()).isEqualTo(1366);
        assertThat(image.get().getHeight()).isEqualTo(713);
        assertThat(image.get().getPixelReader().getColor(1365, 712)).as("the last pixel is the window's").isEqualTo(Color.BLACK);
    }
}
