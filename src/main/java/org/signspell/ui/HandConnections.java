package org.signspell.ui;

/** The bones of MediaPipe's 21-landmark hand, as pairs of landmark indices (MediaPipe's HAND_CONNECTIONS). */
final class HandConnections {

    static final int[][] BONES = {
            {0, 1}, {1, 2}, {2, 3}, {3, 4},          // thumb
            {0, 5}, {5, 6}, {6, 7}, {7, 8},          // index
            {5, 9}, {9, 10}, {10, 11}, {11, 12},     // middle
            {9, 13}, {13, 14}, {14, 15}, {15, 16},   // ring
            {13, 17}, {0, 17}, {17, 18}, {18, 19}, {19, 20}, // pinky and the palm's edge
    };

    /** Finger tips, drawn a little larger so the hand's shape reads at a glance. */
    static final int[] TIPS = {4, 8, 12, 16, 20};

    private HandConnections() {
    }
}
