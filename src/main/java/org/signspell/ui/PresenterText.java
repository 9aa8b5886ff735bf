package org.signspell.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.signspell.spelling.HoldProgress;

/**
 * The presenter view's words. Its text row: the room reads what is being spelled now, in letters big enough
 * for the back of a room, so only the last lines are shown, and they must fit whole (a longer text pushed the
 * header off the screen and cut its own last line). And the caption under the ring.
 */
final class PresenterText {

    static final String ELLIPSIS = "…";
    private static final int UNMEASURED_CHARACTERS = 40;

    private PresenterText() {
    }

    /**
     * Under the ring: how sure the model is, and what the ring is filling toward, for a class that sees it fill.
     * No-break spaces inside the two phrases: where the ring's width makes the caption wrap, it wraps at the dot,
     * not before a lone "again".
     */
    static String confidenceCaption(double confidence, HoldProgress hold) {
        String sure = unbroken(Math.round(confidence * 100) + "% sure");
        if (!(hold.fraction() > 0)) {
            return sure;
        }
        return sure + " · " + unbroken(hold.repeat() ? "hold to write again" : "hold to write");
    }

    private static String unbroken(String phrase) {
        return phrase.replace(' ', '\u00a0');
    }

    /**
     * The longest end of {@code text} that, wrapped at {@code width} in {@code font}, takes at most {@code lines}
     * lines; cut at a word where one is near, and marked with an ellipsis when cut.
     */
    static String lastLines(String text, Font font, double width, int lines) {
        if (!(width > 0)) {
            // Not laid out yet (the first pulse of presenter view): a short end, never the whole text.
            return cutBefore(text, Math.max(0, text.length() - UNMEASURED_CHARACTERS));
        }
        // Only the end can be shown: no more characters than the narrowest (a quarter of the font size each)
        // could fill the lines are measured, so a long text costs no more than a short one.
        int most = (int) Math.min(text.length(), lines * width / (0.25 * font.getSize()) + 16);
        int offset = text.length() - most;
        double lineHeight = lineHeight(font);
        double limit = lineHeight * lines + lineHeight / 2;
        Text probe = new Text();
        probe.setFont(font);
        probe.setWrappingWidth(width);
        if (offset == 0 && fits(probe, text, limit)) {
            return text;
        }
        // Binary search for the earliest start whose end fits: the more is cut, the fewer lines remain.
        int fitsFrom = text.length();
        int low = offset;
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
        return cutBefore(text, fitsFrom);
    }

    /** How wide {@code text} is set in {@code font}. */
    static double width(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }

    /** The height of one line of text in {@code font}. */
    static double lineHeight(Font font) {
        Text line = new Text("X");
        line.setFont(font);
        return line.getLayoutBounds().getHeight();
    }

    /** {@code text} from {@code start} on, marked as cut where it is; never half an emoji. */
    private static String cutBefore(String text, int start) {
        if (start <= 0) {
            return text;
        }
        if (start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        return ELLIPSIS + text.substring(start);
    }

    private static boolean fits(Text probe, String candidate, double limit) {
        probe.setText(candidate);
        return probe.getLayoutBounds().getHeight() <= limit;
    }
}
