package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a keyboard-only user and a screen reader get from the window: contrast from the colours the theme and
 * app.css really give, the words controls expose to assistive technology, and where the keyboard is.
 */
class AccessibilityTest extends AppTestSupport {

    private final FxRobot robot = new FxRobot();

    private void key(KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    /** WCAG 2.x contrast ratio of two opaque colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** A see-through fill as it shows over {@code under}. */
    static Color over(Color fill, Color under) {
        double a = fill.getOpacity();
        return Color.color(fill.getRed() * a + under.getRed() * (1 - a), fill.getGreen() * a + under.getGreen() * (1 - a),
                fill.getBlue() * a + under.getBlue() * (1 - a));
    }

    @Test
    void thePausedBadgeIsReadableOverAnyPictureInBothThemes() throws Exception {
        start(AppOptions.interactive());
        key(KeyCode.F6);
        Label badge = node("#paused-badge");
        assertThat(badge.isVisible()).isTrue();
        for (int theme = 0; theme < 2; theme++) {
            Color words = (Color) badge.getTextFill();
            Color fill = (Color) badge.getBackground().getFills().get(0).getFill();
            // 11 px bold is normal text for WCAG: 4.5:1, over the darkest and the lightest picture.
            for (Color picture : new Color[] {Color.BLACK, Color.WHITE, Color.web("#0d1117")}) {
                assertThat(contrast(words, over(fill, picture))).as("over " + picture).isGreaterThanOrEqualTo(4.5);
            }
            key(KeyCode.F4);
        }
    }
}
