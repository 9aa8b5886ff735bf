package org.signspell.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the cameras on this machine without opening any of them.
 *
 * <p>Opening a camera to see whether it exists costs seconds when there is none (the OpenCV and
 * "default grabber" probes take 11 to 16 s); listing {@code /dev/video*} and reading sysfs costs
 * microseconds, so the UI can fill its camera picker instantly and the CLI can fail fast.
 */
public final class Cameras {
    static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");
    static final Path DEV = Path.of("/dev");
    static final Path SYS_VIDEO4LINUX = Path.of("/sys/class/video4linux");

    private Cameras() {
    }

    /** Cameras found now, in device order; empty when there is none (and on systems other than Linux). */
    public static List<CameraInfo> list() {
        if (!isLinux()) {
            return List.of();
        }
        return list(DEV, SYS_VIDEO4LINUX);
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /**
     * Lists {@code videoN} nodes under {@code devDir}, named from {@code sysDir/videoN/name}.
     *
     * <p>A UVC webcam registers two nodes: the picture stream (sysfs {@code index} 0) and a metadata
     * node (index 1) that cannot deliver images. Nodes with a non-zero index are left out; a node
     * without sysfs information is kept, since nothing says it cannot capture.
     */
    static List<CameraInfo> list(Path devDir, Path sysDir) {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(devDir, "video*")) {
            for (Path node : nodes) {
                Matcher m = VIDEO_NODE.matcher(node.getFileName().toString());
                if (m.matches()) {
                    numbers.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
        numbers.sort(Comparator.naturalOrder());
        List<CameraInfo> cameras = new ArrayList<>();
        for (int n : numbers) {
            Path sys = sysDir.resolve("video" + n);
            String index = readLine(sys.resolve("index"));
            if (index != null && !index.equals("0")) {
                continue;
            }
            String device = devDir.resolve("video" + n).toString();
            String name = readLine(sys.resolve("name"));
            cameras.add(new CameraInfo("camera:" + n, device, name == null || name.isEmpty() ? device : name));
        }
        return List.copyOf(cameras);
    }

    private static String readLine(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return (newline >= 0 ? text.substring(0, newline) : text).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
