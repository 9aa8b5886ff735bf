package org.signspell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.engine.EngineSettings;
import org.signspell.engine.FrameProcessor;
import org.signspell.engine.StageTimings;
import org.signspell.hands.TrackerTimings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** End-to-end throughput and latency of the engine, per stage, at 640×480. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks the whole engine (grab, hand tracker, letter model, commit policy) on a video or a folder of frames.",
                "The frames are looped at 640×480; it prints the median and p99 per stage, frames per second and RSS."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "A video file or a folder of frames.")
    Path path;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--frames", paramLabel = "N", defaultValue = "2000", converter = EngineOptions.AtLeastOne.class,
            description = "Frames to time (default 2000).")
    int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", converter = EngineOptions.AtLeastZero.class,
            description = "Untimed frames first (default 100).")
    int warmup;

    @Option(names = "--palm-every-frame", description = "Run palm detection on every frame instead of tracking.")
    boolean palmEveryFrame;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw new UserError("No such file or folder: " + path);
        }
        EngineSettings settings = engine.settings();
        settings = settings.withTracker(settings.tracker().withStaticMode(palmEveryFrame));
        long[] grab = new long[frames];
        long[] palm = new long[frames];
        long[] landmark = new long[frames];
        long[] tracker = new long[frames];
        long[] handModels = new long[frames];
        long[] letters = new long[frames];
        long[] engineTotal = new long[frames];
        long[] endToEnd = new long[frames];
        int palmRuns = 0;
        int withHand = 0;
        long rssStart;
        long wallNanos;
        long cpuNanos;
        long gcCount;
        String loadBefore;
        StringBuilder rssSeries = new StringBuilder();
        int rssEvery = Math.max(100, frames / 10);
        String provider;
        try (BenchClip clip = BenchClip.open(path, engine.fps, (int) Math.min(Integer.MAX_VALUE, (long) warmup + frames));
             FrameProcessor processor = CliModels.openProcessor(settings)) {
            provider = processor.activeProvider().displayName()
                    + (processor.activeProvider() == engine.provider ? "" : " (" + processor.providerNote() + ")");
            long timestamp = 0;
            for (int i = 0; i < warmup; i++) {
                processor.process(clip.next(), -1 - i, timestamp += 33_333);
            }
            System.gc();
            rssStart = residentKib();
            loadBefore = loadAverage();
            long gcStart = collections();
            long cpuStart = processCpuNanos();
            long wallStart = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                long t0 = System.nanoTime();
                Mat frame = clip.next();
                long t1 = System.nanoTime();
                FrameProcessor.Step step = processor.process(frame, i, timestamp += 33_333);
                long t2 = System.nanoTime();
                StageTimings t = step.result().timings();
                TrackerTimings hands = processor.lastTrackerTimings();
                grab[i] = t1 - t0;
                if (t.palmRan()) {
                    palm[palmRuns++] = t.palmNanos();
                }
                withHand += step.result().hasHand() ? 1 : 0;
                landmark[i] = t.landmarkNanos();
                tracker[i] = t.trackerNanos();
                handModels[i] = hands.modelNanos();
                letters[i] = t.letterNanos();
                engineTotal[i] = t.totalNanos();
                endToEnd[i] = t2 - t0;
                if ((i + 1) % rssEvery == 0) {
                    rssSeries.append(String.format(" %d:%.0f", i + 1, residentKib() / 1024.0));
                }
            }
            wallNanos = System.nanoTime() - wallStart;
            cpuNanos = processCpuNanos() - cpuStart;
            gcCount = collections() - gcStart;
        }
        long rssEnd = residentKib();

        PrintWriter out = spec.commandLine().getOut();
        out.printf("bench %s: %d frames after %d warm-up, 640x480, %s mode, %s model, %s, letter model on %s%n",
                path, frames, warmup, settings.mode().name().toLowerCase(), settings.tracker().model().name().toLowerCase(),
                palmEveryFrame ? "palm detection every frame" : "tracking", provider);
        out.printf("  hand on %d of %d frames; palm detection ran on %d (%.1f%%)%n", withHand, frames, palmRuns,
                100.0 * palmRuns / frames);
        out.println("  stage                median ms    p99 ms   mean ms");
        row(out, "grab", grab);
        row(out, "palm (when run)", Arrays.copyOf(palm, palmRuns));
        row(out, "landmark", landmark);
        row(out, "tracker", tracker);
        row(out, "  inside hand models", handModels);
        row(out, "letter model", letters);
        row(out, "engine (no grab)", engineTotal);
        row(out, "grab + engine", endToEnd);
        out.printf("  fps end to end: %.1f%n", frames / (wallNanos / 1e9));
        out.printf("  tracker time / time inside hand models: %.3f%n",
                Arrays.stream(tracker).sum() / (double) Arrays.stream(handModels).sum());
        out.printf("  RSS after warm-up %.1f MiB, after the run with models closed %.1f MiB (change %+.1f MiB); during the run, by frame, MiB:%s%n",
                rssStart / 1024.0, rssEnd / 1024.0, (rssEnd - rssStart) / 1024.0, rssSeries);
        out.printf("  garbage collections while timing: %d; process CPU %.2f ms per frame (all threads)%n",
                gcCount, cpuNanos / 1e6 / frames);
        out.printf("  load average (1 min) before %s, after %s, on %d cores: timings include whatever else ran%n",
                loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String name, long[] nanos) {
        if (nanos.length == 0) {
            out.printf("  %-20s %9s %9s %9s%n", name, "-", "-", "-");
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.printf("  %-20s %9.3f %9.3f %9.3f%n", name, percentile(sorted, 0.5) / 1e6,
                percentile(sorted, 0.99) / 1e6, Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    static long percentile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** VmRSS from /proc/self/status in KiB; -1 where there is no /proc. */
    static long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
