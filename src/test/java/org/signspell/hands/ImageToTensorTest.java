package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.signspell.testing.SharedData;

class ImageToTensorTest {
    private static final int SIZE = 192;

    @Test
    void aMirroredCropIsTheSameCropWithItsColumnsReversed() {
        // The palm stage's mirrored look relies on this: the same source points are sampled, in reverse order,
        // so mirroring the palms found maps them back onto the picture. OpenCV rounds sample positions to
        // 1/32 pixel, so a few values (at sharp edges) differ by a few grey levels.
        Mat photo = imread(SharedData.resolve(SharedData.FOUND_ON_SECOND_LOOK.get(0)).toString());
        try (FloatPointer plainTensor = new FloatPointer((long) SIZE * SIZE * 3);
             FloatPointer mirroredTensor = new FloatPointer((long) SIZE * SIZE * 3);
             ImageToTensor plain = new ImageToTensor(plainTensor, SIZE, true);
             ImageToTensor mirrored = new ImageToTensor(mirroredTensor, SIZE, true)) {
            // A turned rectangle partly outside the picture, so the border and the rotation are covered too.
            plain.convert(photo, 250f, 170f, 300f, 260f, 0.4f, false);
            mirrored.convert(photo, 250f, 170f, 300f, 260f, 0.4f, true);
            float[] a = new float[SIZE * SIZE * 3];
            float[] b = new float[SIZE * SIZE * 3];
            plainTensor.get(a);
            mirroredTensor.get(b);
            int differing = 0;
            float largest = 0f;
            for (int v = 0; v < SIZE; v++) {
                for (int u = 0; u < SIZE; u++) {
                    for (int c = 0; c < 3; c++) {
                        float difference = Math.abs(a[(v * SIZE + u) * 3 + c] - b[(v * SIZE + SIZE - 1 - u) * 3 + c]);
                        differing += difference > 0f ? 1 : 0;
                        largest = Math.max(largest, difference);
                    }
                }
            }
            System.out.printf("mirrored crop: %d of %d values differ, by at most %.1f grey levels%n",
                    differing, a.length, largest * 255);
            assertThat(differing).isLessThan(a.length / 100);
            assertThat(largest).isLessThanOrEqualTo(8f / 255f);
            float min = 1f;
            float max = 0f;
            for (float value : a) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            assertThat(max - min).as("a crop with something in it, not a blank one").isGreaterThan(0.5f);
        } finally {
            photo.close();
        }
    }
}
