package org.signspell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The installers' icon files, read back by a parser written from the formats, not from the writer. */
class IconContainersTest {

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF00FF00 | width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Map<Integer, byte[]> pngs() throws IOException {
        Map<Integer, byte[]> bySize = new HashMap<>();
        for (int size : IconContainers.sizesNeeded()) {
            bySize.put(size, png(size, size));
        }
        return bySize;
    }

    /** The images of an .ico by their size, after checking its directory. */
    private static Map<Integer, byte[]> readIco(byte[] ico) {
        ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getShort(0)).isZero();
        assertThat(in.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        int count = in.getShort(4);
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        int end = 6 + 16 * count;
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(in.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(in.get(entry));
            assertThat(Byte.toUnsignedInt(in.get(entry + 1))).isEqualTo(width % 256);
            assertThat(in.getShort(entry + 4)).as("planes").isEqualTo((short) 1);
            assertThat(in.getShort(entry + 6)).as("bits per pixel").isEqualTo((short) 32);
            int length = in.getInt(entry + 8);
            int offset = in.getInt(entry + 12);
            assertThat(offset).as("images follow the directory, in order, without gaps").isEqualTo(end);
            end = offset + length;
            images.put(width, Arrays.copyOfRange(ico, offset, end));
        }
        assertThat(end).isEqualTo(ico.length);
        return images;
    }

    /** The (type, image) elements of an .icns, after checking its lengths. */
    private static List<Map.Entry<String, byte[]>> readIcns(byte[] icns) {
        ByteBuffer in = ByteBuffer.wrap(icns);
        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(in.getInt(4)).isEqualTo(icns.length);
        List<Map.Entry<String, byte[]>> elements = new ArrayList<>();
        for (int at = 8; at < icns.length; ) {
            String type = new String(icns, at, 4, StandardCharsets.US_ASCII);
            int length = in.getInt(at + 4);
            assertThat(length).isGreaterThan(8);
            elements.add(Map.entry(type, Arrays.copyOfRange(icns, at + 8, at + length)));
            at += length;
            assertThat(at).isLessThanOrEqualTo(icns.length);
        }
        return elements;
    }

    private static int widthOf(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        assertThat(image.getHeight()).isEqualTo(image.getWidth());
        return image.getWidth();
    }

    @Test
    void icoHoldsEverySizeFrom16To256() throws IOException {
        Map<Integer, byte[]> pngs = pngs();
        Map<Integer, byte[]> images = readIco(IconContainers.ico(pngs));
        assertThat(images.keySet()).containsExactlyElementsOf(IconContainers.ICO_SIZES);
        for (Map.Entry<Integer, byte[]> image : images.entrySet()) {
            assertThat(image.getValue()).isEqualTo(pngs.get(image.getKey()));
            assertThat(widthOf(image.getValue())).isEqualTo(image.getKey());
        }
    }

    @Test
    void icnsHoldsEachElementWithAnImageOfItsSize() throws IOException {
        Map<Integer, byte[]> pngs = pngs();
        List<Map.Entry<String, byte[]>> elements = readIcns(IconContainers.icns(pngs));
        assertThat(elements).extracting(Map.Entry::getKey)
                .containsExactly("icp4", "icp5", "ic11", "ic12", "ic07", "ic13", "ic08", "ic14", "ic09", "ic10");
        // Sizes from Apple's list of icon types: 16, 32 and 32 (16@2x), 64 (32@2x), 128, 256 (128@2x), 256,
        // 512 (256@2x), 512, 1024 (512@2x).
        int[] sizes = {16, 32, 32, 64, 128, 256, 256, 512, 512, 1024};
        for (int i = 0; i < sizes.length; i++) {
            assertThat(widthOf(elements.get(i).getValue())).as(elements.get(i).getKey()).isEqualTo(sizes[i]);
        }
    }

    @Test
    void refusesAMissingOrMisfitImage() throws IOException {
        Map<Integer, byte[]> missing = pngs();
        missing.remove(48);
        assertThatThrownBy(() -> IconContainers.ico(missing)).hasMessageContaining("no 48 px image");
        Map<Integer, byte[]> misfit = pngs();
        misfit.put(1024, png(1024, 512));
        assertThatThrownBy(() -> IconContainers.icns(misfit)).hasMessageContaining("not a 1024×1024 PNG");
        Map<Integer, byte[]> notPng = pngs();
        notPng.put(16, new byte[64]);
        assertThatThrownBy(() -> IconContainers.ico(notPng)).hasMessageContaining("not a 16×16 PNG");
    }

    /** The committed installer icons hold the picture of assets/icon.png: IconExport writes all of them in one run. */
    @Test
    void committedInstallerIconsCarryTheAppIcon() throws IOException {
        byte[] icon256 = Files.readAllBytes(Path.of("assets/icon.png"));
        byte[] icon64 = Files.readAllBytes(Path.of("assets/icon-64.png"));
        Map<Integer, byte[]> ico = readIco(Files.readAllBytes(Path.of("jpackage/signspell.ico")));
        assertThat(ico.keySet()).containsExactlyElementsOf(IconContainers.ICO_SIZES);
        assertThat(ico.get(256)).isEqualTo(icon256);
        assertThat(ico.get(64)).isEqualTo(icon64);
        List<Map.Entry<String, byte[]>> icns = readIcns(Files.readAllBytes(Path.of("jpackage/signspell.icns")));
        assertThat(icns).hasSize(IconContainers.ICNS_ELEMENTS.size());
        assertThat(icns).filteredOn(e -> e.getKey().equals("ic08")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo(icon256));
        for (Map.Entry<String, byte[]> element : icns) {
            widthOf(element.getValue());
        }
    }
}
