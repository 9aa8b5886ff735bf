package org.signspell.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** Shown in place of the video when there is none: what happened and buttons for what to do next. */
final class FaultPanel extends VBox {

    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label message = new Label();
    private final Button retry;
    private final Button file;
    private final MenuButton otherSource;

    FaultPanel(Actions actions) {
        getStyleClass().add("fault-panel");
        setId("fault-panel");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        setMaxSize(760, USE_PREF_SIZE);
        icon.getStyleClass().add("fault-icon");
        // An icon font's glyph is a private-use character a screen reader reads as noise; the title says it all.
        icon.setAccessibleRole(javafx.scene.AccessibleRole.NODE);
        title.getStyleClass().addAll(Styles.TITLE_2, "fault-title");
        title.setWrapText(true);
        title.setTextAlignment(TextAlignment.CENTER);
        message.getStyleClass().add("fault-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.setAlignment(Pos.CENTER);
        message.setTextAlignment(TextAlignment.CENTER);

        retry = button("Retry", MaterialDesignR.REFRESH, actions.retry());
        retry.setId("fault-retry");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setDefaultButton(false);
        otherSource = new MenuButton("Other source", new FontIcon(MaterialDesignC.CAMERA_SWITCH));
        otherSource.setId("fault-choose-source");
        // A MenuButton's skin gives assistive technology no name from its text (JavaFX 21).
        otherSource.setAccessibleText(otherSource.getText());
        otherSource.setOnShowing(e -> actions.fillSources().accept(otherSource));
        actions.fillSources().accept(otherSource);
        file = button("Open video file…", MaterialDesignF.FILE_VIDEO, actions.openFile());
        file.setId("fault-open-file");
        Button folder = button("Open frame folder…", MaterialDesignF.FOLDER_IMAGE, actions.openFolder());
        folder.setId("fault-open-folder");
        ButtonRows buttons = new ButtonRows(10, List.of(List.of(retry, otherSource), List.of(file, folder)));
        buttons.getChildren().forEach(b -> ((Control) b).setMinWidth(USE_PREF_SIZE));
        buttons.setId("fault-buttons");
        message.setMinHeight(USE_PREF_SIZE);
        setMinWidth(0);
        getChildren().addAll(icon, title, message, buttons);
    }

    /** @param fillSources fills a menu with the sources on offer (each camera, files), as the toolbar does */
    record Actions(Runnable retry, java.util.function.Consumer<MenuButton> fillSources, Runnable openFile, Runnable openFolder) {
    }

    void show(Fault fault) {
        title.setText(fault.title());
        message.setText(fault.message());
        icon.setIconCode(iconFor(fault.kind()));
        // With the models missing no source can help; every other fault can be left for another source.
        otherSource.setVisible(fault.kind() != Fault.Kind.MODEL && fault.kind() != Fault.Kind.RECOGNITION);
        otherSource.setManaged(otherSource.isVisible());
        // A damaged or cut-off file reads the same the next time (and a cut one would write its letters again):
        // the way on is another file, so that is the button offered first, and Retry goes.
        boolean anotherFile = fault.kind() == Fault.Kind.UNREADABLE_VIDEO;
        retry.setVisible(!anotherFile);
        retry.setManaged(!anotherFile);
        swapAccent(anotherFile ? file : retry, anotherFile ? retry : file);
    }

    private static void swapAccent(Button to, Button from) {
        from.getStyleClass().remove(Styles.ACCENT);
        if (!to.getStyleClass().contains(Styles.ACCENT)) {
            to.getStyleClass().add(Styles.ACCENT);
        }
    }

    /** The button to put the keyboard on when the panel appears: what it offers first. */
    Button firstButton() {
        return retry.isVisible() ? retry : file;
    }

    private static Ikon iconFor(Fault.Kind kind) {
        return switch (kind) {
            case NO_CAMERA, CAMERA_BUSY, CAMERA_LOST -> MaterialDesignC.CAMERA_OFF;
            case UNREADABLE_VIDEO, NOT_FOUND, EMPTY_FOLDER -> MaterialDesignV.VIDEO_OFF;
            case UNREADABLE_IMAGE -> MaterialDesignI.IMAGE_OFF_OUTLINE;
            case SOURCE_FAILED, MODEL, RECOGNITION -> MaterialDesignA.ALERT_CIRCLE;
        };
    }

    private static Button button(String text, Ikon ikon, Runnable action) {
        Button b = new Button(text, new FontIcon(ikon));
        b.setOnAction(e -> action.run());
        return b;
    }
}
