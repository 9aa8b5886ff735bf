package org.signspell.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still images played as a video at a fixed rate: frame {@code i} has timestamp {@code i / fps}.
 *
 * <p>Files are sorted by name with digit runs compared as numbers, so {@code 4.jpg} comes before
 * {@code 12.jpg} and zero-padded names keep their order. Unpaced, frames come as fast as they
 * decode (CLI and tests); paced, each is held until its timestamp is due, like a live camera.
 *
 * <p>Each file is read into one reused native buffer and decoded into one reused Mat (reallocated
 * only when the image size changes); grey or 16-bit images are converted to 8-bit BGR.
 */
public final class ImageFolderSource implements FrameSource {
    /** File name endings (lower case) taken as images; everything else in a folder is ignored. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp");

    private static final long INITIAL_BUFFER_BYTES = 256 * 1024;

    private final List<Path> files;
    private final String description;
    private final double fps;
    private final Pacer pacer;
    private final Decoder decoder = new Decoder();
    private Mat bgr;
    private int nextIndex;
    private boolean closed;

    private ImageFolderSource(List<Path> files, String description, double fps, boolean paced) {
        this.files = files;
        this.description = description;
        this.fps = fps;
        this.pacer = paced ? new Pacer() : null;
    }

    /**
     * Opens the images directly inside {@code folder} (not sub-folders). The first image is decoded
     * here, so a folder whose images cannot be read fails at once rather than on the first frame.
     */
    public static ImageFolderSource open(Path folder, double fps, boolean paced) throws CaptureException {
        if (!Files.exists(folder)) {
            throw new CaptureException(CaptureException.Kind.NOT_FOUND,
                    "The folder " + folder + " does not exist. Check the path and try again.");
        }
        if (!Files.isDirectory(folder)) {
            throw new CaptureException(CaptureException.Kind.NOT_FOUND,
                    folder + " is not a folder. Choose a folder of images, or open it as a video file.");
        }
        List<Path> images = listImages(folder);
        if (images.isEmpty()) {
            throw new CaptureException(CaptureException.Kind.EMPTY_FOLDER,
                    "The folder " + folder + " has no images in it (looked for " + String.join(", ", sortedExtensions())
                            + "). Choose a folder that holds the frames as image files.");
        }
        return ofFiles(images, "folder " + folder.getFileName(), fps, paced);
    }

    /** Plays the given image files in the given order (for example one image, or images found recursively). */
    public static ImageFolderSource ofFiles(List<Path> images, String description, double fps, boolean paced)
            throws CaptureException {
        if (!(fps > 0 && Double.isFinite(fps))) {
            throw new IllegalArgumentException("frames per second must be positive, was " + fps);
        }
        if (images.isEmpty()) {
            throw new CaptureException(CaptureException.Kind.EMPTY_FOLDER,
                    "There are no images to play. Choose a folder that holds the frames as image files.");
        }
        ImageFolderSource source = new ImageFolderSource(List.copyOf(images), description, fps, paced);
        try {
            source.decode(0);
        } catch (CaptureException e) {
            source.close();
            throw e;
        }
        return source;
    }

