package org.signspell.hands;

import java.util.Locale;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What about the pictures themselves keeps hands from being read, so that a user is told, instead of seeing no
 * letters (or wrong ones) and no reason. Measured with {@code classify} on 2026-11-27:
 * <ul>
 *   <li>72 t32rahman photos (3 a letter) shrunk to 64×48 pixels: 41 right, 22 wrong, 9 no hand; at 96×72: 67
 *       right; at 128×96: 71; as taken (640×480): 72;</li>
 *   <li>the 183 roboflow photos that are black and white (the source's own grey copies): a hand was found in 55
 *       (30 %), against 87 % of its 1,329 colour photos. An infrared camera gives such pictures.</li>
 * </ul>
 */
public final class PictureCheck {

    /** The shortest side below which a hand is too few pixels to be read reliably (96×72 read 67 of 72). */
    public static final int SMALLEST_SIDE = 72;
    /** Pixels looked at per picture for colour: a grid, so the check costs microseconds. */
    private static final int GRID = 32;
    /**
     * A channel this far from the others is colour: grey pictures stay within 1 or 2 through a codec (the grey
     * roboflow photos are all at 0), and at this a colour photo dimmed to a third or a sixth of its light is still
     * colour (every one of the shared colour photos, every second one looked at).
     */
    private static final int COLOUR_DIFFERENCE = 4;
    /** A picture with less than this spread of brightness (a black start-up frame) cannot tell colour apart. */
    private static final int TELLING_SPREAD = 40;

    /**
     * What is wrong with the pictures, for the user: in full, and in a few words for the presenter view's caption,
     * read from the back of a room.
     */
    public record Problem(String message, String brief) {
    }

    /** The answer for one picture: a problem, none, or not yet known (an even picture, such as a black one). */
    public enum Verdict { FINE, PROBLEM, UNDECIDED }

    private PictureCheck() {
    }

    /** A picture too small to read a hand in, or null. */
    public static Problem tooSmall(int width, int height) {
        if (Math.min(width, height) >= SMALLEST_SIDE) {
            return null;
        }
        return new Problem(String.format(Locale.ROOT, "The pictures are only %d×%d pixels: too small to read hands"
                + " reliably. Use at least %d pixels on the short side.", width, height, SMALLEST_SIDE),
                "Pictures too small to read");
    }

    /** The problem of black-and-white pictures. */
    public static Problem blackAndWhite() {
        return new Problem("Black-and-white pictures (an infrared camera?): hands are often missed in them. Use a"
                + " colour camera or video.", "Black-and-white pictures: use colour");
    }

    /** Whether the 8-bit BGR picture {@code bgr} is in colour: FINE, PROBLEM (black and white), or UNDECIDED. */
    public static Verdict colour(Mat bgr) {
        if (bgr.channels() != 3 || bgr.cols() < 2 || bgr.rows() < 2) {
            return Verdict.UNDECIDED;
        }
        int coloured = 0;
        int darkest = 255;
        int brightest = 0;
        try (UByteIndexer pixels = bgr.createIndexer()) {
            // Inside a margin of a twentieth: a coloured border (a recorder's frame) is not the picture.
            for (int gy = 0; gy < GRID; gy++) {
                long y = (bgr.rows() - 1L) * (GRID - 1 + 18L * gy) / (20L * (GRID - 1));
                for (int gx = 0; gx < GRID; gx++) {
                    long x = (bgr.cols() - 1L) * (GRID - 1 + 18L * gx) / (20L * (GRID - 1));
                    int b = pixels.get(y, x, 0);
                    int g = pixels.get(y, x, 1);
                    int r = pixels.get(y, x, 2);
                    int spread = Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r));
                    if (spread > COLOUR_DIFFERENCE) {
                        coloured++;
                    }
                    int grey = (b + g + r) / 3;
                    darkest = Math.min(darkest, grey);
                    brightest = Math.max(brightest, grey);
                }
            }
        }
        // One in a hundred: a few noisy pixels in a grey picture are not colour.
        if (coloured * 100 >= GRID * GRID) {
            return Verdict.FINE;
        }
        return brightest - darkest < TELLING_SPREAD ? Verdict.UNDECIDED : Verdict.PROBLEM;
    }
}
