package org.signspell.hands;

/**
 * A rotated rectangle in normalised image coordinates, MediaPipe's {@code NormalizedRect}: centre and
 * size as fractions of the image width and height, rotation in radians (clockwise on screen, since y
 * points down).
 */
record NormRect(float xCenter, float yCenter, float width, float height, float rotation) {

    /** Axis-aligned intersection over union, ignoring rotation, as MediaPipe's association does. */
    static float iou(NormRect a, NormRect b) {
        float ax0 = a.xCenter - a.width / 2f;
        float ay0 = a.yCenter - a.height / 2f;
        float bx0 = b.xCenter - b.width / 2f;
        float by0 = b.yCenter - b.height / 2f;
        return Geometry.iou(ax0, ay0, ax0 + a.width, ay0 + a.height, bx0, by0, bx0 + b.width, by0 + b.height);
    }
}
