package org.signspell.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/data}: real photos, video frames and MediaPipe's reference answers,
 * read in place (never copied into the repo).
 */
public final class SharedData {
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
