package org.signspell.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Locates {@code ../shared/data}: real photos, video frames and MediaPipe's reference answers,
 * read in place (never copied into the repo).
 */
public final class SharedData {
    /**
     * Reference photos where MediaPipe Hands found no hand (reference/mediapipe-landmarks.json) and the tracker's
     * zoomed-out second look finds the signer's (checked by eye), relative to {@link #root()}.
     */
    public static final List<String> FOUND_ON_SECOND_LOOK = List.of(
            "photos/roboflow-asl-letters/P/P0_jpg.rf.53eb3ac143396f521ceb9b0a4578eb5e.jpg",
            "photos/roboflow-asl-letters/S/S10_jpg.rf.32f769670a7251b82f5b8187a8274414.jpg",
            "photos/roboflow-asl-letters/S/S10_jpg.rf.718df1410683539001eb344f2726ae41.jpg",
            "photos/roboflow-asl-letters/V/V13_jpg.rf.be5f81d0c35981669424b42a610ad935.jpg",
            "photos/t32rahman-webcam/J/60.jpg");

    private SharedData() {
    }

    /** The data folder, or a skipped test that says clearly why, when it is absent. */
    public static Path root() {
        Path root = Path.of(System.getProperty("signspell.shared.data", "../shared/data")).toAbsolutePath().normalize();
        boolean present = Files.isDirectory(root.resolve("photos"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have ../shared/data beside the checkout, but " + root + " is missing");
        }
        assumeTrue(present, () -> "SKIPPED: needs the shared real-data folder at " + root
                + " (set -Dsignspell.shared.data=PATH); tests on real photos and video cannot run without it");
        return root;
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
