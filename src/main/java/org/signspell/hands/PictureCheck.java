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
     * Colours (a point's blue and red against its green, as a pair) a picture must show to be in colour. A grey
     * picture shows one, or two or three through a lossy codec, which tints it (a grey ZEBRA through MPEG-4 at
     * quality 2, 10 and 25); every shared colour photo more than 48 (every second one looked at); at a third of
     * its light, all but 1 of 1,058 are still colour or cannot tell.
     */
    private static final int COLOURS_OF_A_COLOUR_PICTURE = 8;
    /** Colours a grey picture shows at most; between the two the picture cannot tell. */
    private static final int COLOURS_OF_A_GREY_PICTURE = 4;
    /** Points too dark or too bright to show colour at all (a colour picture's shadows and highlights). */
    private static final int DARKEST_TELLING = 40;
    private static final int BRIGHTEST_TELLING = 225;
    /** Fewer points than this share of the grid between the two (a dark room, a black frame): cannot tell. */
    private static final double TELLING_SHARE = 0.25;

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
        return BLACK_AND_WHITE;
    }

    /** One answer, not one made per frame: the engine asks for it on every frame while the pictures are grey. */
    private static final Problem BLACK_AND_WHITE = new Problem("Black-and-white pictures (an infrared camera?): hands"
            + " are often missed in them. Use a colour camera or video.", "Black-and-white pictures: use colour");

    /**
     * Whether the 8-bit BGR picture {@code bgr} is in colour: FINE, PROBLEM (black and white), or UNDECIDED where
     * too little of it is lit to tell (a dark room with a lamp in view must not read as black and white). Counts
     * the colours its points show, not how strong they are: a lossy codec tints a grey picture all over, and a dim
     * colour picture's colours are weak but many.
     */
    public static Verdict colour(Mat bgr) {
        if (bgr.channels() != 3 || bgr.cols() < 2 || bgr.rows() < 2) {
            return Verdict.UNDECIDED;
        }
        int[] seen = new int[COLOURS_OF_A_COLOUR_PICTURE];
        int colours = 0;
        int telling = 0;
        try (UByteIndexer pixels = bgr.createIndexer()) {
            // Inside a margin of a twentieth: a coloured border (a recorder's frame) is not the picture.
            for (int gy = 0; gy < GRID; gy++) {
                long y = (bgr.rows() - 1L) * (GRID - 1 + 18L * gy) / (20L * (GRID - 1));
                for (int gx = 0; gx < GRID; gx++) {
                    long x = (bgr.cols() - 1L) * (GRID - 1 + 18L * gx) / (20L * (GRID - 1));
                    int b = pixels.get(y, x, 0);
                    int g = pixels.get(y, x, 1);
                    int r = pixels.get(y, x, 2);
                    int brightness = (b + g + r) / 3;
                    if (brightness < DARKEST_TELLING || brightness > BRIGHTEST_TELLING) {
                        continue;
                    }
                    telling++;
                    int colour = (b - g + 256) << 10 | (r - g + 256);
                    if (!contains(seen, colours, colour)) {
                        seen[colours++] = colour;
                        if (colours == COLOURS_OF_A_COLOUR_PICTURE) {
                            return Verdict.FINE;
                        }
                    }
                }
            }
        }
        if (telling < TELLING_SHARE * GRID * GRID || colours > COLOURS_OF_A_GREY_PICTURE) {
            return Verdict.UNDECIDED;
        }
        return Verdict.PROBLEM;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
