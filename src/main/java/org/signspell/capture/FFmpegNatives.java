package org.signspell.capture;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * One place that loads FFmpeg and keeps its native log off the user's terminal: a bad file
 * otherwise prints lines like "moov atom not found" beside our own clear message.
 * {@code -Dsignspell.ffmpeg.log=true} brings FFmpeg's warnings back for debugging.
 */
final class FFmpegNatives {
    private static volatile boolean initialised;

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
                initialised = true;
            }
        }
    }
}
