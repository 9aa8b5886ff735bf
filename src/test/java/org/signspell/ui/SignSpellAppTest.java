package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signspell.capture.Cameras;
import org.signspell.engine.RecognitionMode;
import org.signspell.letters.ExecutionProvider;
import org.signspell.spelling.TextAutosave;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app, started as the CLI starts it (real engine, real camera discovery, real autosave), in a
 * private SignSpell home so the user's own text and settings are never touched.
 */
class SignSpellAppTest extends AppTestSupport {

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void launch() throws Exception {
        start(AppOptions.interactive());
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    private static void waitUntil(String what, long seconds, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited " + seconds + " s for: " + what);
        }
    }

    private <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    @Test
    void windowOpensWithVideoLetterTextAndModeToggle() {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("SignSpell");
        assertThat(node("#video-pane").isVisible()).isTrue();
        assertThat(node("#letter-display").isVisible()).isTrue();
        assertThat(node("#text-area").isVisible()).isTrue();
        assertThat(node("#mode-frame").isVisible()).isTrue();
        assertThat(node("#mode-sequence").isVisible()).isTrue();
        assertThat(node("#status-fps").isVisible()).isTrue();
        // Every button has words for a screen reader: its text, or for an icon its tooltip's.
        java.util.Set<javafx.scene.control.ButtonBase> buttons = robot.lookup(
                (Node n) -> n instanceof javafx.scene.control.ButtonBase).queryAllAs(javafx.scene.control.ButtonBase.class);
        assertThat(buttons).hasSizeGreaterThan(15);
        for (javafx.scene.control.ButtonBase b : buttons) {
            boolean named = (b.getText() != null && !b.getText().isBlank())
                    || (b.getAccessibleText() != null && !b.getAccessibleText().isBlank());
            assertThat(named).as("a button with neither text nor accessible text: " + b).isTrue();
        }
    }

    /**
     * A laptop's 1366×768 less task and title bars, the smallest window allowed, and the usual size; and screens
     * smaller than that smallest window at their display scaling, where the app lets the window be as small as the
     * screen: 1920×1080 at 200 % (960×540) and 1366×768 at 150 % (910×512).
     */
    @Test
    void letterTextToolbarAndStatusStayInViewOnSmallScreens() {
        double[][] sizes = {{1326, 688}, {1000, 560}, {1360, 860}, {960, 540}, {910, 512}, {853, 533}};
        for (double[] size : sizes) {
            robot.interact(() -> {
                // As SignSpellApp sets it on a screen this size (Monocle's headless screen is 1280×800).
                stage.setMinWidth(Math.min(1000, size[0]));
                stage.setMinHeight(Math.min(560, size[1]));
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Scene scene = stage.getScene();
            robot.press(KeyCode.F1).release(KeyCode.F1);
            WaitForAsyncUtils.waitForFxEvents();
            Node close = robot.lookup("#shortcut-sheet .button").query();
            javafx.geometry.Bounds closeBounds = close.localToScene(close.getBoundsInLocal());
            assertThat(closeBounds.getMaxY()).as("the shortcut sheet's Close button in view").isLessThanOrEqualTo(scene.getHeight());
            assertThat(robot.lookup("#shortcut-sheet .label").queryAs(Label.class).localToScene(0, 0).getY())
                    .as("its title in view").isGreaterThanOrEqualTo(0);
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            String at = " at " + scene.getWidth() + "×" + scene.getHeight();
            // The settings sheet too: its sliders and its Apply button within the window.
            robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : new String[] {"#setting-confidence", "#settings-defaults", "#settings-apply"}) {
                Node n = node(id);
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                assertThat(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth()
                        && b.getMaxY() <= scene.getHeight()).as(id + at + " " + b).isTrue();
            }
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            // Under 900 wide (1280×800 at 150 %) the brand gives way; the window's title says it.
            assertThat(node("#brand").isVisible()).as("#brand" + at).isEqualTo(scene.getWidth() >= MainView.NO_BRAND_WIDTH);
            for (String id : new String[] {"#pause-writing", "#space", "#copy", "#backspace", "#undo", "#clear"}) {
                // Whole words or the icon alone (its tooltip says the rest), never words cut to "Sp…".
                javafx.scene.control.ButtonBase b = robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class);
                if (b.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
                    assertThat(b.getTooltip()).as(id + at + ": the icon alone, with a tooltip").isNotNull();
                } else {
                    assertThat(((javafx.scene.text.Text) b.lookup(".text")).getText()).as(id + at).isEqualTo(b.getText());
                }
            }
            for (String id : new String[] {"#letter-display", "#text-area", "#source-menu", "#mode-sequence",
                    "#provider-gpu-wrapper", "#help", "#status-source", "#status-provider", "#clear"}) {
                Node n = node(id);
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                assertThat(n.isVisible()).as(id).isTrue();
                assertThat(b.getMinX()).as(id + " at " + scene.getWidth() + "×" + scene.getHeight()).isGreaterThanOrEqualTo(0);
                assertThat(b.getMinY()).as(id + " at " + scene.getWidth() + "×" + scene.getHeight()).isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as(id + " at " + scene.getWidth() + "×" + scene.getHeight())
                        .isLessThanOrEqualTo(scene.getWidth());
                assertThat(b.getMaxY()).as(id + " at " + scene.getWidth() + "×" + scene.getHeight())
                        .isLessThanOrEqualTo(scene.getHeight());
            }
        }
    }

