package org.signspell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.engine.EngineSettings;
import org.signspell.engine.SequenceReading;
import org.signspell.engine.SequenceWindow;
import org.signspell.hands.HandResult;
import org.signspell.hands.MediaPipeHandTracker;
import org.signspell.hands.ModelLoadException;
import org.signspell.hands.TrackerOptions;
import org.signspell.letters.ExecutionProvider;
import org.signspell.letters.LandmarkNormalizer;
import org.signspell.letters.LetterModel;
import org.signspell.letters.LetterModelException;
import org.signspell.letters.Prediction;
import org.signspell.spelling.CommitSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Tracks the hand in each image and prints the letter model's answer, one JSON line per image. */
@Command(name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Prints per image: {\"source\":…,\"letter\":\"A\",\"confidence\":0.93,\"top3\":[[\"A\",0.93],…]}, "
                    + "or \"letter\":null with a \"reason\" (\"no hand\", \"cannot read image\").",
            "frame mode: every image alone (seq 1). sequence mode: the images are consecutive video frames "
                    + "in the given order, taken as 30 fps video; each answer reads the last second of motion, as the "
                    + "app does, so J and Z are seen moving."})
public final class ClassifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Images, or folders searched recursively for images (name order).")
    private List<Path> paths;

    @Option(names = "--mode", paramLabel = "frame|sequence", defaultValue = "frame",
            description = "frame (default): each image alone; sequence: images as consecutive frames.")
    private String mode;

    @Option(names = "--provider", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "Where the letter model runs (cuda falls back to cpu, with a note on standard error).")
    private String provider;

    @Override
    public Integer call() {
        boolean sequence = switch (mode.toLowerCase(Locale.ROOT)) {
            case "frame" -> false;
            case "sequence" -> true;
            default -> throw new UserError("--mode must be frame or sequence, not '" + mode + "'");
        };
        ExecutionProvider requested = switch (provider.toLowerCase(Locale.ROOT)) {
            case "cpu" -> ExecutionProvider.CPU;
            case "cuda" -> ExecutionProvider.CUDA;
            default -> throw new UserError("--provider must be cpu or cuda, not '" + provider + "'");
        };
        List<Path> images = images(paths);
        PrintWriter out = spec.commandLine().getOut();
        TrackerOptions options = TrackerOptions.defaults().withMaxHands(1).withStaticMode(!sequence);
        try (LetterModel model = LetterModel.open(requested);
             MediaPipeHandTracker tracker = MediaPipeHandTracker.open(options)) {
            if (requested != model.activeProvider()) {
                spec.commandLine().getErr().println("signspell: " + model.providerNote());
            }
            float[] frame = new float[LandmarkNormalizer.SIZE];
            float[] windowValues = new float[LetterModel.WINDOW * LandmarkNormalizer.SIZE];
            SequenceWindow window = new SequenceWindow(LetterModel.WINDOW, LandmarkNormalizer.SIZE, 1,
                    EngineSettings.MAX_MISSED_FRAMES, LetterModel.WINDOW_FRAME_INTERVAL_MICROS,
                    CommitSettings.DEFAULTS.maxFrameGapMicros());
            long timestamp = 0;
            for (Path image : images) {
                Mat bgr = opencv_imgcodecs.imread(image.toString(), opencv_imgcodecs.IMREAD_COLOR);
                try {
                    if (bgr == null || bgr.empty()) {
                        out.println(noLetter(image, "cannot read image"));
                        continue;
                    }
                    // Sequence frames are taken as 30 fps video: the tracker and the window read motion over time.
                    timestamp += LetterModel.WINDOW_FRAME_INTERVAL_MICROS;
                    List<HandResult> hands = tracker.process(bgr, timestamp);
                    if (hands.isEmpty()) {
                        window.missed(timestamp);
                        out.println(noLetter(image, "no hand"));
                        continue;
                    }
                    HandResult hand = hands.get(0);
                    boolean mirror = LandmarkNormalizer.mirrorFor(hand.handedness());
                    LandmarkNormalizer.normalize(hand.landmarks(), bgr.cols(), bgr.rows(), mirror, frame, 0);
                    Prediction p;
                    if (sequence) {
                        // The engine's own window, so classify answers what the app would.
                        window.append(frame, 0, timestamp, hand.landmarks(), bgr.cols(), bgr.rows());
                        p = SequenceReading.read(model, window, windowValues, frame);
                    } else {
                        p = model.predict(frame, 1);
                    }
                    out.println(answer(image, p));
                } finally {
                    if (bgr != null) {
                        bgr.close();
                    }
                }
            }
            out.flush();
        } catch (LetterModelException | ModelLoadException e) {
            throw new UserError(e.getMessage(), e);
        }
        return 0;
    }

    static List<Path> images(List<Path> args) {
        List<Path> images = new ArrayList<>();
        for (Path p : args) {
            MediaPaths.requireReadable(p);
            if (Files.isDirectory(p)) {
                images.addAll(MediaPaths.imagesUnder(p));
            } else if (MediaPaths.isImage(p)) {
                images.add(p);
            } else {
                throw new UserError(p + " is not an image (classify reads photos or folders of video frames).");
            }
        }
        return images;
    }

    private static final JsonFactory JSON = new JsonFactory();

    static String answer(Path source, Prediction p) {
        return json(g -> {
            g.writeStringField("source", source.toString());
            g.writeStringField("letter", p.letter().label());
            g.writeNumberField("confidence", round(p.confidence()));
            g.writeArrayFieldStart("top3");
            for (Prediction.Scored s : p.top3()) {
                g.writeStartArray();
                g.writeString(s.letter().label());
                g.writeNumber(round(s.probability()));
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }

    static String noLetter(Path source, String reason) {
        return json(g -> {
            g.writeStringField("source", source.toString());
            g.writeNullField("letter");
            g.writeStringField("reason", reason);
        });
    }

    private static double round(float probability) {
        return Math.round(probability * 10000.0) / 10000.0;
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Fields fields) {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(s)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return s.toString();
    }
}
