package org.signspell.hands;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * MediaPipe's {@code ImageToTensorCalculator}: cuts a rotated rectangle out of a BGR frame, resamples it
 * bilinearly to the model's square input and writes it as RGB floats in [0, 1] straight into the
 * interpreter's input tensor (a {@link Mat} wraps the tensor's memory, so nothing is copied afterwards).
 *
 * <p>Sampling follows MediaPipe's GPU converter, which made the reference answers: each output pixel
 * samples the source at its own centre. MediaPipe's CPU converter instead maps the rectangle's corners
 * onto the tensor's first and last pixel positions, half an output pixel away; measured against the
 * reference photos that doubled the landmark error (median 0.53% of hand size instead of 0.20%) and lost
 * two hands, so it is not used. All native objects are allocated once and reused for every frame.
 */
final class ImageToTensor implements AutoCloseable {
    private final int size;
    private final int borderMode;
    private final Mat affine = new Mat(2, 3, CV_64F);
    private final DoublePointer affineValues;
    private final Mat cropBgr;
    private final Mat cropRgb;
    private final Mat tensor;
    private final long tensorAddress;
    private final Size outputSize;
    private final Scalar zero = new Scalar(0.0);

    /**
     * @param tensorInput the model's input tensor, {@code size × size × 3} floats
     * @param replicateBorder true: pixels outside the image repeat the edge (MediaPipe's default, used for
     *                        the landmark crop); false: they are black (the palm letterbox)
     */
    ImageToTensor(FloatPointer tensorInput, int size, boolean replicateBorder) {
        if (tensorInput.capacity() != (long) size * size * 3) {
            throw new IllegalArgumentException("tensor holds " + tensorInput.capacity() + " floats, not "
                    + size + "×" + size + "×3");
        }
        this.size = size;
        this.borderMode = replicateBorder ? BORDER_REPLICATE : BORDER_CONSTANT;
        this.affineValues = new DoublePointer(affine.data()).capacity(6);
        this.cropBgr = new Mat(size, size, CV_8UC3);
        this.cropRgb = new Mat(size, size, CV_8UC3);
        this.tensor = new Mat(size, size, CV_32FC3, tensorInput);
        this.tensorAddress = tensor.data().address();
        this.outputSize = new Size(size, size);
    }

    /**
     * Fills the tensor from the rotated rectangle centred at ({@code cx}, {@code cy}) pixels, {@code w}
     * × {@code h} pixels, turned {@code rotation} radians, so that the rectangle's top edge becomes the
     * tensor's top row.
     */
    void convert(Mat bgr, float cx, float cy, float w, float h, float rotation) {
        convert(bgr, cx, cy, w, h, rotation, false);
    }

    /**
     * As {@link #convert(Mat, float, float, float, float, float)}; {@code mirror}: the tensor's columns in
     * reverse order, so tensor pixel u samples the source point pixel {@code size - 1 - u} samples unmirrored
     * (OpenCV rounds sample positions to 1/32 pixel, so a value at a sharp edge can differ by a few grey levels).
     */
    void convert(Mat bgr, float cx, float cy, float w, float h, float rotation, boolean mirror) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double sx = w / size;
        double sy = h / size;
        // Output pixel (u, v) samples the source at centre + R(rotation) · (u·sx − w/2, v·sy − h/2).
        double a = cos * sx;
        double b = -sin * sy;
        double c = sin * sx;
        double d = cos * sy;
        double tx = cx - (cos * w / 2 - sin * h / 2);
        double ty = cy - (sin * w / 2 + cos * h / 2);
        // Sample at output pixel centres (u + 0.5) in a source whose pixel centres sit at k + 0.5.
        tx += 0.5 * (a + b) - 0.5;
        ty += 0.5 * (c + d) - 0.5;
        if (mirror) {
            // u -> size - 1 - u in the inverse map: the sampled source points stay the same, in reverse order.
            tx += a * (size - 1);
            ty += c * (size - 1);
            a = -a;
            c = -c;
        }
        affineValues.put(0, a).put(1, b).put(2, tx).put(3, c).put(4, d).put(5, ty);
        warpAffine(bgr, cropBgr, affine, outputSize, INTER_LINEAR | WARP_INVERSE_MAP, borderMode, zero);
        cvtColor(cropBgr, cropRgb, COLOR_BGR2RGB);
        cropRgb.convertTo(tensor, CV_32FC3, 1.0 / 255.0, 0.0);
        if (tensor.data().address() != tensorAddress) {
            throw new IllegalStateException("OpenCV reallocated the tensor view; the model would not see the image");
        }
    }

    @Override
    public void close() {
        outputSize.close();
        zero.close();
        tensor.close();
        cropRgb.close();
        cropBgr.close();
        affineValues.close();
        affine.close();
    }
}
