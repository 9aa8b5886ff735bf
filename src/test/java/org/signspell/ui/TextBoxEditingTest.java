package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.InputMethodHighlight;
import javafx.scene.input.InputMethodTextRun;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signspell.spelling.TextAutosave;
import org.signspell.spelling.TextBuffer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The text box's own ways of editing share the buffer's one text and one undo history. */
@ExtendWith(ApplicationExtension.class)
class TextBoxEditingTest {

    @TempDir
    static Path home;

    private Stage stage;
    private MainViewModel vm;
    private TextArea box;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(TextBuffer buffer) throws Exception {
        fx(() -> {
            vm = new MainViewModel((settings, text, listener) -> {
                throw new IllegalStateException("no engine needed");
            }, List::of, new SettingsStore(home.resolve("ui.properties")), buffer, Platform::runLater, Runnable::run);
            MainView view = new MainView(vm, () -> { });
            stage.setScene(new Scene(view.root(), 1200, 760));
            stage.show();
            box = (TextArea) view.root().lookup("#text-area");
            box.requestFocus();
            box.positionCaret(box.getLength());
        });
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static InputMethodEvent inputMethod(String committed, String composed) {
        List<InputMethodTextRun> runs = composed.isEmpty() ? List.of()
                : List.of(new InputMethodTextRun(composed, InputMethodHighlight.UNSELECTED_RAW));
        return new InputMethodEvent(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, runs, committed, composed.length());
    }

    private MenuItem menuItem(String id) {
        return box.getContextMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void oneUndoTakesBackAWordTypedThroughAnInputMethod() throws Exception {
        TextBuffer buffer = new TextBuffer("HI ");
        show(buffer);
        // Korean 한글: each syllable composed jamo by jamo, 한 committed as 글 begins.
        for (String[] step : new String[][] {{"", "\u314e"}, {"", "\ud558"}, {"", "\ud55c"}, {"\ud55c", "\u3131"},
                {"", "\uadf8"}, {"", "\uae00"}, {"\uae00", ""}}) {
            fx(() -> box.fireEvent(inputMethod(step[0], step[1])));
        }
        assertThat(buffer.text()).isEqualTo("HI \ud55c\uae00");
        fx(() -> vm.text().undo());
        assertThat(buffer.text()).isEqualTo("HI ");
        assertThat(box.getText()).isEqualTo("HI ");
    }

    @Test
    void theRightClickMenusUndoIsTheWindowsUndo() throws Exception {
        TextBuffer buffer = new TextBuffer("HI ");
        show(buffer);
        new FxRobot().write("there");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(buffer.text()).isEqualTo("HI there");
        fx(() -> {
            box.getContextMenu().getOnShowing().handle(null);
            menuItem("text-menu-undo").fire();
        });
        assertThat(buffer.text()).isEqualTo("HI ");
        fx(() -> vm.text().undo());
        assertThat(buffer.text()).as("the Undo button goes on back, not forward").isEqualTo("HI ");
        fx(() -> {
            box.getContextMenu().getOnShowing().handle(null);
            assertThat(menuItem("text-menu-redo").isDisable()).isFalse();
            menuItem("text-menu-redo").fire();
        });
        assertThat(buffer.text()).isEqualTo("HI there");
        fx(() -> {
            box.selectRange(3, 8);
            box.getContextMenu().getOnShowing().handle(null);
            menuItem("text-menu-delete").fire();
        });
        assertThat(buffer.text()).isEqualTo("HI ");
    }

    @Test
    void aTextSavedWithWindowsLineEndsIsTheTextShownAndALetterAfterItUndoesInOneStep() throws Exception {
        Path file = home.resolve("crlf/text.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "DEAR CLASS\r\nHELLO", StandardCharsets.UTF_8);
        TextBuffer buffer = new TextAutosave(file, new TextAutosave.Listener() { }).openBuffer();
        show(buffer);
        assertThat(box.getText()).isEqualTo(buffer.text()).isEqualTo("DEAR CLASS\nHELLO");
        Thread engine = new Thread(() -> buffer.append("X"));
        engine.start();
        engine.join();
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> vm.text().undo());
        assertThat(box.getText()).isEqualTo("DEAR CLASS\nHELLO");
        fx(() -> vm.text().redo());
        assertThat(box.getText()).isEqualTo("DEAR CLASS\nHELLOX");
        assertThat(Files.readString(file)).isEqualTo("DEAR CLASS\nHELLOX");
    }
}
