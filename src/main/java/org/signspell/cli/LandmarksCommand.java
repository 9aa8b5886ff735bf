package org.signspell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.capture.CaptureException;
import org.signspell.capture.CapturedFrame;
import org.signspell.capture.ImageFolderSource;
import org.signspell.capture.VideoFileSource;
import org.signspell.hands.HandResult;
import org.signspell.hands.Landmarks;
import org.signspell.hands.MediaPipeHandTracker;
import org.signspell.hands.ModelLoadException;
import org.signspell.hands.ModelVariant;
import org.signspell.hands.TrackerOptions;
import org.signspell.spelling.FileErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signspell landmarks}: MediaPipe hand landmarks for images, folders and videos, as JSON lines. */
@Command(name = "landmarks",
        mixinStandardHelpOptions = true,
        description = {
            "Finds hands and writes their 21 landmarks as JSON, one line per image or video frame.",
            "Each line: {\"source\":…,\"frame\":0,\"width\":640,\"height\":480,\"hands\":[{\"handedness\":\"Left\",\"score\":0.97,"
                    + "\"presence\":0.99,\"landmarks\":[[x,y,z],…],\"world\":[[x,y,z],…]}]}",
            "x and y are fractions of the image size, z MediaPipe's relative depth, world in metres.",
            "Handedness is MediaPipe's label, which assumes a mirrored (selfie) image.",
            "An image that cannot be read gets {\"source\":…,\"frame\":0,\"hands\":[],\"reason\":\"cannot read image\"}; "
                    + "the others are still read, and the exit status is then 1."})
