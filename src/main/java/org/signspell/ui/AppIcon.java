package org.signspell.ui;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.transform.Scale;

/**
 * SignSpell's icon, drawn as vectors: a hand skeleton like the one over the video, raised above a text
 * cursor, on a blue-violet tile. Rendered at any size, so there is no bitmap to keep in step.
 */
final class AppIcon {

    /** Landmark positions of an open "B"-like hand on a 256 grid, in MediaPipe's order. */
    private static final double[][] HAND = {
            {128, 206},                                             // 0 wrist
            {96, 186}, {78, 160}, {70, 136}, {66, 114},            // thumb
            {102, 128}, {96, 94}, {93, 72}, {91, 52},              // index
            {126, 124}, {126, 86}, {126, 62}, {126, 40},           // middle
            {150, 128}, {155, 94}, {158, 72}, {160, 54},           // ring
            {170, 140}, {180, 114}, {186, 98}, {190, 82},          // pinky
    };

    private AppIcon() {
    }

    /** The icon as a node of {@code size}×{@code size}. */
    static Node node(double size) {
        Group g = new Group();
        Rectangle tile = new Rectangle(0, 0, 256, 256);
        tile.setArcWidth(112);
        tile.setArcHeight(112);
        tile.setFill(new LinearGradient(0, 0, 1, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#3b82f6")), new Stop(1, Color.web("#7c3aed"))));
        g.getChildren().add(tile);
        for (int[] bone : HandConnections.BONES) {
            Line l = new Line(HAND[bone[0]][0], HAND[bone[0]][1], HAND[bone[1]][0], HAND[bone[1]][1]);
            l.setStroke(Color.WHITE);
            l.setStrokeWidth(9);
            l.setStrokeLineCap(StrokeLineCap.ROUND);
            g.getChildren().add(l);
        }
        for (int i = 0; i < HAND.length; i++) {
            boolean tip = i == 4 || i == 8 || i == 12 || i == 16 || i == 20;
            Circle c = new Circle(HAND[i][0], HAND[i][1], tip ? 11 : 8);
            c.setFill(tip ? Color.web("#f9a8d4") : Color.WHITE);
            c.setStroke(Color.WHITE);
            c.setStrokeWidth(tip ? 4 : 0);
            g.getChildren().add(c);
        }
        Rectangle caret = new Rectangle(92, 224, 72, 10);
        caret.setArcWidth(10);
        caret.setArcHeight(10);
        caret.setFill(Color.web("#fde68a"));
        g.getChildren().add(caret);
        g.getTransforms().add(new Scale(size / 256, size / 256));
        // The outer group's layout bounds are the scaled ones, so the icon takes size×size in a layout.
        return new Group(g);
    }

    /** Renders the icon (FX thread). */
    static WritableImage image(int size) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return node(size).snapshot(params, null);
    }
}
