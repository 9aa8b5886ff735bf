package org.signspell.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.signspell.hands.MediaPipeHandTracker;
import org.signspell.hands.TrackerOptions;
import org.signspell.hands.TrackerTimings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signspell bench-tracker}: loops a clip through the hand tracker at 640×480 and reports per-stage
 * latency, frames per second, the share of time spent outside the models, and resident memory.
 */
@Command(name = "bench-tracker",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks the hand tracker on a video or a folder of frames, looped, at 640×480.",
            "A folder is decoded once and its frames copied in turn (a camera hands over decoded frames);",
            "a video is decoded frame by frame. Reports median and p99 per stage, fps, total/model time and RSS."})
public final class TrackerBenchCommand implements Callable<Integer> {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    @Parameters(paramLabel = "PATH", description = "A video file or a folder of frames.")
    Path path;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "2000", description = "Frames to time (default 2000).")
    int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100",
            description = "Frames run before timing starts (default 100).")
    int warmup;

    @Option(names = "--model", paramLabel = "full|lite", defaultValue = "full", description = "Model pair (default full).")
    String model;

    @Option(names = "--max-hands", paramLabel = "1|2", defaultValue = "1", description = "Hands to find (default 1).")
    int maxHands;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Interpreter threads (default 2).")
    int threads;

    @Option(names = "--palm-every-frame",
            description = "Static mode: palm detection on every frame instead of tracking.")
    boolean palmEveryFrame;

    @Override
    public Integer call() {
        if (frames < 1 || warmup < 0) {
            throw new UserError("--frames must be at least 1 and --warmup at least 0.");
        }
        if (maxHands != 1 && maxHands != 2) {
            throw new UserError("--max-hands must be 1 or 2, not " + maxHands + ".");
        }
        if (threads < 1) {
            throw new UserError("--threads must be at least 1.");
        }
        MediaPaths.requireReadable(path);
        TrackerOptions options = TrackerOptions.defaults().withModel(LandmarksCommand.parseModel(model))
                .withMaxHands(maxHands).withStaticMode(palmEveryFrame);
        long[] grab = new long[frames];
        long[] palm = new long[frames];
        long[] landmark = new long[frames];
        long[] total = new long[frames];
        long[] model = new long[frames];
        long[] endToEnd = new long[frames];
        boolean[] palmRan = new boolean[frames];
        int[] handsFound = new int[frames];
        StringBuilder rssSeries = new StringBuilder();
        int rssEvery = Math.max(100, frames / 10);
        long gcStart;
        long gcCount;
        long rssStart;
        long rssEnd;
        long anonStart;
        long anonEnd;
        long rssMax;
        long wallNanos;
        long cpuStart;
        long cpuNanos;
        String loadBefore;
        try (Clip clip = Files.isDirectory(path) ? new FolderClip(path) : new VideoClip(path);
             MediaPipeHandTracker tracker = openTracker(options, threads)) {
            long timestamp = 0;
            for (int i = 0; i < warmup; i++) {
                tracker.process(clip.next(), timestamp += 33_333);
            }
            rssStart = residentKib();
            anonStart = anonymousKib();
            rssMax = rssStart;
            loadBefore = loadAverage();
            gcStart = collections();
            cpuStart = processCpuNanos();
            long wallStart = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                long t0 = System.nanoTime();
                Mat frame = clip.next();
                long t1 = System.nanoTime();
                handsFound[i] = tracker.process(frame, timestamp += 33_333).size();
                long t2 = System.nanoTime();
                TrackerTimings timings = tracker.lastTimings();
                grab[i] = t1 - t0;
                palm[i] = timings.palmNanos();
                palmRan[i] = timings.palmRan();
                landmark[i] = timings.landmarkNanos();
                total[i] = timings.totalNanos();
                model[i] = timings.modelNanos();
                endToEnd[i] = t2 - t0;
                if ((i + 1) % rssEvery == 0) {
                    long rss = residentKib();
                    rssMax = Math.max(rssMax, rss);
                    Runtime runtime = Runtime.getRuntime();
                    rssSeries.append(String.format(" %d:%.0f/%.0f", i + 1, rss / 1024.0,
                            runtime.totalMemory() / 1048576.0));
                }
            }
            wallNanos = System.nanoTime() - wallStart;
            cpuNanos = processCpuNanos() - cpuStart;
            rssEnd = residentKib();
            anonEnd = anonymousKib();
            gcCount = collections() - gcStart;
        }
        long rssClosed = residentKib();
        rssMax = Math.max(rssMax, rssEnd);
        report(options, palmRan, grab, palm, landmark, total, model, endToEnd, handsFound, wallNanos,
                rssStart, rssEnd, rssMax);
        System.out.println("  RSS / Java heap committed, MiB, by frame:" + rssSeries);
        System.out.printf("  RSS after the tracker and clip are closed: %.1f MiB%n", rssClosed / 1024.0);
        System.out.printf("  of which anonymous (heap and native buffers): after warm-up %.1f MiB, at end %.1f MiB%n",
                anonStart / 1024.0, anonEnd / 1024.0);
        System.out.printf("  garbage collections during the timed frames: %d (until the first one, the Java heap's "
                + "young generation is still being touched for the first time and RSS rises with it)%n", gcCount);
        System.out.printf("  process CPU time %.2f ms per frame (all threads, spin-waits included)%n",
                cpuNanos / 1e6 / frames);
        System.out.printf("  load average (1 min) before %s, after %s, on %d cores: timings include whatever "
                + "else ran%n", loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors());
        return 0;
    }

    private static MediaPipeHandTracker openTracker(TrackerOptions options, int threads) {
        try {
            return MediaPipeHandTracker.open(options, threads);
        } catch (org.signspell.hands.ModelLoadException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private void report(TrackerOptions options, boolean[] palmRan, long[] grab, long[] palm, long[] landmark,
                        long[] total, long[] model, long[] endToEnd, int[] handsFound, long wallNanos,
                        long rssStart, long rssEnd, long rssMax) {
        int n = total.length;
        long[] palmRuns = new long[n];
        int palmCount = 0;
        int withHand = 0;
        for (int i = 0; i < n; i++) {
            if (palmRan[i]) {
                palmRuns[palmCount++] = palm[i];
            }
            if (handsFound[i] > 0) {
                withHand++;
            }
        }
        palmRuns = Arrays.copyOf(palmRuns, palmCount);
        double totalSum = Arrays.stream(total).sum();
        double modelSum = Arrays.stream(model).sum();
        System.out.printf("bench-tracker %s: %s model, %s, max %d hand(s), %d interpreter threads, %d frames "
                        + "(after %d warm-up), %dx%d%n", path, options.model().name().toLowerCase(),
                options.staticMode() ? "palm detection every frame" : "tracking", options.maxHands(), threads,
                n, warmup, WIDTH, HEIGHT);
        System.out.printf("  hand found on %d of %d frames; palm detection ran on %d (%.1f%%)%n",
                withHand, n, palmCount, 100.0 * palmCount / n);
        System.out.println("  stage            median ms   p99 ms   mean ms");
        row("grab", grab);
        row("palm (when run)", palmRuns);
        row("landmark", landmark);
        row("tracker total", total);
        row("inside models", model);
        row("grab + tracker", endToEnd);
        System.out.printf("  fps: %.1f (frames / wall time, grab included)%n", n / (wallNanos / 1e9));
        System.out.printf("  tracker total / model time: %.3f%n", totalSum / modelSum);
        System.out.printf("  RSS after warm-up %.1f MiB, after the last frame %.1f MiB, highest sampled %.1f MiB "
                        + "(change %+.1f MiB)%n",
                rssStart / 1024.0, rssEnd / 1024.0, rssMax / 1024.0, (rssEnd - rssStart) / 1024.0);
    }

    private static void row(String name, long[] nanos) {
        if (nanos.length == 0) {
            System.out.printf("  %-16s %9s %8s %9s%n", name, "-", "-", "-");
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf("  %-16s %9.2f %8.2f %9.2f%n", name, percentile(sorted, 0.5) / 1e6,
                percentile(sorted, 0.99) / 1e6, mean / 1e6);
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

    /** VmRSS from /proc/self/status, in KiB; -1 where there is no /proc. */
    static long residentKib() {
        return statusKib("VmRSS:");
    }

    /** Anonymous resident memory (heap, native buffers), the part a leak would grow, in KiB. */
    static long anonymousKib() {
        return statusKib("RssAnon:");
    }

    private static long statusKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** An endless 640×480 BGR frame supply; each Mat is valid until the next call. */
    private interface Clip extends AutoCloseable {
        Mat next();

        @Override
        void close();
    }

    private static final class FolderClip implements Clip {
        private final List<Mat> decoded = new ArrayList<>();
        private final Mat frame = new Mat();
        private int index;

        FolderClip(Path folder) {
            try (Size size = new Size(WIDTH, HEIGHT)) {
                for (Path image : MediaPaths.imagesUnder(folder)) {
                    Mat bgr = imread(image.toString());
                    if (bgr == null || bgr.empty()) {
                        close();
                        throw new UserError("Cannot decode the image " + image + ".");
                    }
                    if (bgr.cols() != WIDTH || bgr.rows() != HEIGHT) {
                        Mat scaled = new Mat();
                        resize(bgr, scaled, size, 0, 0, INTER_AREA);
                        bgr.close();
                        bgr = scaled;
                    }
                    decoded.add(bgr);
                }
            }
        }

        @Override
        public Mat next() {
            decoded.get(index).copyTo(frame);
            index = (index + 1) % decoded.size();
            return frame;
        }

        @Override
        public void close() {
            decoded.forEach(Mat::close);
            frame.close();
        }
    }

    private static final class VideoClip implements Clip {
        private final Path path;
        private final VideoFrames video;
        private final Mat scaled = new Mat();
        private final Size size = new Size(WIDTH, HEIGHT);

        VideoClip(Path path) {
            this.path = path;
            this.video = VideoFrames.open(path);
        }

        @Override
        public Mat next() {
            Mat frame = video.next();
            if (frame == null) {
                video.rewind();
                frame = video.next();
                if (frame == null) {
                    throw new UserError(path + " has no frames.");
                }
            }
            if (frame.cols() == WIDTH && frame.rows() == HEIGHT) {
                return frame;
            }
            resize(frame, scaled, size, 0, 0, INTER_AREA);
            return scaled;
        }

        @Override
        public void close() {
            size.close();
            scaled.close();
            video.close();
        }
    }
}
