package org.signspell.letters;

import java.util.Arrays;
import java.util.Random;

/**
 * Latency of the letter model alone (ONNX Runtime, one intra-op thread), per call, for seq 1 and seq 32.
 * A benchmark, not a test: {@code java -cp target/signspell.jar org.signspell.letters.LetterModelBenchmark [calls]}.
 * The model's cost does not depend on the values, so the input is fixed pseudo-random hand-sized numbers.
 */
public final class LetterModelBenchmark {
    private LetterModelBenchmark() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(7);
        float[] window = new float[LetterModel.WINDOW * LandmarkNormalizer.SIZE];
        for (int i = 0; i < window.length; i++) {
            window[i] = (float) random.nextGaussian();
        }
        try (LetterModel model = LetterModel.open(ExecutionProvider.CPU)) {
            System.out.println("provider: " + model.activeProvider() + " (" + model.providerNote() + ")");
            for (int seq : new int[] {1, LetterModel.WINDOW}) {
                int n = seq == 1 ? calls : calls / 4;
                for (int i = 0; i < n / 4; i++) {
                    model.predict(window, seq);
                }
                long[] nanos = new long[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    model.predict(window, seq);
                    nanos[i] = System.nanoTime() - t0;
                }
                Arrays.sort(nanos);
                System.out.printf("seq %2d: median %.3f ms, p99 %.3f ms, max %.3f ms over %d calls (predict: run + softmax + top-3)%n",
                        seq, nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6, n);
            }
        }
    }
}
