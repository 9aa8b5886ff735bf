package org.signspell.capture;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A video file decoded by FFmpeg. Timestamps come from the stream (first frame at 0).
 *
 * <p>Unpaced, frames come as fast as they decode (CLI, tests, benchmarks); paced, each frame is held
 * until its timestamp is due on the wall clock, so the app can play a file like a camera.
 */
public final class VideoFileSource implements FrameSource {
    private static final double FALLBACK_FPS = 30.0;
    /** What a video cut short leaves, said after how far it got. */
    private static final String CUT_SHORT_KEPT = ": the file is truncated or damaged. What was read before the cut is"
            + " kept; copy or record the video again to read the rest.";
    private static final java.util.regex.Pattern DURATION_TAG =
            java.util.regex.Pattern.compile("(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

    private final Path path;
    private final GrabberFrames frames;
    private final double frameRate;
    private final Pacer pacer;
    private final int width;
    private final int height;
    /** The stream's own frame count where its container indexes one (MP4, MOV, AVI), else 0. */
    private final int countedFrames;
    /** How long the video lasts where no frame count says it (see {@link #videoDurationMicros}), else 0. */
    private final long durationMicros;
    private int framesRead;
    private long firstMicros;
    private long lastMicros;

    private VideoFileSource(Path path, GrabberFrames frames, double frameRate, boolean paced, int width, int height,
                            int countedFrames, long durationMicros) {
        this.path = path;
        this.frames = frames;
        this.frameRate = frameRate;
        this.pacer = paced ? new Pacer() : null;
        this.width = width;
        this.height = height;
        this.countedFrames = countedFrames;
        this.durationMicros = durationMicros;
    }

    /**
     * Opens and probes the file; fails within about a second for a missing, empty, damaged or
     * non-video file. Nothing native stays allocated when it fails.
     */
    public static VideoFileSource open(Path path, boolean paced) throws CaptureException {
        if (!Files.exists(path)) {
            throw new CaptureException(CaptureException.Kind.NOT_FOUND,
                    "The file " + path + " does not exist. Check the path and try again.");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new CaptureException(CaptureException.Kind.UNREADABLE_VIDEO,
                    "The file " + path + " cannot be read. Check that it is a video file you have permission to open.");
        }
        FFmpegNatives.init();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            GrabberFrames.closeQuietly(grabber);
            throw unreadable(path, e);
        }
        // A song's cover art is a "video" stream of one still picture (an attached picture): no video either.
        AVStream video = videoStream(grabber);
        boolean coverArt = video != null && (video.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
        if (!grabber.hasVideo() || coverArt || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            GrabberFrames.closeQuietly(grabber);
            throw new CaptureException(CaptureException.Kind.UNREADABLE_VIDEO,
                    "The file " + path + " has no video picture in it. Choose a video file (for example .mp4, .avi, .mkv).");
        }
        double fps = grabber.getFrameRate();
        if (!(fps > 0 && fps < 1000)) {
            fps = FALLBACK_FPS;
        }
        int upright = uprightRotation(grabber.getDisplayRotation());
        boolean turned = upright == ROTATE_90_CLOCKWISE || upright == ROTATE_90_COUNTERCLOCKWISE;
        return new VideoFileSource(path, new GrabberFrames(grabber, FrameClock.forFile(fps), upright), fps, paced,
                turned ? grabber.getImageHeight() : grabber.getImageWidth(),
                turned ? grabber.getImageWidth() : grabber.getImageHeight(), countedVideoFrames(grabber),
                videoDurationMicros(grabber));
    }

    /**
     * OpenCV's rotate code that shows a picture as its video says it is to be shown, or -1 for none. A phone
     * stores a clip filmed upright as its camera sees it, sideways, and says in the video's display matrix how
     * to turn it (FFmpeg gives the angle counterclockwise); read as stored, the hand lay on its side and the
     * letters came out wrong ("HELP" as "G"). Angles other than quarter turns are not made by cameras.
     */
    static int uprightRotation(double counterclockwiseDegrees) {
        if (!Double.isFinite(counterclockwiseDegrees)) {
            return -1;
        }
        return switch ((int) Math.floorMod(Math.round(counterclockwiseDegrees), 360L)) {
            case 90 -> ROTATE_90_COUNTERCLOCKWISE;
            case 180 -> ROTATE_180;
            case 270 -> ROTATE_90_CLOCKWISE;
            default -> -1;
        };
    }

    /**
     * The video stream's frame count from the container's index, 0 where there is none. Not JavaCV's
     * {@code getLengthInFrames()}: that is the container's duration times the frame rate, and a container lasts as
     * long as its longest stream, so sound running on past the picture would promise frames that never come.
     */
    private static int countedVideoFrames(FFmpegFrameGrabber grabber) {
        AVStream video = videoStream(grabber);
        long counted = video == null ? 0 : video.nb_frames();
        return counted > 0 ? (int) Math.min(counted, Integer.MAX_VALUE) : 0;
    }

    /**
     * How long the video stream lasts: its own duration; else (Matroska, WebM) the video track's DURATION tag, or
     * the container's duration where the video is its only stream (with sound it lasts as long as its longest
     * stream). Those two are where the last frame ends, not lengths: a part cut from a longer recording starts at
     * its old time, so the start is taken off. 0 where nothing says.
     */
    private static long videoDurationMicros(FFmpegFrameGrabber grabber) {
        AVStream video = videoStream(grabber);
        if (video == null) {
            return 0;
        }
        long duration = micros(video.duration(), video.time_base());
        if (duration > 0) {
            return duration;
        }
        AVFormatContext container = grabber.getFormatContext();
        long streamStart = micros(video.start_time(), video.time_base());
        long start = streamStart != avutil.AV_NOPTS_VALUE ? streamStart : Math.max(0, container.start_time());
        long tagged = parseDurationTag(grabber.getVideoMetadata("DURATION"));
        if (tagged > 0) {
            return Math.max(0, tagged - start);
        }
        // The container's duration is in AV_TIME_BASE units, microseconds; unknown is negative.
        return container.nb_streams() == 1 && container.duration() > 0 ? Math.max(0, container.duration() - start) : 0;
    }

    /** The grabber's video stream, null where the container has none. */
    private static AVStream videoStream(FFmpegFrameGrabber grabber) {
        AVFormatContext container = grabber.getFormatContext();
        int index = grabber.getVideoStream();
        return container != null && index >= 0 && index < container.nb_streams() ? container.streams(index) : null;
    }

    /** {@code ticks} of {@code timeBase} in microseconds; AV_NOPTS_VALUE where either is unknown. */
    private static long micros(long ticks, AVRational timeBase) {
        if (ticks == avutil.AV_NOPTS_VALUE || timeBase.num() <= 0 || timeBase.den() <= 0) {
            return avutil.AV_NOPTS_VALUE;
        }
        return Math.round(ticks * 1e6 * timeBase.num() / timeBase.den());
    }

    /** Matroska's DURATION tag, {@code HH:MM:SS.nnnnnnnnn}, in microseconds; 0 when absent or not in that form. */
    static long parseDurationTag(String tag) {
        if (tag == null) {
            return 0;
        }
        java.util.regex.Matcher m = DURATION_TAG.matcher(tag.trim());
        if (!m.matches()) {
            return 0;
        }
        String fraction = m.group(4) == null ? "0" : (m.group(4) + "000000").substring(0, 6);
        return ((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3)))
                * 1_000_000 + Long.parseLong(fraction);
    }

