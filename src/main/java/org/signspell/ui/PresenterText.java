package org.signspell.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The end of the spelled text that fits the presenter view's text row: the room reads what is being spelled
 * now, in letters big enough for the back of a room, so only the last lines are shown, and they must fit
 * whole (a longer text pushed the header off the screen and cut its own last line).
 */
final class PresenterText {

    static final String ELLIPSIS = "…";

    private PresenterText() {
    }

    /**
     * The longest end of {@code text} that, wrapped at {@code width} in {@code font}, takes at most {@code lines}
     * lines; cut at a word where one is near, and marked with an ellipsis when cut.
     */
    static String lastLines(String text, Font font, double width, int lines) {
        if (text.isEmpty() || !(width > 0)) {
            return text;
        }
        Text probe = new Text();
        probe.setFont(font);
        probe.setWrappingWidth(width);
        probe.setText("X");
        double lineHeight = probe.getLayoutBounds().getHeight();
        double limit = lineHeight * lines + lineHeight / 2;
        if (fits(probe, text, limit)) {
            return text;
        }
        // Binary search for the earliest start whose end fits: the more is cut, the fewer lines remain.
        int fitsFrom = text.length();
        int low = 0;
        int high = text.length();
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (fits(probe, ELLIPSIS + text.substring(mid), limit)) {
                fitsFrom = mid;
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        // Start at the next word if it begins soon: "…OTH ARE TIRED" reads worse than "…ARE TIRED".
        int space = text.indexOf(' ', fitsFrom);
        if (fitsFrom > 0 && text.charAt(fitsFrom - 1) != ' ' && space >= 0 && space - fitsFrom < 12
                && space + 1 < text.length()) {
            fitsFrom = space + 1;
        }
        return ELLIPSIS + text.substring(fitsFrom);
    }

    private static boolean fits(Text probe, String candidate, double limit) {
        probe.setText(candidate);
        return probe.getLayoutBounds().getHeight() <= limit;
    }
}
