package org.signspell.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** Shown in place of the video when there is none: what happened and buttons for what to do next. */
final class FaultPanel extends VBox {

    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label message = new Label();
    private final Button retry;
    private final Button camera;

    FaultPanel(Actions actions) {
        getStyleClass().add("fault-panel");
        setId("fault-panel");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        setMaxSize(560, USE_PREF_SIZE);
        icon.getStyleClass().add("fault-icon");
        title.getStyleClass().addAll(Styles.TITLE_2, "fault-title");
        title.setWrapText(true);
        message.getStyleClass().add("fault-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.setAlignment(Pos.CENTER);
        message.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);

        retry = button("Retry", MaterialDesignR.REFRESH, actions.retry());
        retry.setId("fault-retry");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setDefaultButton(false);
        camera = button("Use a camera", MaterialDesignC.CAMERA, actions.useCamera());
        camera.setId("fault-camera");
        Button file = button("Open video file…", MaterialDesignF.FILE_VIDEO, actions.openFile());
        file.setId("fault-open-file");
        Button folder = button("Open frame folder…", MaterialDesignF.FOLDER_IMAGE, actions.openFolder());
        folder.setId("fault-open-folder");
        HBox buttons = new HBox(10, retry, camera, file, folder);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(icon, title, message, buttons);
    }

    record Actions(Runnable retry, Runnable useCamera, Runnable openFile, Runnable openFolder) {
    }

    void show(Fault fault) {
        title.setText(fault.title());
        message.setText(fault.message());
        icon.setIconCode(iconFor(fault.kind()));
        // "Use a camera" is the other way out of a file fault; for a camera fault, Retry already does it.
        camera.setVisible(!fault.kind().aboutCamera() && fault.kind() != Fault.Kind.MODEL);
        camera.setManaged(camera.isVisible());
    }

    Button retryButton() {
        return retry;
    }

    private static Ikon iconFor(Fault.Kind kind) {
        return switch (kind) {
            case NO_CAMERA, CAMERA_BUSY, CAMERA_LOST -> MaterialDesignC.CAMERA_OFF;
            case UNREADABLE_VIDEO, NOT_FOUND, EMPTY_FOLDER -> MaterialDesignV.VIDEO_OFF;
            case MODEL -> MaterialDesignA.ALERT_CIRCLE;
        };
    }

    private static Button button(String text, Ikon ikon, Runnable action) {
        Button b = new Button(text, new FontIcon(ikon));
        b.setOnAction(e -> action.run());
        return b;
    }
}
