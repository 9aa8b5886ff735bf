package org.signspell.hands;

import java.util.Arrays;

/**
 * The 21 MediaPipe hand landmarks, x, y, z interleaved.
 *
 * <p>In image space x and y are fractions of the image width and height and z is MediaPipe's relative
 * depth (same scale as x, wrist-relative, smaller is nearer the camera). In world space all three
 * are metres around the hand's centre.
 */
public record Landmarks(float[] xyz) {
    public static final int COUNT = 21;

    public Landmarks {
        if (xyz.length != COUNT * 3) {
            throw new IllegalArgumentException("expected 63 values, got " + xyz.length);
        }
        xyz = xyz.clone();
    }

    public float x(int i) {
        return xyz[3 * i];
    }

    public float y(int i) {
        return xyz[3 * i + 1];
    }

    public float z(int i) {
        return xyz[3 * i + 2];
    }

    /** A copy of the 63 values. */
    @Override
    public float[] xyz() {
        return xyz.clone();
    }

    /** Copies the 63 values into {@code dst} at {@code offset}, without allocating. */
    public void copyTo(float[] dst, int offset) {
        System.arraycopy(xyz, 0, dst, offset, COUNT * 3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landmarks other && Arrays.equals(xyz, other.xyz);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xyz);
    }

    @Override
    public String toString() {
        return "Landmarks" + Arrays.toString(xyz);
    }
}
