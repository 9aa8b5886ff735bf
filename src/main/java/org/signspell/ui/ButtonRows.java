package org.signspell.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Buttons in one centred row where they fit; else each group on a row of its own; else one button a row, all as
 * wide. A flow pane wrapped them wherever the width ran out, and left the last button alone on a row of its own
 * (the fault panel in a 1000 px window and in presenter view at 1024 px): groups keep what belongs together
 * (the source buttons, the file buttons) side by side.
 */
final class ButtonRows extends Pane {

    private final double gap;
    private final List<List<Node>> groups;

    ButtonRows(double gap, List<List<Node>> groups) {
        this.gap = gap;
        this.groups = groups.stream().map(List::copyOf).toList();
        groups.forEach(getChildren()::addAll);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private List<Node> shown(List<Node> nodes) {
        return nodes.stream().filter(Node::isManaged).toList();
    }

    private double rowWidth(List<Node> row) {
        double width = 0;
        for (Node n : row) {
            width += n.prefWidth(-1);
        }
        return width + gap * Math.max(0, row.size() - 1);
    }

    private double widestButton() {
        return shown(getChildren()).stream().mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
    }

    /** The rows for this inner width; a row of one button each when only that fits. */
    List<List<Node>> rows(double width) {
        List<Node> all = shown(getChildren());
        if (rowWidth(all) <= width) {
            return all.isEmpty() ? List.of() : List.of(all);
        }
        List<List<Node>> byGroup = new ArrayList<>();
        for (List<Node> group : groups) {
            List<Node> row = shown(group);
            if (!row.isEmpty()) {
                byGroup.add(row);
            }
        }
        if (byGroup.stream().allMatch(row -> rowWidth(row) <= width)) {
            return byGroup;
        }
        return all.stream().map(List::of).toList();
    }

    private boolean oneEach(List<List<Node>> rows) {
        return rows.size() > 1 && rows.size() == shown(getChildren()).size();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + rowWidth(shown(getChildren())) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + widestButton() + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? Double.MAX_VALUE : width - in.getLeft() - in.getRight();
        List<List<Node>> rows = rows(inner);
        double height = 0;
        for (List<Node> row : rows) {
            height += rowHeight(row);
        }
        return in.getTop() + height + gap * Math.max(0, rows.size() - 1) + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private static double rowHeight(List<Node> row) {
        return row.stream().mapToDouble(n -> n.prefHeight(-1)).max().orElse(0);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - in.getLeft() - in.getRight();
        List<List<Node>> rows = rows(inner);
        boolean oneEach = oneEach(rows);
        double widest = widestButton();
        double y = in.getTop();
        for (List<Node> row : rows) {
            double height = rowHeight(row);
            double width = oneEach ? widest : rowWidth(row);
            double x = in.getLeft() + Math.max(0, (inner - width) / 2);
            for (Node n : row) {
                double w = oneEach ? widest : n.prefWidth(-1);
                n.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(w), snapSizeY(height));
                x += w + gap;
            }
            y += height + gap;
        }
    }
}