    /** The image files of {@code folder}, in playing order. */
    public static List<Path> listImages(Path folder) throws CaptureException {
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (isImageFile(entry) && !isHidden(entry) && Files.isRegularFile(entry)) {
                    images.add(entry);
                }
            }
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Kind.NOT_FOUND,
                    "The folder " + folder + " cannot be read. Check that you have permission to open it.", e);
        }
        images.sort(Comparator.comparing(p -> p.getFileName().toString(), ImageFolderSource::compareNatural));
        return images;
    }

    public static boolean isImageFile(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * A hidden file in a folder is not a frame: macOS leaves "._name.jpg" (its metadata, no picture) beside each
     * file it copies to a USB stick or zips, which file managers do not show; one made the whole folder
     * unreadable. (A hidden file named on its own is read: it was asked for.)
     */
    public static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Compares names with runs of digits taken as numbers: "4.jpg" < "12.jpg", "a2" < "a10". */
    public static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int byLength = Integer.compare(na.length(), nb.length());
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = na.compareTo(nb);
                if (byDigits != 0) {
                    return byDigits;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static List<String> sortedExtensions() {
        return IMAGE_EXTENSIONS.stream().sorted().toList();
    }

    /** The images played, in order. */
    public List<Path> files() {
        return files;
    }

    /** The file of the frame last returned by {@link #next()}, or {@code null} before the first. */
    public Path currentFile() {
        return nextIndex == 0 ? null : files.get(nextIndex - 1);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public double frameRate() {
        return fps;
    }

    @Override
    public CapturedFrame next() throws CaptureException {
        if (closed || nextIndex >= files.size()) {
            return null;
        }
        int index = nextIndex;
        // The first image was decoded by open(), to fail early on an unreadable folder.
        if (index > 0) {
            decode(index);
        }
        nextIndex = index + 1;
        long timestamp = Math.round(index * 1_000_000.0 / fps);
        if (pacer != null) {
            pacer.awaitDue(timestamp);
        }
        return new CapturedFrame(bgr, index, timestamp);
    }

    private void decode(int index) throws CaptureException {
        bgr = decoder.decode(files.get(index));
    }

    /**
     * Reads image files the way a frame folder plays them, for callers that take images one by one (the command
     * line). Java opens the file from the Path, which keeps the name's bytes as the file system has them; handing
     * OpenCV the name as a String instead loses what the platform charset cannot spell (a Latin-1 name on a UTF-8
     * system, on Windows any name outside the ANSI code page), and the image "does not exist". One native buffer
     * and one Mat are reused from image to image.
     */
    public static final class Decoder implements AutoCloseable {
        // Made on first decode, after the file's signature was checked: a folder of non-images then fails
        // in milliseconds instead of first loading OpenCV's native libraries (seconds in a cold process).
        private Mat bgr;
        private BytePointer encoded = new BytePointer(INITIAL_BUFFER_BYTES);
        private ByteBuffer encodedView = encoded.asByteBuffer();

        /**
         * The image in {@code file} as 8-bit BGR. The Mat belongs to this decoder: it is overwritten by the next
         * call and freed by {@link #close()}.
         */
        public Mat decode(Path file) throws CaptureException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size <= 0 || size > Integer.MAX_VALUE) {
                    throw notAnImage(file, null);
                }
                ensureCapacity(size);
                encodedView.clear().limit((int) size);
                while (encodedView.hasRemaining()) {
                    if (channel.read(encodedView) < 0) {
                        throw notAnImage(file, null);
                    }
                }
                if (!hasImageSignature(encoded, size)) {
                    throw notAnImage(file, null);
                }
                if (bgr == null) {
                    bgr = new Mat();
                }
                try (Mat bytes = new Mat(1, (int) size, CV_8UC1, encoded); Mat decoded = imdecode(bytes, IMREAD_COLOR, bgr)) {
                    // imdecode writes into bgr (reallocating only for a new size); its return value is a second header on it.
                    if (decoded == null || decoded.empty() || bgr.empty()) {
                        throw notAnImage(file, null);
                    }
                } catch (RuntimeException e) {
                    throw notAnImage(file, e);
                }
            } catch (IOException e) {
                throw notAnImage(file, e);
            }
            return bgr;
        }

        private void ensureCapacity(long size) {
            if (encoded.capacity() >= size) {
                return;
            }
            encoded.close();
            encoded = new BytePointer(Math.max(size, encoded.capacity() * 2));
            encodedView = encoded.asByteBuffer();
        }

        @Override
        public void close() {
            if (bgr != null) {
                bgr.close();
                bgr = null;
            }
            encoded.close();
        }
    }

    /** Whether the bytes start like a JPEG, PNG, BMP, TIFF or WebP file, the formats of {@link #IMAGE_EXTENSIONS}. */
    static boolean hasImageSignature(BytePointer bytes, long size) {
        if (size < 12) {
            return false;
        }
        int b0 = bytes.get(0) & 0xff;
        int b1 = bytes.get(1) & 0xff;
        int b2 = bytes.get(2) & 0xff;
        int b3 = bytes.get(3) & 0xff;
        boolean jpeg = b0 == 0xff && b1 == 0xd8 && b2 == 0xff;
        boolean png = b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G';
        boolean bmp = b0 == 'B' && b1 == 'M';
        boolean tiff = (b0 == 'I' && b1 == 'I' && b2 == 42 && b3 == 0) || (b0 == 'M' && b1 == 'M' && b2 == 0 && b3 == 42);
        boolean webp = b0 == 'R' && b1 == 'I' && b2 == 'F' && b3 == 'F'
                && bytes.get(8) == 'W' && bytes.get(9) == 'E' && bytes.get(10) == 'B' && bytes.get(11) == 'P';
        return jpeg || png || bmp || tiff || webp;
    }

    private static CaptureException notAnImage(Path file, Throwable cause) {
        return new CaptureException(CaptureException.Kind.UNREADABLE_IMAGE,
                "The image " + file + " could not be read: it is damaged or not an image. Remove or replace it and try again.",
                cause);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        decoder.close();
    }
}
