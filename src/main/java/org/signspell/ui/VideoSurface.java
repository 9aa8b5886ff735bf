package org.signspell.ui;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import org.signspell.engine.FrameResult;
import org.signspell.hands.HandResult;
import org.signspell.hands.Landmarks;

/**
 * The video with the hand skeleton over it, scaled to fit with its aspect ratio kept. The skeleton is
 * drawn from the tracker's normalised coordinates onto a canvas laid exactly over the picture; mirroring
 * flips both together, so the bones stay on the hand.
 */
final class VideoSurface extends Region {

    private static final Color BONE = Color.web("#ffffff", 0.92);
    private static final Color BONE_SHADOW = Color.web("#000000", 0.35);
    private static final Color JOINT = Color.web("#2f81f7");
    private static final Color TIP = Color.web("#f778ba");
    private static final Color OTHER_HAND = Color.web("#d29922");

    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final Rectangle clip = new Rectangle();
    private FrameResult result;

    VideoSurface() {
        getStyleClass().add("video-surface");
        imageView.setPreserveRatio(false);
        // The image is what a screen reader finds (this region is only its frame): it takes the region's words.
        imageView.accessibleTextProperty().bind(accessibleTextProperty());
        imageView.setSmooth(true);
        overlay.setMouseTransparent(true);
        getChildren().addAll(imageView, overlay);
        setClip(clip);
        setMinSize(160, 120);
        setPadding(Insets.EMPTY);
    }

    void show(Image image, FrameResult frame) {
        if (imageView.getImage() != image) {
            imageView.setImage(image);
            requestLayout();
        }
        result = frame;
        drawSkeleton();
    }

    void clear() {
        imageView.setImage(null);
        result = null;
        drawSkeleton();
    }

    void setMirrored(boolean mirror) {
        double sx = mirror ? -1 : 1;
        imageView.setScaleX(sx);
        overlay.setScaleX(sx);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        clip.setWidth(w);
        clip.setHeight(h);
        Image img = imageView.getImage();
        double iw = img == null ? 4 : img.getWidth();
        double ih = img == null ? 3 : img.getHeight();
        double scale = Math.min(w / iw, h / ih);
        double dw = Math.max(1, Math.floor(iw * scale));
        double dh = Math.max(1, Math.floor(ih * scale));
        double x = Math.floor((w - dw) / 2);
        double y = Math.floor((h - dh) / 2);
        imageView.setFitWidth(dw);
        imageView.setFitHeight(dh);
        imageView.relocate(x, y);
        if (overlay.getWidth() != dw || overlay.getHeight() != dh) {
            overlay.setWidth(dw);
            overlay.setHeight(dh);
            drawSkeleton();
        }
        overlay.relocate(x, y);
    }

    private void drawSkeleton() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        g.clearRect(0, 0, w, h);
        if (result == null || imageView.getImage() == null) {
            return;
        }
        double unit = Math.max(2, Math.min(w, h) / 160);
        g.setLineCap(StrokeLineCap.ROUND);
        boolean first = true;
        for (HandResult hand : result.hands()) {
            Landmarks lm = hand.landmarks();
            Color bone = first ? BONE : OTHER_HAND;
            g.setStroke(BONE_SHADOW);
            g.setLineWidth(unit * 2.2);
            strokeBones(g, lm, w, h);
            g.setStroke(bone);
            g.setLineWidth(unit * 1.2);
            strokeBones(g, lm, w, h);
            for (int i = 0; i < Landmarks.COUNT; i++) {
                boolean tip = isTip(i);
                double r = unit * (tip ? 2.2 : 1.6);
                double px = lm.x(i) * w;
                double py = lm.y(i) * h;
                g.setFill(Color.WHITE);
                g.fillOval(px - r - unit * 0.5, py - r - unit * 0.5, 2 * r + unit, 2 * r + unit);
                g.setFill(first ? (tip ? TIP : JOINT) : OTHER_HAND);
                g.fillOval(px - r, py - r, 2 * r, 2 * r);
            }
            first = false;
        }
    }

    private static void strokeBones(GraphicsContext g, Landmarks lm, double w, double h) {
        for (int[] bone : HandConnections.BONES) {
            g.strokeLine(lm.x(bone[0]) * w, lm.y(bone[0]) * h, lm.x(bone[1]) * w, lm.y(bone[1]) * h);
        }
    }

    private static boolean isTip(int i) {
        for (int t : HandConnections.TIPS) {
            if (t == i) {
                return true;
            }
        }
        return false;
    }
}
