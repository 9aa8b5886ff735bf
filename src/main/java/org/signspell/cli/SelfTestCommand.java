package org.signspell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.capture.FrameSources;
import org.signspell.hands.HandResult;
import org.signspell.hands.Landmarks;
import org.signspell.hands.MediaPipeHandTracker;
import org.signspell.hands.ModelVariant;
import org.signspell.hands.TrackerOptions;
import org.signspell.letters.ExecutionProvider;
import org.signspell.letters.LetterModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code signspell --self-test}: what a teacher runs when something seems wrong, and what CI runs on the
 * built installer image. Loads every model with the execution provider the app would use, runs the hand
 * tracker on frames it draws itself and the letter model on the project's golden landmark vectors, and
 * prints one line. Exit 0 only when every check passed.
 */
@Command(name = "self-test", aliases = "--self-test",
        description = "Checks that the models load and answer correctly on this machine; prints one line, exits 0 when all is well.")
public final class SelfTestCommand implements Callable<Integer> {
    /** The project's golden vectors for the letter model (made by models/training/golden.py). */
    static final String LETTER_GOLDEN = "/selftest/letter-logits.json";
    /** Mean landmark distance to the drawn joints allowed, as a fraction of the drawn hand's size. */
    static final double MAX_MEAN_ERROR = 0.05;
    private static final int TRACKING_FRAMES = 3;

