package org.signspell.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;
import org.signspell.spelling.HoldProgress;

/**
 * The current letter, large, inside a ring that fills while that letter is held toward being written. The ring
 * fills only for the letter shown: while the model's top answer is another (a misread frame the hold forgives, or a
 * hold toward writing a letter again while the hand moves on), the ring is empty rather than filling around it.
 */
final class LetterDisplay extends StackPane {

    private static final javafx.css.PseudoClass WRITTEN = javafx.css.PseudoClass.getPseudoClass("written");

    private final Label letter = new Label("–");
    private final javafx.animation.PauseTransition writtenTimer =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(600));
    private final Arc progress;
    private final double diameter;
    private final org.kordamp.ikonli.javafx.FontIcon waitingIcon =
            new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignH.HAND_WAVE_OUTLINE);

    LetterDisplay(double diameter, ReadOnlyObjectProperty<Prediction> prediction,
                  ReadOnlyObjectProperty<HoldProgress> hold) {
        getStyleClass().add("letter-display");
        double radius = diameter / 2;
        double stroke = Math.max(6, diameter / 22);
        Circle track = new Circle(radius - stroke / 2);
        track.getStyleClass().add("hold-track");
        track.setFill(null);
        track.setStrokeWidth(stroke);
        progress = new Arc(0, 0, radius - stroke / 2, radius - stroke / 2, 90, 0);
        progress.getStyleClass().add("hold-ring");
        progress.setType(ArcType.OPEN);
        progress.setFill(null);
        progress.setStrokeWidth(stroke);
        progress.setStrokeLineCap(StrokeLineCap.ROUND);
        letter.getStyleClass().add("current-letter");
        waitingIcon.getStyleClass().add("waiting-icon");
        waitingIcon.setIconSize((int) (diameter * 0.32));
        letter.setFont(Font.font(null, FontWeight.BOLD, diameter * 0.5));
        letter.setMinSize(diameter, diameter);
        letter.setMaxSize(diameter, diameter);
        letter.setAlignment(javafx.geometry.Pos.CENTER);
        setMinSize(diameter, diameter);
        setPrefSize(diameter, diameter);
        setMaxSize(diameter, diameter);
        progress.setCenterX(radius);
        progress.setCenterY(radius);
        // A fixed-size pane, so the arc does not move as its own bounds grow with the progress.
        javafx.scene.layout.Pane ringPane = new javafx.scene.layout.Pane(progress);
        ringPane.setMinSize(diameter, diameter);
        ringPane.setMaxSize(diameter, diameter);
        ringPane.setMouseTransparent(true);
        getChildren().addAll(track, ringPane, letter);
        this.diameter = diameter;
        writtenTimer.setOnFinished(e -> pseudoClassStateChanged(WRITTEN, false));

        Runnable showProgress = () -> progress.setLength(-360 * holdOn(prediction.get(), hold.get()).fraction());
        prediction.addListener((obs, old, p) -> {
            showPrediction(p);
            showProgress.run();
        });
        hold.addListener((obs, old, h) -> showProgress.run());
        showPrediction(prediction.get());
        showProgress.run();
    }

    /**
     * The whole ring lights up for a moment: the letter was written. Without it the ring, full, began at once to
     * fill again toward writing the letter a second time, and a class could not tell that anything had happened.
     */
    void flashWritten() {
        pseudoClassStateChanged(WRITTEN, true);
        writtenTimer.playFromStart();
    }

    /** The hold in progress if it is on the letter shown, else none: what the ring and its captions report. */
    static HoldProgress holdOn(Prediction shown, HoldProgress hold) {
        return shown != null && hold != null && hold.held() == shown.letter() ? hold : HoldProgress.NONE;
    }

    private void showPrediction(Prediction p) {
        if (p == null) {
            // Nothing is read any more (a fault, the hand gone): a ring lit for a letter just written would read
            // as success around the idle hand.
            writtenTimer.stop();
            pseudoClassStateChanged(WRITTEN, false);
        }
        String text = p == null ? "" : display(p.letter());
        letter.setText(text);
        letter.setGraphic(p == null ? waitingIcon : null);
        // Without a letter, the label's name would be its icon's glyph, read out as noise.
        letter.setAccessibleText(p == null ? "No letter read" : "Letter " + text);
        letter.setFont(Font.font(null, FontWeight.BOLD, diameter * (text.length() > 1 ? 0.2 : 0.5)));
    }

    /** How a class reads on screen: a letter as itself, the gestures by a short word. */
    static String display(LetterClass c) {
        return switch (c) {
            case SPACE -> "space";
            case DEL -> "del";
            case NOTHING -> "none";
            default -> c.label();
        };
    }
}
