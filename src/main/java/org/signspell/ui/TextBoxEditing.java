package org.signspell.ui;

import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.InputMethodEvent;

/**
 * The text box's own ways of editing, passed to the text buffer so that there is one text and one undo history:
 * keys typed, an input method's words, and the right-click menu (whose Undo and Redo, left as JavaFX makes them,
 * kept a second history of the box's own: Undo there, then the Undo button, brought the word back).
 */
final class TextBoxEditing {

    private final TextArea box;
    private final TextBufferModel text;
    /** True while the box handles an input method's event, whose text changes are one word in the making. */
    private boolean inputMethodEditing;

    private TextBoxEditing(TextArea box, TextBufferModel text) {
        this.box = box;
        this.text = text;
    }

    static void attach(TextArea box, TextBufferModel text) {
        new TextBoxEditing(box, text).attach();
    }

    private void attach() {
        box.textProperty().addListener((obs, old, t) -> {
            if (!t.equals(text.getText())) {
                if (inputMethodEditing) {
                    text.editComposed(t);
                } else {
                    text.edit(t);
                }
            }
        });
        // Korean, Japanese, Chinese: the box changes its text in steps ("k", "ka", then "か") as it handles the
        // event; the filter runs first, and the flag is down again once this event is through.
        box.addEventFilter(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, e -> {
            inputMethodEditing = true;
            Platform.runLater(() -> inputMethodEditing = false);
        });
        box.setContextMenu(contextMenu());
    }

    private ContextMenu contextMenu() {
        MenuItem undo = item("Undo", "text-menu-undo", text::undo);
        MenuItem redo = item("Redo", "text-menu-redo", text::redo);
        MenuItem cut = item("Cut", "text-menu-cut", box::cut);
        MenuItem copy = item("Copy", "text-menu-copy", box::copy);
        MenuItem paste = item("Paste", "text-menu-paste", box::paste);
        MenuItem delete = item("Delete", "text-menu-delete", () -> box.deleteText(box.getSelection()));
        MenuItem selectAll = item("Select All", "text-menu-select-all", box::selectAll);
        // No accelerators on these items: JavaFX would put them in the scene, beside the window's own Ctrl+Z.
        ContextMenu menu = new ContextMenu(undo, redo, new SeparatorMenuItem(), cut, copy, paste, delete,
                new SeparatorMenuItem(), selectAll);
        menu.setOnShowing(e -> {
            boolean selected = box.getSelection().getLength() > 0;
            undo.setDisable(!text.canUndoProperty().get());
            redo.setDisable(!text.canRedoProperty().get());
            cut.setDisable(!selected || !box.isEditable());
            copy.setDisable(!selected);
            delete.setDisable(!selected || !box.isEditable());
            paste.setDisable(!box.isEditable() || !Clipboard.getSystemClipboard().hasString());
            selectAll.setDisable(box.getLength() == 0);
        });
        return menu;
    }

    private static MenuItem item(String name, String id, Runnable action) {
        MenuItem item = new MenuItem(name);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
