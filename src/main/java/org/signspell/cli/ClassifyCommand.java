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
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.capture.CaptureException;
import org.signspell.capture.ImageFolderSource;
import org.signspell.engine.EngineSettings;
import org.signspell.engine.FrameProcessor;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.SigningHand;
import org.signspell.letters.ExecutionProvider;
import org.signspell.letters.LetterModel;
import org.signspell.letters.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Tracks the hand in each image and prints the letter model's answer, one JSON line per image. */
@Command(name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Reads the letter in each image and prints one JSON line per image.",
            "Each line: {\"source\":…,\"letter\":\"A\",\"confidence\":0.93,\"top3\":[[\"A\",0.93],…]}. The letter is "
                    + "one of the model's 29 classes: A to Z, \"space\", \"del\", or \"nothing\" (a hand that holds no letter). "
                    + "Where no letter can be read, \"letter\":null with a \"reason\": \"no hand\", or \"cannot read image\" "
                    + "(after which the exit status is 1).",
            "frame mode: every image alone (seq 1). sequence mode: the images of each PATH are consecutive video "
                    + "frames in the given order, taken as 30 fps video; each answer reads the last second of motion, "
                    + "as the app does, so J and Z are seen moving. Each PATH is a clip of its own."})
public final class ClassifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Images, or folders searched recursively for images "
            + "(name order, numbers as numbers: frame2 before frame10).")
    private List<Path> paths;

    @Option(names = "--mode", paramLabel = "frame|sequence", converter = EngineOptions.ModeConverter.class,
            description = "frame (default): each image alone; sequence: images as consecutive frames.")
    private RecognitionMode mode = RecognitionMode.FRAME;

    @Option(names = "--provider", paramLabel = "cpu|cuda", converter = EngineOptions.ProviderConverter.class,
            description = "Where the letter model runs (cuda falls back to cpu, with a note on standard error).")
    private ExecutionProvider provider = ExecutionProvider.CPU;

    @Override
    public Integer call() {
        List<List<Path>> clips = clips(paths);
        int imageCount = clips.stream().mapToInt(List::size).sum();
        // The engine's own pipeline, so classify answers what the app would. Photos in frame mode are
        // unrelated images (no tracking between them); the hand is taken as its label says, whichever it is.
        EngineSettings defaults = EngineSettings.defaults();
        EngineSettings settings = defaults.withMode(mode).withProvider(provider).withSigningHand(SigningHand.AUTO)
                .withTracker(defaults.tracker().withMaxHands(1).withStaticMode(mode == RecognitionMode.FRAME));
        try (PrintWriter out = new PrintWriter(StdOut.utf8());
             FrameProcessor processor = CliModels.openProcessor(settings);
             ImageFolderSource.Decoder decoder = new ImageFolderSource.Decoder()) {
            if (provider != processor.activeProvider()) {
                spec.commandLine().getErr().println("signspell: " + processor.providerNote());
            }
            int unreadable = 0;
            for (List<Path> clip : clips) {
                // Each path is a clip of its own, as landmarks takes it: no hand, motion or time carried over from
                // the path before.
                processor.reset();
                long index = 0;
                for (Path image : clip) {
                    Mat bgr;
                    try {
                        bgr = decoder.decode(image);
                    } catch (CaptureException e) {
                        out.println(noLetter(image, "cannot read image"));
                        unreadable++;
                        continue;
                    }
                    // Sequence frames are taken as 30 fps video: the tracker and the window read motion over time.
                    index++;
                    Prediction p = processor.process(bgr, index, index * LetterModel.WINDOW_FRAME_INTERVAL_MICROS)
                            .result().prediction();
                    out.println(p == null ? noLetter(image, "no hand") : answer(image, p));
                }
            }
            StdOut.requireWritten(out, "the output");
            if (unreadable > 0) {
                throw MediaPaths.unreadableImages(unreadable, imageCount);
            }
        }
        return 0;
    }

    /** The images of each path, all checked before the models load. */
    static List<List<Path>> clips(List<Path> args) {
        List<List<Path>> clips = new ArrayList<>();
        for (Path p : args) {
            MediaPaths.requireReadable(p);
            if (Files.isDirectory(p)) {
                clips.add(MediaPaths.imagesUnder(p));
            } else if (MediaPaths.isImage(p)) {
                clips.add(List.of(p));
            } else {
                throw new UserError(p + " is not an image (classify reads photos or folders of video frames).");
            }
        }
        return clips;
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