    @Option(names = "--provider", paramLabel = "cpu|cuda", converter = EngineOptions.ProviderConverter.class,
            description = "Where the letter model runs (default: cpu, as the app); cuda falls back to cpu and says why.")
    ExecutionProvider provider = ExecutionProvider.CPU;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Report report = run(provider);
        PrintWriter out = report.passed() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        out.println(report.line());
        out.flush();
        return report.passed() ? 0 : 1;
    }

    /** One line for the user, and whether every check passed. */
    record Report(boolean passed, String line) {
    }

    static Report run(ExecutionProvider provider) {
        long start = System.nanoTime();
        List<String> done = new ArrayList<>();
        String step = "loading the native libraries";
        try {
            long t = System.nanoTime();
            // The capture back-ends: not models, but natives the installer must carry (FFmpeg for files
            // and cameras, OpenCV's videoio for the OpenCV camera back-end).
            Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
            Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
            Loader.load(org.bytedeco.opencv.global.opencv_videoio.class);
            done.add("natives " + ms(t));
            // Not a failure: files and folders work without a camera, but the user learns what to install.
            FrameSources.camerasUnavailableReason().ifPresent(reason -> done.add("cameras unavailable: " + reason));

            for (ModelVariant variant : ModelVariant.values()) {
                step = "the " + name(variant) + " hand models";
                done.add(checkTracker(variant));
            }
            step = "tracking mode";
            done.add(checkTracking());
            step = "the letter model";
            done.add(checkLetters(provider));
        } catch (CheckFailed e) {
            return new Report(false, "signspell self-test: FAILED: " + e.getMessage() + " | passed before it: "
                    + passed(done) + " | " + whatToDo());
        } catch (RuntimeException | LinkageError e) {
            return new Report(false, "signspell self-test: FAILED while checking " + step + ": " + oneLine(e)
                    + " | passed before it: " + passed(done) + " | " + whatToDo());
        }
        return new Report(true, "signspell self-test: OK | " + String.join(" | ", done) + " | total " + ms(start));
    }

    private static String checkTracker(ModelVariant variant) {
        long t = System.nanoTime();
        TrackerOptions options = TrackerOptions.defaults().withModel(variant).withStaticMode(true);
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(options)) {
            String load = ms(t);
            String what = name(variant) + " palm+landmark";
            try (Mat blank = SyntheticFrames.blank(); Mat blotches = SyntheticFrames.blotches()) {
                expectNoHand(tracker, blank, what, "a blank frame");
                expectNoHand(tracker, blotches, what, "a frame of coloured blotches");
            }
            long run = System.nanoTime();
            double error;
            float presence;
            try (Mat hand = SyntheticFrames.hand(0, 0)) {
                List<HandResult> hands = tracker.process(hand, 0);
                if (hands.size() != 1) {
                    throw new CheckFailed(what + " found " + hands.size() + " hands on the drawn hand (expected 1)");
                }
                presence = hands.get(0).presence();
                error = meanError(hands.get(0).landmarks(), 0, 0);
            }
            String handMs = ms(run);
            if (!(error <= MAX_MEAN_ERROR)) {
                throw new CheckFailed(String.format(Locale.ROOT, "%s put the landmarks %.1f%% of the hand's size away"
                        + " from the drawn joints (at most %.0f%% allowed)", what, 100 * error, 100 * MAX_MEAN_ERROR));
            }
            return String.format(Locale.ROOT, "%s: loaded %s, no hand on 2 empty frames, drawn hand found"
                    + " (presence %.2f, landmarks %.1f%% of hand size off) in %s", what, load, presence, 100 * error, handMs);
        }
    }

    private static String checkTracking() {
        try (MediaPipeHandTracker tracker = MediaPipeHandTracker.open(TrackerOptions.defaults())) {
            int palmRuns = 0;
            double worst = 0;
            long t = System.nanoTime();
            for (int i = 0; i < TRACKING_FRAMES; i++) {
                int dx = 4 * i;
                try (Mat hand = SyntheticFrames.hand(dx, 0)) {
                    List<HandResult> hands = tracker.process(hand, i * 33_333L);
                    if (hands.size() != 1) {
                        throw new CheckFailed("tracking lost the drawn hand on frame " + i + " (" + hands.size() + " hands)");
                    }
                    worst = Math.max(worst, meanError(hands.get(0).landmarks(), dx, 0));
                    palmRuns += tracker.lastTimings().palmRan() ? 1 : 0;
                }
            }
            if (palmRuns != 1 || !(worst <= MAX_MEAN_ERROR)) {
                throw new CheckFailed(String.format(Locale.ROOT, "tracking ran palm detection on %d of %d frames"
                        + " (expected 1) with landmarks up to %.1f%% of hand size off", palmRuns, TRACKING_FRAMES, 100 * worst));
            }
            return String.format(Locale.ROOT, "tracking: %d moving frames, palm detection once, %.1f%% off, %s",
                    TRACKING_FRAMES, 100 * worst, ms(t));
        }
    }

    private static String checkLetters(ExecutionProvider provider) {
        JsonNode golden = readGolden();
        double tolerance = golden.path("tolerance").asDouble(1e-4);
        long t = System.nanoTime();
        try (LetterModel model = LetterModel.open(provider)) {
            String load = ms(t);
            long run = System.nanoTime();
            double worst = 0;
            int cases = 0;
            for (JsonNode c : golden.path("cases")) {
                int seq = c.path("seq").asInt();
                float[] input = floats(c.path("input"));
                float[] expected = floats(c.path("logits"));
                float[] actual = model.logits(input, seq);
                if (actual.length != expected.length) {
                    throw new CheckFailed("the letter model gave " + actual.length + " logits for golden case '"
                            + c.path("name").asText() + "', expected " + expected.length);
                }
                for (int k = 0; k < expected.length; k++) {
                    double d = Math.abs(actual[k] - expected[k]);
                    if (!(d <= tolerance)) {
                        throw new CheckFailed(String.format(Locale.ROOT, "the letter model's logit %d for golden case"
                                + " '%s' is %.6f, expected %.6f (tolerance %.0e)", k, c.path("name").asText(),
                                actual[k], expected[k], tolerance));
                    }
                    worst = Math.max(worst, d);
                }
                cases++;
            }
            if (cases == 0) {
                throw new CheckFailed("the golden file " + LETTER_GOLDEN + " has no cases");
            }
            String runsOn = model.activeProvider() == provider ? model.activeProvider().toString()
                    : model.activeProvider() + ": " + model.providerNote();
            return String.format(Locale.ROOT, "letters (%s): loaded %s, %d golden cases, max |Δlogit| %.1e in %s",
                    runsOn, load, cases, worst, ms(run));
        }
    }

    private static void expectNoHand(MediaPipeHandTracker tracker, Mat frame, String what, String frameName) {
        List<HandResult> hands = tracker.process(frame, 0);
        if (!hands.isEmpty()) {
            throw new CheckFailed(String.format(Locale.ROOT, "%s found a hand on %s (presence %.2f)", what, frameName,
                    hands.get(0).presence()));
        }
    }

    /** Mean distance from the landmarks to the drawn joints, as a fraction of the drawn hand's diagonal. */
    static double meanError(Landmarks landmarks, int dx, int dy) {
        double sum = 0;
        for (int i = 0; i < SyntheticFrames.jointCount(); i++) {
            double x = landmarks.x(i) * SyntheticFrames.WIDTH;
            double y = landmarks.y(i) * SyntheticFrames.HEIGHT;
            sum += Math.hypot(x - (SyntheticFrames.jointX(i) + dx), y - (SyntheticFrames.jointY(i) + dy));
        }
        return sum / SyntheticFrames.jointCount() / SyntheticFrames.handDiagonal();
    }

    private static JsonNode readGolden() {
        try (InputStream in = SelfTestCommand.class.getResourceAsStream(LETTER_GOLDEN)) {
            if (in == null) {
                throw new CheckFailed("the golden vectors " + LETTER_GOLDEN + " are missing from the app");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new CheckFailed("the golden vectors " + LETTER_GOLDEN + " cannot be read: " + e.getMessage());
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    private static String name(ModelVariant variant) {
        return variant.name().toLowerCase(Locale.ROOT);
    }

    private static String ms(long startNanos) {
        return String.format(Locale.ROOT, "%.0f ms", (System.nanoTime() - startNanos) / 1e6);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static String passed(List<String> done) {
        return done.isEmpty() ? "nothing" : String.join(", ", done);
    }

    private static String whatToDo() {
        return "reinstall SignSpell (or rebuild with `mvn -B -Pdist -DskipTests package`); if it fails again,"
                + " report this line";
    }

    /** A check that ran and gave the wrong answer. */
    private static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message, null, false, false);
        }
    }
}