public final class LandmarksCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "An image, a folder (searched recursively for images, in name order with numbers as numbers) or a video.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON lines here instead of to stdout.")
    Path out;

    @Option(names = "--model", paramLabel = "full|lite", defaultValue = "full", converter = EngineOptions.ModelConverter.class,
            description = "Model pair: full (default, what the reference answers used) or lite (faster).")
    ModelVariant model;

    @Option(names = "--max-hands", paramLabel = "1|2", defaultValue = "1", converter = MaxHandsConverter.class,
            description = "Hands to find (default 1).")
    int maxHands;

    @Option(names = "--static", description = "Every frame on its own (default for images and folders).")
    boolean staticMode;

    @Option(names = "--track", description = "Track hands from frame to frame (default for videos).")
    boolean trackMode;

    @Spec
    CommandSpec spec;

    @Option(names = "--zoom-out-retry",
            description = "Beyond MediaPipe: where no hand is found, look once more with the picture shrunk to half size "
                    + "(finds many hands that fill the picture); a photo is then also looked at mirrored, at both "
                    + "sizes. Off by default: plain MediaPipe, as the letter model's training data; classify, spell, "
                    + "bench and the app use it.")
    boolean zoomOutRetry;

    @Override
    public Integer call() {
        if (staticMode && trackMode) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Choose one of --static and --track");
        }
        TrackerOptions base = TrackerOptions.defaults().withModel(model).withMaxHands(maxHands)
                .withZoomOutRetry(zoomOutRetry);
        for (Path path : paths) {
            MediaPaths.requireReadable(path);
        }
        int images = 0;
        int unreadable = 0;
        try (Writer writer = openOutput(out);
             JsonGenerator json = new JsonFactory().createGenerator(writer).setRootValueSeparator(null);
             Trackers trackers = new Trackers(base);
             ImageFolderSource.Decoder decoder = new ImageFolderSource.Decoder()) {
            for (Path path : paths) {
                if (Files.isDirectory(path) || MediaPaths.isImage(path)) {
                    List<Path> files = Files.isDirectory(path) ? MediaPaths.imagesUnder(path) : List.of(path);
                    MediaPipeHandTracker tracker = trackers.get(!trackMode);
                    tracker.reset();
                    for (int i = 0; i < files.size(); i++) {
                        if (!writeImage(json, tracker, decoder, files.get(i), i)) {
                            unreadable++;
                        }
                    }
                    images += files.size();
                } else {
                    writeVideo(json, trackers.get(staticMode), path);
                }
            }
            json.flush();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            throw new UserError("Cannot write the output" + (out == null ? "" : " to " + out) + ": "
                    + FileErrors.reason(cause) + ".");
        }
        if (out == null) {
            StdOut.requireWritten("the output");
        }
        if (unreadable > 0) {
            throw MediaPaths.unreadableImages(unreadable, images);
        }
        return 0;
    }

    /** One tracker per mode, opened on first use: building an interpreter pair takes a moment. */
    private static final class Trackers implements AutoCloseable {
        private final TrackerOptions options;
        private MediaPipeHandTracker still;
        private MediaPipeHandTracker tracking;

        Trackers(TrackerOptions options) {
            this.options = options;
        }

        MediaPipeHandTracker get(boolean staticMode) {
            if (staticMode) {
                if (still == null) {
                    still = openTracker(options.withStaticMode(true));
                }
                return still;
            }
            if (tracking == null) {
                tracking = openTracker(options.withStaticMode(false));
            }
            return tracking;
        }

        @Override
        public void close() {
            if (still != null) {
                still.close();
            }
            if (tracking != null) {
                tracking.close();
            }
        }
    }

    static final class MaxHandsConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return switch (value.trim()) {
                case "1" -> 1;
                case "2" -> 2;
                default -> throw new CommandLine.TypeConversionException("expected 1 or 2, got " + value);
            };
        }
    }

    static MediaPipeHandTracker openTracker(TrackerOptions options) {
        try {
            return MediaPipeHandTracker.open(options);
        } catch (ModelLoadException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static Writer openOutput(Path out) throws IOException {
        if (out == null) {
            return StdOut.utf8();
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("Cannot write " + out + ": the folder " + parent + " does not exist.");
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    /** Writes the image's line; {@code false} where it could not be read (its line then says so). */
    private static boolean writeImage(JsonGenerator json, MediaPipeHandTracker tracker,
                                      ImageFolderSource.Decoder decoder, Path image, int frame) throws IOException {
        Mat bgr;
        try {
            bgr = decoder.decode(image);
        } catch (CaptureException e) {
            writeUnreadable(json, image.toString(), frame);
            return false;
        }
        List<HandResult> hands = tracker.process(bgr, (frame + 1) * 33_333L);
        writeLine(json, image.toString(), frame, bgr.cols(), bgr.rows(), hands);
        return true;
    }

    private static void writeVideo(JsonGenerator json, MediaPipeHandTracker tracker, Path video) throws IOException {
        tracker.reset();
        try (VideoFileSource frames = openVideo(video)) {
            int frame = 0;
            long lastTimestamp = Long.MIN_VALUE;
            try {
                for (CapturedFrame f = SpellCommand.next(frames); f != null; f = SpellCommand.next(frames)) {
                    // Some containers repeat a timestamp; the tracker needs them increasing.
                    long timestamp = Math.max(f.timestampMicros(), lastTimestamp + 1);
                    lastTimestamp = timestamp;
                    List<HandResult> hands = tracker.process(f.bgr(), timestamp);
                    writeLine(json, video.toString(), frame++, f.width(), f.height(), hands);
                }
            } finally {
                // A video cut short fails at its end: the frames read before the cut are written all the same.
                json.flush();
            }
        }
    }

    private static VideoFileSource openVideo(Path video) {
        try {
            return VideoFileSource.open(video, false);
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static void writeLine(JsonGenerator json, String source, int frame, int width, int height,
                                  List<HandResult> hands) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", source);
        json.writeNumberField("frame", frame);
        json.writeNumberField("width", width);
        json.writeNumberField("height", height);
        json.writeArrayFieldStart("hands");
        for (HandResult hand : hands) {
            json.writeStartObject();
            json.writeStringField("handedness", hand.handedness().label());
            json.writeNumberField("score", hand.handednessScore());
            json.writeNumberField("presence", hand.presence());
            writePoints(json, "landmarks", hand.landmarks());
            writePoints(json, "world", hand.world());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void writeUnreadable(JsonGenerator json, String source, int frame) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", source);
        json.writeNumberField("frame", frame);
        // No hands, as for a picture without one, so a reader that skips those skips this too; no size, as
        // nothing was decoded.
        json.writeArrayFieldStart("hands");
        json.writeEndArray();
        json.writeStringField("reason", "cannot read image");
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void writePoints(JsonGenerator json, String name, Landmarks points) throws IOException {
        json.writeArrayFieldStart(name);
        for (int i = 0; i < Landmarks.COUNT; i++) {
            json.writeStartArray();
            json.writeNumber(points.x(i));
            json.writeNumber(points.y(i));
            json.writeNumber(points.z(i));
            json.writeEndArray();
        }
        json.writeEndArray();
    }
}