    @Test
    void theSettingsSheetKeepsWholePercentsAnEditLeftForTheShortcutSheetAndAppliesThem() {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Slider confidence = robot.lookup("#setting-confidence").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> confidence.setValue(0.573076923076923));
        assertThat(confidence.getValue()).as("as its label shows it").isEqualTo(0.57);
        assertThat(robot.lookup("#settings-defaults").queryAs(javafx.scene.control.Button.class).getText())
                .isEqualTo("Defaults (70%, 0.40 s)");
        // F1 in the sheet, to look something up: closing the shortcuts goes back to the settings, edit and all.
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-confidence").tryQuery()).isEmpty();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-confidence").queryAs(javafx.scene.control.Slider.class).getValue()).isEqualTo(0.57);
        robot.clickOn("#settings-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().settingsProperty().get().commitConfidence()).isEqualTo(0.57);
        // Cancelled (Esc), an edit is gone the next time.
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#setting-confidence").queryAs(javafx.scene.control.Slider.class).setValue(0.8));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-confidence").queryAs(javafx.scene.control.Slider.class).getValue()).isEqualTo(0.57);
        // And an edit left for F1 whose sheets were then closed altogether is gone too.
        robot.interact(() -> robot.lookup("#setting-confidence").queryAs(javafx.scene.control.Slider.class).setValue(0.8));
        robot.press(KeyCode.F1).release(KeyCode.F1);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-confidence").tryQuery()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setting-confidence").queryAs(javafx.scene.control.Slider.class).getValue()).isEqualTo(0.57);
    }

    @Test
    void aWrittenLetterLightsTheWholeRingForAMoment() throws Exception {
        javafx.css.PseudoClass written = javafx.css.PseudoClass.getPseudoClass("written");
        vm().engineListener().committed(new org.signspell.spelling.CommitEvent(
                org.signspell.spelling.CommitEvent.Kind.AUTO_SPACE, null, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#letter-display").getPseudoClassStates()).as("a space is seen in the text").doesNotContain(written);
        vm().engineListener().committed(new org.signspell.spelling.CommitEvent(
                org.signspell.spelling.CommitEvent.Kind.LETTER, org.signspell.letters.LetterClass.H, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#letter-display").getPseudoClassStates()).contains(written);
        waitUntil("the ring back to its track", 5, () -> !node("#letter-display").getPseudoClassStates().contains(written));
    }

    @Test
    void aDamagedVideoOffersAnotherFileFirstAndNoRetry() throws Exception {
        robot.interact(() -> vm().openSource(org.signspell.fixtures.WordFixtures.randomBytesVideo().toString()));
        waitUntil("the damaged video's panel", 30, () -> vm().faultProperty().get() != null
                && vm().faultProperty().get().kind() == Fault.Kind.UNREADABLE_VIDEO);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fault-panel .fault-title").queryAs(Label.class).getText()).isEqualTo("This video cannot be read");
        assertThat(node("#fault-retry").isVisible()).as("it would read the same again").isFalse();
        assertThat(node("#fault-open-file").getStyleClass()).contains(atlantafx.base.theme.Styles.ACCENT);
        assertThat(node("#fault-open-file").isFocused()).isTrue();
        assertThat(node("#fault-retry").getStyleClass()).doesNotContain(atlantafx.base.theme.Styles.ACCENT);

        // In presenter view the panel is read from the front of a room: larger, and still whole in its card.
        double deskTitle = robot.lookup("#fault-panel .fault-title").queryAs(Label.class).getFont().getSize();
        double deskMessage = robot.lookup("#fault-panel .fault-message").queryAs(Label.class).getFont().getSize();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().presenterProperty().get()).isTrue();
        for (double[] size : new double[][] {{1280, 720}, {1024, 768}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            String at = " at " + size[0] + "×" + size[1];
            Label title = robot.lookup("#fault-panel .fault-title").queryAs(Label.class);
            Label message = robot.lookup("#fault-panel .fault-message").queryAs(Label.class);
            assertThat(title.getFont().getSize()).as("title" + at).isGreaterThan(deskTitle);
            assertThat(message.getFont().getSize()).as("message" + at).isGreaterThan(deskMessage);
            assertThat(message.getHeight()).as("the message whole" + at)
                    .isGreaterThanOrEqualTo(message.prefHeight(message.getWidth()) - 0.5);
            Node card = node("#video-pane");
            javafx.geometry.Bounds cardBounds = card.localToScene(card.getBoundsInLocal());
            for (String id : new String[] {"#fault-panel", "#fault-choose-source", "#fault-open-file", "#fault-open-folder"}) {
                Node n = node(id);
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                assertThat(cardBounds.contains(b)).as(id + at + " " + b + " inside the video card " + cardBounds).isTrue();
            }
            assertFaultButtonsInRowsOrOneColumn(at);
        }
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().presenterProperty().get()).isFalse();
    }

    /**
     * The fault panel's buttons in one row, or the source buttons above the file buttons, or one a row all as
     * wide: never one left alone under a full row.
     */
    private void assertFaultButtonsInRowsOrOneColumn(String at) {
        String[][] groups = {{"#fault-retry", "#fault-choose-source"}, {"#fault-open-file", "#fault-open-folder"}};
        java.util.List<java.util.List<javafx.geometry.Bounds>> shown = new java.util.ArrayList<>();
        for (String[] group : groups) {
            java.util.List<javafx.geometry.Bounds> bounds = new java.util.ArrayList<>();
            for (String id : group) {
                Node n = node(id);
                if (n.isVisible()) {
                    bounds.add(n.localToScene(n.getBoundsInLocal()));
                }
            }
            shown.add(bounds);
        }
        java.util.List<javafx.geometry.Bounds> all = shown.stream().flatMap(java.util.List::stream).toList();
        String where = at + ": " + all;
        long rows = all.stream().mapToDouble(b -> Math.round(b.getMinY())).distinct().count();
        if (rows == all.size()) {
            for (javafx.geometry.Bounds b : all) {
                assertThat(b.getWidth()).as("one a row, all as wide" + where).isCloseTo(all.get(0).getWidth(), within(0.5));
            }
            return;
        }
        for (java.util.List<javafx.geometry.Bounds> group : shown) {
            for (javafx.geometry.Bounds b : group) {
                assertThat(b.getMinY()).as("a group's buttons side by side" + where).isCloseTo(group.get(0).getMinY(), within(0.5));
            }
        }
    }

    @Test
    void noCameraPanelAppearsWhenNoCameraExists() throws Exception {
        assumeTrue(Cameras.list().isEmpty(), "this machine has a camera; the no-camera condition cannot be real here");
        waitUntil("the no-camera panel", 30, () -> vm().faultProperty().get() != null);
        assertThat(vm().faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#fault-panel").isVisible()).isTrue();
        assertThat(robot.lookup("#fault-panel .fault-title").queryAs(Label.class).getText()).isEqualTo("No camera found");
        assertThat(robot.lookup("#hold-caption").queryAs(Label.class).getText()).as("no picture: not the hand's fault")
                .isEqualTo("–");
        for (String button : new String[] {"#fault-retry", "#fault-choose-source", "#fault-open-file", "#fault-open-folder"}) {
            assertThat(node(button).isVisible()).as(button).isTrue();
        }
        // Retry looks again, off the FX thread, and lands on the same honest answer.
        robot.clickOn("#fault-retry");
        waitUntil("the no-camera panel after Retry", 30, () -> vm().faultProperty().get() != null);
        assertThat(vm().faultProperty().get().kind()).isEqualTo(Fault.Kind.NO_CAMERA);

        // In the smallest window the panel, its message and its buttons stay inside the video card.
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(560);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node card = node("#video-pane");
        javafx.geometry.Bounds cardBounds = card.localToScene(card.getBoundsInLocal());
        for (String id : new String[] {"#fault-panel", "#fault-retry", "#fault-choose-source", "#fault-open-file",
                "#fault-open-folder"}) {
            Node n = node(id);
            javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(cardBounds.contains(b)).as(id + " " + b + " inside the video card " + cardBounds).isTrue();
        }
        assertFaultButtonsInRowsOrOneColumn(" at 1000×560");
        Label message = robot.lookup("#fault-panel .fault-message").queryAs(Label.class);
        assertThat(message.getHeight()).as("the message whole, wrapped, not cut to \"…\"")
                .isGreaterThanOrEqualTo(message.prefHeight(message.getWidth()) - 0.5);
        assertThat(card.localToScene(card.getBoundsInLocal()).getMaxY()).as("the video card within the window")
                .isLessThanOrEqualTo(stage.getScene().getHeight());
    }

    @Test
    void modeShortcutSwitchesTheEnginesMode() throws Exception {
        waitUntil("the engine", 60, () -> vm().engine() != null || vm().faultProperty().get() != null);
        assertThat(vm().engine()).as("engine built; fault: " + vm().faultProperty().get()).isNotNull();
        RecognitionMode before = vm().modeProperty().get();
        robot.press(KeyCode.F2).release(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        RecognitionMode after = before.toggled();
        assertThat(vm().modeProperty().get()).isEqualTo(after);
        assertThat(vm().engine().mode()).isEqualTo(after);
        assertThat(robot.lookup(after == RecognitionMode.SEQUENCE ? "#mode-sequence" : "#mode-frame")
                .queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().engine().mode()).isEqualTo(before);
        robot.clickOn(before == RecognitionMode.SEQUENCE ? "#mode-frame" : "#mode-sequence");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().engine().mode()).isEqualTo(after);
    }

    @Test
    void gpuChoiceIsDisabledWithTheEnginesReasonWhereCudaCannotRun() throws Exception {
        waitUntil("the engine", 60, () -> vm().engine() != null || vm().faultProperty().get() != null);
        assertThat(vm().engine()).isNotNull();
        WaitForAsyncUtils.waitForFxEvents();
        Optional<String> reason = vm().engine().gpuUnavailableReason();
        assumeTrue(reason.isPresent(), "CUDA may run here: nothing to refuse before it is tried");
        // Greyed out from the start, with the reason, before anyone clicks it in vain.
        assertThat(node("#provider-gpu").isDisabled()).isTrue();
        assertThat(robot.lookup("#provider-cpu").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(vm().gpuUnavailableReasonProperty().get()).isEqualTo(reason.get());
        Tooltip tip = (Tooltip) node("#provider-gpu-wrapper").getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tip.getText()).isEqualTo("GPU unavailable: " + reason.get());
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().requestedProviderProperty().get()).as("Ctrl+G is refused too").isEqualTo(ExecutionProvider.CPU);
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).as("and says why")
                .isEqualTo("GPU unavailable: " + reason.get());
        assertThat(robot.lookup("#status-provider").queryAs(Label.class).getText()).contains("CPU");
    }

    @Test
    void keyboardShortcutsWork() throws Exception {
        TextArea text = node("#text-area");
        robot.clickOn(text).write("HELP");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().text().getText()).isEqualTo("HELP");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.BACK_SPACE)
                .release(KeyCode.BACK_SPACE, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("HEL");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("HEL");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("HELP");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).as("HELP typed is one step").isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("HELP");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("HEL");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("HEL");

        boolean mirrored = vm().mirroredProperty().get();
        robot.press(KeyCode.F3).release(KeyCode.F3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().mirroredProperty().get()).isEqualTo(!mirrored);

        Theme theme = vm().themeProperty().get();
        robot.press(KeyCode.F4).release(KeyCode.F4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().themeProperty().get()).isEqualTo(theme.toggled());

        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hand-left").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn(text);
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcut-sheet").tryQuery()).isPresent();
        // The sheet holds the keyboard: nothing behind it is reached by Tab or changed by a shortcut.
        Node sheet = node("#shortcut-sheet");
        assertThat(node("#provider-gpu").getOpacity() < 1 == node("#provider-gpu").isDisabled())
                .as("behind the sheet, a button shows whether it can be used, as ever").isTrue();
        for (int i = 0; i < 6; i++) {
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node focused = text.getScene().getFocusOwner();
            assertThat(focused == null || isInside(focused, sheet)).as("Tab %d reached %s behind the sheet", i, focused)
                    .isTrue();
        }
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).as("Ctrl+L does not clear the text behind the sheet").isEqualTo("HEL");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcut-sheet").tryQuery()).isEmpty();
        assertThat(text.isFocused()).as("the text has the keyboard back").isTrue();

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().presenterProperty().get()).isTrue();
        assertThat(robot.lookup("#presenter-layout").tryQuery()).isPresent();
        assertThat(robot.lookup("#presenter-text").queryAs(Text.class).getText()).isEqualTo("HEL");
        // A long text shows its end, on two lines, and pushes nothing off the screen.
        String longText = "THE DOG AND THE CAT PLAY IN THE PARK ALL DAY AND AT NIGHT THEY BOTH ARE TIRED AND LIE"
                + " DOWN IN THE GRASS TOGETHER AS FRIENDS";
        robot.interact(() -> vm().text().edit(longText));
        WaitForAsyncUtils.waitForFxEvents();
        Text shown = robot.lookup("#presenter-text").queryAs(Text.class);
        assertThat(shown.getText()).startsWith("…").endsWith("AS FRIENDS");
        // On a 1280×800 screen (Monocle's headless screen), a 1280×720 projector and a 1024×768 one: two lines, the header,
        // the ring and the text all within the screen.
        for (double[] size : new double[][] {{1280, 800}, {1280, 720}, {1024, 768}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            double sceneHeight = shown.getScene().getHeight();
            String at = " at " + size[0] + "×" + size[1];
            assertThat(shown.getLayoutBounds().getHeight()).as("two lines" + at)
                    .isLessThan(3 * shown.getFont().getSize() * 1.1);
            for (String id : new String[] {"#presenter-text", ".presenter-hint", ".presenter-mode", "#presenter-letter"}) {
                Node n = robot.lookup(id).query();
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                assertThat(b.getMinY()).as(id + at).isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxY()).as(id + at).isLessThanOrEqualTo(sceneHeight);
            }
        }
        robot.interact(() -> vm().text().edit("HEL"));
        WaitForAsyncUtils.waitForFxEvents();
        double oneLine = robot.lookup(".presenter-text-row").queryAs(javafx.scene.layout.Region.class).getHeight();
        Node cursor = robot.lookup(".presenter-cursor").query();
        double cursorY = cursor.localToScene(cursor.getBoundsInLocal()).getMinY();
        robot.interact(() -> vm().text().edit(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".presenter-text-row").queryAs(javafx.scene.layout.Region.class).getHeight())
                .as("no text is as tall as one line: the ring does not jump").isEqualTo(oneLine);
        assertThat(cursor.localToScene(cursor.getBoundsInLocal()).getMinY())
                .as("the cursor of an empty text stands on the line the letters come on").isEqualTo(cursorY);
        Node presenterText = robot.lookup("#presenter-text").query();
        assertThat((String) presenterText.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT))
                .as("what a screen reader reads for no text").isBlank();
        javafx.geometry.Bounds emptyCursor = cursor.localToScene(cursor.getBoundsInLocal());
        Node row = robot.lookup(".presenter-text-row").query();
        assertThat(emptyCursor.getMinX() - row.localToScene(row.getBoundsInLocal()).getMinX())
                .as("at the start of the line, where the first letter goes").isLessThan(80);
        robot.interact(() -> vm().text().edit("HEL"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().presenterProperty().get()).isFalse();
        assertThat(robot.lookup("#presenter-layout").tryQuery()).isEmpty();
    }

    @Test
    void copyPutsTheTextOnTheClipboardAndCopyingNothingLeavesTheClipboardAlone() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent mine = new ClipboardContent();
            mine.putString("the user's own clipboard");
            Clipboard.getSystemClipboard().setContent(mine);
        }).get();
        for (String id : new String[] {"#copy", "#backspace", "#clear"}) {
            assertThat(node(id).isDisabled()).as(id + " with no text").isTrue();
        }
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#toast").isVisible()).isTrue();
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("Nothing to copy yet");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo("the user's own clipboard");

        robot.clickOn("#text-area").write("HI");
        assertThat(node("#clear").isDisabled()).isFalse();
        robot.clickOn("#copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("Text copied");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get()).isEqualTo("HI");
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theTextKeepsTheUsersSelectionTabLeavesItAndPresenterViewGivesTheKeyboardBack() throws Exception {
        TextArea text = node("#text-area");
        robot.clickOn(text).write("DEAR CLASS");
        robot.interact(() -> text.selectRange(5, 10));
        // A letter written meanwhile (the engine's thread) leaves the selection as it was.
        Thread engine = new Thread(() -> vm().text().buffer().append("X"));
        engine.start();
        engine.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("DEAR CLASSX");
        assertThat(text.getSelection()).isEqualTo(new javafx.scene.control.IndexRange(5, 10));
        robot.write("PUPILS");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().text().getText()).as("typing replaces the selection").isEqualTo("DEAR PUPILSX");
        // Text put in before the selection (an undo, say) moves it along with its characters.
        robot.interact(() -> text.selectRange(5, 11));
        Thread before = new Thread(() -> vm().text().buffer().insert(0, "HI "));
        before.start();
        before.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getSelectedText()).isEqualTo("PUPILS");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.isFocused()).as("back from presenter view, the keyboard is in the text again").isTrue();

        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().text().getText()).as("no tab typed").isEqualTo("HI DEAR PUPILSX");
        assertThat(text.isFocused()).as("Tab moved on").isFalse();
        Node focused = text.getScene().getFocusOwner();
        assertThat(focused.getEffect()).as("a ring shows where the keyboard went: " + focused).isNotNull();
    }

    @Test
    void ctrlBackspaceInTheTextDeletesTheWordBeforeTheCursorNotTheEnd() throws Exception {
        TextArea text = node("#text-area");
        robot.clickOn(text).write("HELLO WORLD");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> text.positionCaret(6));  // after "HELLO "
        robot.press(KeyCode.CONTROL, KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo("WORLD");
        assertThat(vm().text().getText()).isEqualTo("WORLD");
    }

    @Test
    void spaceAndPauseWritingHaveButtonsAndKeys() throws Exception {
        waitUntil("the engine", 60, () -> vm().engine() != null || vm().faultProperty().get() != null);
        assertThat(vm().engine()).as("engine built; fault: " + vm().faultProperty().get()).isNotNull();
        robot.clickOn("#text-area").write("HI");
        robot.clickOn("#space");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().text().getText()).isEqualTo("HI ");
        // The click leaves the keyboard in the text: typing goes on there, and the space bar is no button press.
        robot.write("Y");
        robot.clickOn("#backspace");
        robot.write(" ");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().text().getText()).isEqualTo("HI  ");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.BACK_SPACE)
                .release(KeyCode.BACK_SPACE, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().text().getText()).isEqualTo("HI ");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().text().getText()).isEqualTo("HI  ");

        assertThat(vm().engine().isWriting()).isTrue();
        assertThat(node("#paused-badge").isVisible()).isFalse();
        robot.press(KeyCode.F6).release(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().writingPausedProperty().get()).isTrue();
        assertThat(vm().engine().isWriting()).isFalse();
        assertThat(node("#paused-badge").isVisible()).isTrue();
        assertThat(robot.lookup("#pause-writing").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#hold-caption").queryAs(Label.class).getText()).startsWith("Writing paused");
        robot.clickOn("#pause-writing");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().engine().isWriting()).isTrue();
        assertThat(node("#paused-badge").isVisible()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().engine().isWriting()).isFalse();
        assertThat(vm().text().getText()).as("pausing never touches the text").isEqualTo("HI  ");

        // In the presenter view, where a teacher needs it most, F6 works and the room can see the state.
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".presenter-mode").queryAs(Label.class).getText()).endsWith("· writing paused");
        robot.press(KeyCode.F6).release(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().engine().isWriting()).isTrue();
        assertThat(robot.lookup(".presenter-mode").queryAs(Label.class).getText()).doesNotContain("paused");
    }

    @Test
    void textSurvivesARestart() throws Exception {
        robot.clickOn("#text-area").write("SEE YOU");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(home.resolve(TextAutosave.FILE_NAME))).isEqualTo("SEE YOU");

        FxToolkit.cleanupApplication(app);
        app = null;
        start(AppOptions.interactive());
        assertThat(robot.lookup("#text-area").queryAs(TextArea.class).getText()).isEqualTo("SEE YOU");
        assertThat(vm().text().getText()).isEqualTo("SEE YOU");
    }
}
