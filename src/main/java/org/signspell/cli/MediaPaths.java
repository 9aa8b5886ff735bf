package org.signspell.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.signspell.capture.ImageFolderSource;

/** What the command line accepts as input: image files, folders of them, and videos. */
final class MediaPaths {
    private MediaPaths() {
    }

    /** The same image types a frame folder plays (one list for the app and the CLI). */
    static boolean isImage(Path path) {
        return ImageFolderSource.isImageFile(path);
    }

    /**
     * The images under {@code folder}, recursively, sorted by path with numbers as numbers (frame2 before frame10),
     * the order in which spell and the app play a frame folder.
     */
    static List<Path> imagesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> images = walk.filter(p -> !hiddenUnder(folder, p)).filter(Files::isRegularFile)
                    .filter(MediaPaths::isImage)
                    .sorted(Comparator.comparing(Path::toString, ImageFolderSource::compareNatural))
                    .collect(Collectors.toList());
            if (images.isEmpty()) {
                throw new UserError("The folder " + folder + " holds no images (looked for "
                        + String.join(", ", ImageFolderSource.IMAGE_EXTENSIONS.stream().sorted().toList()) + ").");
            }
            return images;
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("Cannot read the folder " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Hidden below {@code folder} (see {@link ImageFolderSource#isHidden}), itself or a folder it is in, or in the
     * __MACOSX folder a zip made on a Mac holds (metadata, no pictures).
     */
    private static boolean hiddenUnder(Path folder, Path file) {
        for (Path name : folder.relativize(file)) {
            if (ImageFolderSource.isHidden(name) || name.toString().equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** Fails with a one-line message unless {@code path} exists and can be read. */
    static void requireReadable(Path path) {
        if (!Files.exists(path)) {
            throw new UserError("No such file or folder: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new UserError("Cannot read " + path + " (permission denied).");
        }
    }

    /**
     * The error at the end of a run in which some images could not be read: every image still has its line, the
     * exit status says that not all could be read.
     */
    static UserError unreadableImages(int unreadable, int images) {
        return new UserError(unreadable + " of " + images + " images could not be read (damaged, or not images); "
                + "their lines say \"cannot read image\".");
    }
}
