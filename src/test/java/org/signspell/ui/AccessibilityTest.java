package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
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

    /** What assistive technology is told, asked as it asks: on the FX thread. */
    private Object attribute(Node n, AccessibleAttribute attribute) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> n.queryAccessibleAttribute(attribute)).get(5, TimeUnit.SECONDS);
    }

    /** The nodes shown under {@code n}, a control's own parts included. */
    private static List<Node> shown(Node n) {
        List<Node> all = new ArrayList<>();
        if (!n.isVisible()) {
            return all;
        }
        all.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                all.addAll(shown(c));
            }
        }
        return all;
    }

    private static final Set<AccessibleRole> NEEDS_A_NAME = Set.of(AccessibleRole.BUTTON, AccessibleRole.TOGGLE_BUTTON,
            AccessibleRole.MENU_BUTTON, AccessibleRole.SLIDER, AccessibleRole.CHECK_BOX, AccessibleRole.RADIO_BUTTON);

    private void assertEveryControlNamed() throws Exception {
        int named = 0;
        for (Node n : shown(stage.getScene().getRoot())) {
            if (NEEDS_A_NAME.contains(attribute(n, AccessibleAttribute.ROLE))) {
                Object text = attribute(n, AccessibleAttribute.TEXT);
                assertThat(text == null ? "" : text.toString()).as("the name a screen reader is given for " + n).isNotBlank();
                named++;
            }
        }
        assertThat(named).isGreaterThan(5);
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

    @Test
    void everyControlGivesAScreenReaderItsNameAndTheGpuItsReason() throws Exception {
        // A source that is not there: the fault panel, with its Other source menu, whether or not a camera exists.
        start(new AppOptions(home.resolve("gone.mp4").toString(), null, false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().faultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#fault-choose-source").isVisible()).isTrue();
        assertEveryControlNamed();
        assertThat(attribute(node("#source-menu"), AccessibleAttribute.TEXT)).isEqualTo("Source: gone.mp4");

        ToggleButton gpu = node("#provider-gpu");
        if (gpu.isDisabled()) {
            assertThat((String) attribute(gpu, AccessibleAttribute.HELP)).startsWith("GPU unavailable: ");
        }

        key(KeyCode.CONTROL, KeyCode.COMMA);
        assertEveryControlNamed();
        // The value as the sheet shows it, not the slider's 0.7.
        assertThat((String) attribute(node("#setting-confidence"), AccessibleAttribute.TEXT)).endsWith(": 70%");
        assertThat((String) attribute(node("#setting-hold"), AccessibleAttribute.TEXT)).endsWith(": 0.40 s");
    }
}