    static CaptureException unreadable(Path path, Throwable cause) {
        return new CaptureException(CaptureException.Kind.UNREADABLE_VIDEO,
                "The video " + path + " could not be read: it is damaged, incomplete, or not a video format SignSpell can decode."
                        + " Try playing it in a video player, or record or convert it again (MP4 or AVI).", cause);
    }

    @Override
    public String description() {
        return "video " + path.getFileName();
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    /** Picture width the stream declares. */
    public int width() {
        return width;
    }

    /** Picture height the stream declares. */
    public int height() {
        return height;
    }

    @Override
    public CapturedFrame next() throws CaptureException {
        CapturedFrame frame;
        try {
            frame = frames.next();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw unreadable(path, e);
        }
        if (frame == null) {
            requireComplete();
            return null;
        }
        if (framesRead++ == 0) {
            firstMicros = frame.timestampMicros();
        }
        lastMicros = frame.timestampMicros();
        if (pacer != null) {
            pacer.awaitDue(frame.timestampMicros());
        }
        return frame;
    }

    /**
     * At the end: a file that gave no frame, or clearly fewer than its index counts, or whose frames stop well
     * before the video's duration, was cut off or is damaged, and its end is not the end of the recording. Frames
     * are compared where the container counts them (MP4, MOV, AVI); elsewhere (Matroska, WebM) time is, since a
     * count worked out from the duration is far off for a recording of varying frame rate. A little slack either way.
     * Where neither is known (Matroska with sound and no DURATION tag, as streamed recordings are), the file's own
     * element sizes are: it must hold every byte it declares.
     */
    private void requireComplete() throws CaptureException {
        if (framesRead == 0) {
            throw new CaptureException(CaptureException.Kind.UNREADABLE_VIDEO,
                    "The video " + path + " holds no frames that can be decoded. Try playing it in a video player,"
                            + " or record or convert it again (MP4 or AVI).");
        }
        if (countedFrames > 0 && framesRead < countedFrames - Math.max(2, countedFrames / 20)) {
            throw new CaptureException(CaptureException.Kind.VIDEO_CUT_SHORT,
                    "The video " + path + " ended after " + framesRead + " of its " + countedFrames + " frames"
                            + CUT_SHORT_KEPT);
        }
        long frameMicros = Math.round(1e6 / frameRate);
        long played = lastMicros - firstMicros + frameMicros;
        if (countedFrames == 0 && durationMicros > 0
                && played < durationMicros - Math.max(2 * frameMicros, durationMicros / 20)) {
            throw new CaptureException(CaptureException.Kind.VIDEO_CUT_SHORT, String.format(java.util.Locale.ROOT,
                    "The video %s ended after %.1f s of its %.1f s", path, played / 1e6, durationMicros / 1e6)
                    + CUT_SHORT_KEPT);
        }
        if (countedFrames == 0 && durationMicros == 0 && MatroskaExtent.endsInsideAnElement(path)) {
            throw new CaptureException(CaptureException.Kind.VIDEO_CUT_SHORT, String.format(java.util.Locale.ROOT,
                    "The video %s ended after %.1f s, in the middle of its data", path, played / 1e6) + CUT_SHORT_KEPT);
        }
    }

    @Override
    public void close() {
        frames.close();
    }
}
