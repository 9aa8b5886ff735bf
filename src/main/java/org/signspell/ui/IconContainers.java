package org.signspell.ui;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The icon files installers want, around PNG images of the icon: Windows' {@code .ico} (for the {@code .msi}
 * and the launcher) and macOS' {@code .icns} (for the {@code .app}). Both formats hold PNG data as it is
 * (Windows Vista and later, macOS 10.7 and later), so no other encoder is needed.
 */
final class IconContainers {

    /** The sizes an {@code .ico} carries: the small ones Explorer and the task bar use, and 256 for large views. */
    static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 256);

    /** The {@code .icns} element types that hold PNG data, in file order, each with its image's size. */
    static final List<Map.Entry<String, Integer>> ICNS_ELEMENTS = List.of(
            Map.entry("icp4", 16), Map.entry("icp5", 32), Map.entry("ic11", 32), Map.entry("ic12", 64),
            Map.entry("ic07", 128), Map.entry("ic13", 256), Map.entry("ic08", 256), Map.entry("ic14", 512),
            Map.entry("ic09", 512), Map.entry("ic10", 1024));

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private IconContainers() {
    }

    /** Every image size the two files need, so the caller renders each once. */
    static SortedSet<Integer> sizesNeeded() {
        SortedSet<Integer> sizes = new TreeSet<>(ICO_SIZES);
        ICNS_ELEMENTS.forEach(element -> sizes.add(element.getValue()));
        return sizes;
    }

    /** An {@code .ico} file: a directory of 16-byte entries, then the images; little-endian. */
    static byte[] ico(Map<Integer, byte[]> pngBySize) {
        int headerBytes = 6 + 16 * ICO_SIZES.size();
        ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.size());
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        for (int size : ICO_SIZES) {
            byte[] png = png(pngBySize, size);
            // 256 does not fit in the byte for width and height; the format writes it as 0.
            header.put((byte) size).put((byte) size)
                    .put((byte) 0).put((byte) 0)            // no palette; reserved
                    .putShort((short) 1).putShort((short) 32)
                    .putInt(png.length).putInt(headerBytes + images.size());
            images.writeBytes(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream(headerBytes + images.size());
        file.writeBytes(header.array());
        file.writeBytes(images.toByteArray());
        return file.toByteArray();
    }

    /** An {@code .icns} file: "icns", the file's length, then (type, length, data) elements; big-endian. */
    static byte[] icns(Map<Integer, byte[]> pngBySize) {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> element : ICNS_ELEMENTS) {
            byte[] png = png(pngBySize, element.getValue());
            elements.writeBytes(element.getKey().getBytes(StandardCharsets.US_ASCII));
            elements.writeBytes(ByteBuffer.allocate(4).putInt(8 + png.length).array());
            elements.writeBytes(png);
        }
        return ByteBuffer.allocate(8 + elements.size())
                .put("icns".getBytes(StandardCharsets.US_ASCII))
                .putInt(8 + elements.size())
                .put(elements.toByteArray())
                .array();
    }

    /** The PNG of that size, checked to be a PNG of that size (its IHDR chunk), since the files name the size. */
    private static byte[] png(Map<Integer, byte[]> pngBySize, int size) {
        byte[] png = pngBySize.get(size);
        if (png == null) {
            throw new IllegalArgumentException("no " + size + " px image of the icon");
        }
        ByteBuffer bytes = ByteBuffer.wrap(png);
        boolean isPng = png.length >= 24 && bytes.slice(0, 8).equals(ByteBuffer.wrap(PNG_SIGNATURE))
                && bytes.getInt(12) == 0x49484452;  // "IHDR"
        if (!isPng || bytes.getInt(16) != size || bytes.getInt(20) != size) {
            throw new IllegalArgumentException("the image given for " + size + " px is not a " + size + "×" + size
                    + " PNG");
        }
        return png;
    }
}
