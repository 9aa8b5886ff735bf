package org.signspell.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signspell.capture.CaptureException;
import org.signspell.capture.CapturedFrame;
import org.signspell.capture.FrameSource;
import org.signspell.capture.FrameSources;
import org.signspell.engine.EngineSettings;
import org.signspell.engine.FrameProcessor;
import org.signspell.engine.FrameResult;
import org.signspell.hands.PictureCheck;
import org.signspell.letters.Prediction;
import org.signspell.spelling.CommitEvent;
import org.signspell.spelling.FileErrors;
import org.signspell.spelling.TextBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Spells a whole video or frame folder, headless, with the same engine the app runs. */
@Command(name = "spell", mixinStandardHelpOptions = true,
        description = "Reads fingerspelling from a video or a folder of frames and prints the text as the last line.")
public final class SpellCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A video file or a folder of frames.")
    String path;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write one JSON line per frame: time, hand or not, top-3, committed events.")
    Path trace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TextBuffer text = new TextBuffer();
        EngineSettings settings = engine.settings();
        UserError stopped = null;
        MotionLetterNote motionNote = new MotionLetterNote();
        requireNotOnePhoto(path);
        try (FrameSource source = openSource(path, settings.folderFps());
             FrameProcessor processor = CliModels.openProcessor(settings);
             TraceWriter traceWriter = trace == null ? null : TraceWriter.open(trace)) {
            if (processor.activeProvider() != engine.provider) {
                spec.commandLine().getErr().println("signspell: " + processor.providerNote());
            }
            try {
                for (CapturedFrame frame; (frame = source.next()) != null; ) {
                    FrameProcessor.Step step = processor.process(frame.bgr(), frame.index(), frame.timestampMicros());
                    step.commit().ifPresent(text::apply);
                    motionNote.see(step.result());
                    if (traceWriter != null) {
                        traceWriter.write(step);
                    }
                }
            } catch (CaptureException e) {
                // Part-way (a truncated video, a damaged image in a folder): the text read up to there goes out first.
                stopped = new UserError(e.getMessage(), e);
            } catch (UncheckedIOException e) {
                stopped = traceError(trace, e.getCause());
            }
            // The text goes out before the trace is closed (closing writes its last lines, and can fail) and before
            // a failure part-way is reported: what was read is not lost with the trace.
            out.println(text.text());
            StdOut.requireWritten(out, "the text");
            PrintWriter err = spec.commandLine().getErr();
            motionNote.print(err);
            // An empty or odd text with a reason: said after it, on standard error, as the Z note is.
            PictureCheck.Problem pictures = processor.pictureProblem();
            if (pictures != null) {
                err.println("signspell: " + pictures.message());
                err.flush();
            }
        } catch (IOException e) {
            // From closing the trace.
            throw traceError(trace, e);
        }
        if (stopped != null) {
            throw stopped;
        }
        return 0;
    }

    /**
     * Per-frame mode leaves a drawn Z out of the text; said on stderr so that the text on stdout stays as read,
     * and a user who asked for per-frame mode learns what it missed and where. Each stretch of video in which a Z
     * was seen is given on its own: two Zs a letter apart are two stretches, not one that takes in the letter.
     */
    private static final class MotionLetterNote {
        /**
         * A longer gap between two frames that saw a Z starts another stretch: the hand lost for a moment within
         * a Z stops the note for two looks (0.4 s), and a letter between two Zs takes a second.
         */
        private static final long SAME_STRETCH_MICROS = 1_000_000;
        private final java.util.List<long[]> stretches = new java.util.ArrayList<>();

        void see(FrameResult r) {
            if (r.motionLetter() == null) {
                return;
            }
            long t = r.timestampMicros();
            long[] last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
            if (last == null || t - last[1] > SAME_STRETCH_MICROS || t < last[1]) {
                stretches.add(new long[] {t, t});
            } else {
                last[1] = t;
            }
        }

        void print(PrintWriter err) {
            if (stretches.isEmpty()) {
                return;
            }
            StringBuilder times = new StringBuilder();
            for (long[] s : stretches) {
                times.append(times.length() == 0 ? "" : ", ")
                        .append(String.format(java.util.Locale.ROOT, "%.1f–%.1f s", s[0] / 1e6, s[1] / 1e6));
            }
            err.println("signspell: per-frame mode does not write Z, and a Z was seen drawn in the air at " + times
                    + ". For it: --mode sequence");
            err.flush();
        }
    }

    private static UserError traceError(Path trace, IOException e) {
        return new UserError("Cannot write the trace to " + trace + ": " + FileErrors.reason(e) + ".", e);
    }

    /** One frame is never held long enough to write a letter: an empty line would look like a misreading. */
    private static void requireNotOnePhoto(String path) {
        if (FrameSources.isCamera(path)) {
            return;
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            return; // FrameSources.open says what is wrong with it
        }
        if (MediaPaths.isImage(file) && Files.isRegularFile(file)) {
            // Named like a photo but none (damaged, or another file renamed): classify would not read it either.
            if (!org.bytedeco.opencv.global.opencv_imgcodecs.haveImageReader(file.toString())) {
                throw new UserError(path + " cannot be read as an image (damaged, or not an image), and spell reads"
                        + " a video or a folder of frames.");
            }
            throw new UserError(path + " is one photo: spell follows fingerspelling over time, in a video or a folder"
                    + " of frames. For the letter in a photo: signspell classify " + path);
        }
    }

    static FrameSource openSource(String path, double fps) {
        try {
            return FrameSources.open(path, fps, false);
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    static CapturedFrame next(FrameSource source) {
        try {
            return source.next();
        } catch (CaptureException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** One JSON object per frame, for finding out why a word came out as it did. */
    private static final class TraceWriter implements AutoCloseable {
        private final BufferedWriter writer;
        private final JsonGenerator json;

        private TraceWriter(BufferedWriter writer) throws IOException {
            this.writer = writer;
            json = new ObjectMapper().getFactory().createGenerator(writer);
            // Each line ends in a newline, the last one too (a separator between objects would leave it off).
            json.setRootValueSeparator(null);
        }

        static TraceWriter open(Path file) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UserError("Cannot write the trace to " + file + ": the folder " + parent + " does not exist.");
            }
            try {
                return new TraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw traceError(file, e);
            }
        }

        void write(FrameProcessor.Step step) {
            FrameResult r = step.result();
            try {
                json.writeStartObject();
                json.writeNumberField("frame", r.index());
                json.writeNumberField("time", r.timestampMicros() / 1e6);
                json.writeBooleanField("hand", r.hasHand());
                json.writeStringField("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
                json.writeArrayFieldStart("top3");
                if (r.prediction() != null) {
                    for (Prediction.Scored s : r.prediction().top3()) {
                        json.writeStartArray();
                        json.writeString(s.letter().label());
                        json.writeNumber(Math.round(s.probability() * 10000) / 10000.0);
                        json.writeEndArray();
                    }
                }
                json.writeEndArray();
                if (r.hold().isHolding()) {
                    json.writeStringField("holding", r.hold().held().label());
                    json.writeNumberField("hold", Math.round(r.hold().fraction() * 100) / 100.0);
                }
                if (r.motionLetter() != null) {
                    json.writeStringField("motion", r.motionLetter().label());
                }
                if (step.commit().isPresent()) {
                    CommitEvent e = step.commit().get();
                    json.writeStringField("commit", e.kind() == CommitEvent.Kind.LETTER ? e.letter().label()
                            : e.kind().name().toLowerCase(java.util.Locale.ROOT));
                }
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            json.close();
            writer.close();
        }
    }
}
