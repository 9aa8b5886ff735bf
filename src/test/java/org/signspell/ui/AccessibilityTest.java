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
import javafx.scene.control.Control;
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
    /** Roles that are nothing without their words: a picture, a measure, a control (an empty text is passed over). */
    private static final Set<AccessibleRole> SAYS_SOMETHING = Set.of(AccessibleRole.IMAGE_VIEW,
            AccessibleRole.PROGRESS_INDICATOR, AccessibleRole.BUTTON, AccessibleRole.TOGGLE_BUTTON,
            AccessibleRole.MENU_BUTTON, AccessibleRole.SLIDER);

    /** The nodes shown under {@code n} as a screen reader meets them: a control whole, its parts not apart (a scroll pane's content is not its part). */
    private static List<Node> exposed(Node n) {
        List<Node> all = new ArrayList<>();
        if (!n.isVisible()) {
            return all;
        }
        all.add(n);
        if (n instanceof Parent p && (!(n instanceof Control) || n instanceof javafx.scene.control.ScrollPane)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                all.addAll(exposed(c));
            }
        }
        return all;
    }

    /** An icon font's glyphs are private-use characters: read out, they are noise. */
    private static boolean privateUse(String s) {
        return s.codePoints().anyMatch(cp -> (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000);
    }

    /** Every node a screen reader meets on its way through the window has words, and none is an icon's glyph. */
    private void assertNothingReadAsNoise() throws Exception {
        for (Node n : exposed(stage.getScene().getRoot())) {
            Object role = attribute(n, AccessibleAttribute.ROLE);
            if (role == null || role == AccessibleRole.NODE || role == AccessibleRole.PARENT) {
                continue;  // left out of what assistive technology is told
            }
            Object text = attribute(n, AccessibleAttribute.TEXT);
            String words = text == null ? "" : text.toString();
            if (SAYS_SOMETHING.contains(role)) {
                assertThat(words).as("words for %s (%s)", n, role).isNotBlank();
            }
            assertThat(privateUse(words)).as("an icon's glyph read out for %s: %s", n, words).isFalse();
        }
    }


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

    @Test
    void theLetterTheVideoAndTheFaultAreSaidInWordsNotIconGlyphs() throws Exception {
        start(new AppOptions(home.resolve("gone.mp4").toString(), null, false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().faultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#fault-panel").isVisible()).isTrue();
        assertNothingReadAsNoise();
        Label letter = robot.from((Node) node("#letter-display")).lookup(".current-letter").query();
        assertThat(attribute(letter, AccessibleAttribute.TEXT)).isEqualTo("No letter read");
        assertThat(attribute(node("#confidence-bar"), AccessibleAttribute.TEXT)).isEqualTo("Confidence");
        Node picture = robot.from((Node) node("#video-pane")).lookup((Node n) -> n instanceof javafx.scene.image.ImageView).query();
        assertThat(attribute(picture, AccessibleAttribute.TEXT)).isEqualTo("Picture from gone.mp4");

        key(KeyCode.F5);
        assertThat(app.viewModel().presenterProperty().get()).isTrue();
        assertNothingReadAsNoise();
    }

    @Test
    void theKeyboardScrollsTheShortcutSheetInASmallWindow() throws Exception {
        start(AppOptions.interactive());
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(560);
        });
        WaitForAsyncUtils.waitForFxEvents();
        key(KeyCode.F1);
        javafx.scene.control.ScrollPane rows = robot.from((Node) node("#shortcut-sheet")).lookup(".scroll-pane").query();
        assertThat(rows.getContent().getBoundsInLocal().getHeight()).as("the list is taller than its window")
                .isGreaterThan(rows.getViewportBounds().getHeight());
        Label last = robot.from(rows.getContent()).lookup((Node n) -> n instanceof Label l && "Quit".equals(l.getText())).query();
        key(KeyCode.PAGE_DOWN);
        assertThat(rows.getVvalue()).isGreaterThan(0);
        key(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds seen = rows.localToScene(rows.getLayoutBounds());
        javafx.geometry.Bounds quit = last.localToScene(last.getLayoutBounds());
        assertThat(quit.getMaxY()).as("the last shortcut in view").isLessThanOrEqualTo(seen.getMaxY() + 0.5);
        assertThat(quit.getMinY()).isGreaterThanOrEqualTo(seen.getMinY() - 0.5);
        key(KeyCode.HOME);
        assertThat(rows.getVvalue()).isEqualTo(0);
        assertThat(node("#shortcut-sheet").isVisible()).as("the sheet is still open: the keys only scrolled").isTrue();
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    @Test
    void aButtonReachedByTabKeepsItsRingWhenASheetOrPresenterViewGivesTheKeyboardBack() throws Exception {
        start(AppOptions.interactive());
        for (int i = 0; i < 40 && !"help".equals(focusOwner().getId()); i++) {
            key(KeyCode.TAB);
        }
        Node help = node("#help");
        assertThat(help.isFocused()).isTrue();
        assertThat(help.getEffect()).as("the ring, reached by Tab").isNotNull();
        key(KeyCode.SPACE);
        assertThat(node("#shortcut-sheet").isVisible()).isTrue();
        key(KeyCode.ESCAPE);
        assertThat(focusOwner()).isSameAs(help);
        assertThat(help.getEffect()).as("the ring, the sheet closed by Esc").isNotNull();
        // Shift+Tab to the presenter button, two back; Space opens presenter view, Esc leaves it.
        key(KeyCode.SHIFT, KeyCode.TAB);
        key(KeyCode.SHIFT, KeyCode.TAB);
        Node presenter = node("#presenter");
        assertThat(focusOwner()).isSameAs(presenter);
        key(KeyCode.SPACE);
        assertThat(app.viewModel().presenterProperty().get()).isTrue();
        key(KeyCode.ESCAPE);
        assertThat(focusOwner()).isSameAs(presenter);
        assertThat(presenter.getEffect()).as("the ring, back from presenter view").isNotNull();
        key(KeyCode.TAB);
        assertThat(presenter.getEffect()).as("gone with the focus").isNull();

        // A click is not the keyboard: no ring after it, nor when the sheet it opened closes.
        robot.clickOn("#help");
        WaitForAsyncUtils.waitForFxEvents();
        key(KeyCode.ESCAPE);
        assertThat(focusOwner()).isSameAs(help);
        assertThat(help.getEffect()).isNull();
    }
}
