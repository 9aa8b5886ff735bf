package org.signspell.capture;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

/**
 * One place that loads FFmpeg and keeps its native log off the user's terminal: a bad file
 * otherwise prints lines like "moov atom not found" beside our own clear message.
 * {@code -Dsignspell.ffmpeg.log=true} brings FFmpeg's warnings back for debugging.
 */
final class FFmpegNatives {
    private static final System.Logger LOG = System.getLogger(FFmpegNatives.class.getName());
    private static final Pattern MISSING_LIBRARY = Pattern.compile("(lib[\\w.+-]+\\.so[.\\d]*): cannot open shared object file");

    private static volatile boolean initialised;
    // Set by init(), which loads the camera input once; null when it loaded.
    private static volatile String cameraInputProblem;

    private FFmpegNatives() {
    }

    static void init() {
        if (initialised) {
            return;
        }
        synchronized (FFmpegNatives.class) {
            if (!initialised) {
                boolean verbose = Boolean.getBoolean("signspell.ffmpeg.log");
                avutil.av_log_set_level(verbose ? avutil.AV_LOG_WARNING : avutil.AV_LOG_QUIET);
                // Before any JavaCV grabber: its own first load swallows the error that names a missing library.
                cameraInputProblem = loadCameraInput();
                initialised = true;
            }
        }
    }

    /**
     * Why FFmpeg's camera input cannot load on this machine, as a message for the user, or {@code null} when it
     * can. The camera input (libavdevice) links against system libraries that the bundled FFmpeg does not carry
     * (PulseAudio's libpulse.so.0): without one, video files still play but every camera fails to open, and
     * FFmpeg's own error ("could not find input format video4linux2") would read as a broken camera.
     */
    static String cameraInputProblem() {
        init();
        return cameraInputProblem;
    }

    private static String loadCameraInput() {
        try {
            Loader.load(avdevice.class);
            avdevice.avdevice_register_all();
            return null;
        } catch (LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "FFmpeg's camera input did not load", e);
            return missingLibraryMessage(messages(e));
        }
    }

    /**
     * The messages of an error and its causes: once JavaCV's own attempt has failed, a later load fails with
     * "Could not initialize class", and the missing library is named only by the first failure, its cause.
     */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** What to tell the user when the camera input failed to load with {@code linkError}. */
    static String missingLibraryMessage(String linkError) {
        Matcher m = MISSING_LIBRARY.matcher(linkError == null ? "" : linkError);
        if (!m.find()) {
            return "SignSpell's camera support failed to load on this computer. "
                    + "Video files and folders of images still work; reinstalling SignSpell may fix the camera.";
        }
        String library = m.group(1);
        String install = library.startsWith("libpulse.so")
                ? "install it (on Debian or Ubuntu: sudo apt install libpulse0)"
                : "install the package that provides it";
        return "SignSpell's camera support needs the system library " + library
                + ", which is not installed on this computer. To use a camera, " + install + " and restart SignSpell. "
                + "Video files and folders of images work without it.";
    }
}
