package org.signspell.hands;

/** Small float helpers shared by the palm and landmark stages; float like MediaPipe's own maths. */
final class Geometry {
    private Geometry() {
    }

    /** MediaPipe's {@code NormalizeRadians}: maps an angle into [-pi, pi). */
    static float normalizeRadians(float angle) {
        return (float) (angle - 2 * Math.PI * Math.floor((angle - (-Math.PI)) / (2 * Math.PI)));
    }

    /**
     * MediaPipe's ROI rotation: the angle that turns the vector from (x0, y0) to (x1, y1), in pixels,
     * to point straight up (target 90 degrees).
     */
    static float rotationToVertical(float x0, float y0, float x1, float y1) {
        return normalizeRadians((float) (Math.PI / 2 - Math.atan2(-(y1 - y0), x1 - x0)));
    }

    /** Intersection over union of two axis-aligned boxes given by their corners; 0 when they do not meet. */
    static float iou(float ax0, float ay0, float ax1, float ay1, float bx0, float by0, float bx1, float by1) {
        float ix0 = Math.max(ax0, bx0);
        float iy0 = Math.max(ay0, by0);
        float ix1 = Math.min(ax1, bx1);
        float iy1 = Math.min(ay1, by1);
        if (ix1 <= ix0 || iy1 <= iy0) {
            return 0f;
        }
        float intersection = (ix1 - ix0) * (iy1 - iy0);
        float union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - intersection;
        return union > 0f ? intersection / union : 0f;
    }

    /**
     * MediaPipe's {@code RectTransformationCalculator} on a normalised rect: shift along the rect's own
     * axes (in pixels, so rotation is honoured on non-square images), optionally square on the long
     * side, then scale.
     */
    static NormRect transform(NormRect rect, int imageWidth, int imageHeight,
                              float scale, float shiftX, float shiftY, boolean squareLong) {
        float width = rect.width();
        float height = rect.height();
        float rotation = rect.rotation();
        float xCenter = rect.xCenter();
        float yCenter = rect.yCenter();
        if (rotation == 0f) {
            xCenter += width * shiftX;
            yCenter += height * shiftY;
        } else {
            float cos = (float) Math.cos(rotation);
            float sin = (float) Math.sin(rotation);
            float xShift = (imageWidth * width * shiftX * cos - imageHeight * height * shiftY * sin) / imageWidth;
            float yShift = (imageWidth * width * shiftX * sin + imageHeight * height * shiftY * cos) / imageHeight;
            xCenter += xShift;
            yCenter += yShift;
        }
        if (squareLong) {
            float longSide = Math.max(width * imageWidth, height * imageHeight);
            width = longSide / imageWidth;
            height = longSide / imageHeight;
        }
        return new NormRect(xCenter, yCenter, width * scale, height * scale, rotation);
    }
}
