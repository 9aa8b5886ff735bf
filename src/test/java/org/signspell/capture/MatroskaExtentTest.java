package org.signspell.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatroskaExtentTest {
    private static final byte[] EBML_HEADER = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x80};
    private static final byte[] UNKNOWN_SIZE = {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF};

    /** A segment of {@code clusters} clusters of three 100-byte blocks, as a browser streams it: no sizes but the blocks'. */
    private static byte[] streamedWithUnknownClusters(int clusters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(EBML_HEADER);
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67});
        out.writeBytes(UNKNOWN_SIZE);
        for (int c = 0; c < clusters; c++) {
            out.writeBytes(new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75});
            out.writeBytes(UNKNOWN_SIZE);
            out.writeBytes(new byte[] {(byte) 0xE7, (byte) 0x81, (byte) c});
            for (int b = 0; b < 3; b++) {
                out.writeBytes(new byte[] {(byte) 0xA3, (byte) (0x80 | 100)});
                out.writeBytes(new byte[100]);
            }
        }
        return out.toByteArray();
    }

    /** One segment of known size holding one cluster of {@code payload} bytes. */
    private static byte[] withKnownSizes(int payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(EBML_HEADER);
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, (byte) (0x40 | ((payload + 6) >> 8)), (byte) (payload + 6)});
        out.writeBytes(new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75, (byte) (0x40 | (payload >> 8)), (byte) payload});
        out.writeBytes(new byte[payload]);
        return out.toByteArray();
    }

    private static boolean cut(Path dir, byte[] bytes) throws IOException {
        return MatroskaExtent.endsInsideAnElement(Files.write(dir.resolve("video.mkv"), bytes));
    }

    @Test
    void aWholeFileHoldsEveryElementItDeclares(@TempDir Path dir) throws IOException {
        assertThat(cut(dir, streamedWithUnknownClusters(3))).isFalse();
        assertThat(cut(dir, withKnownSizes(1000))).isFalse();
    }

    @Test
    void aFileCutInsideAnElementEndsInsideIt(@TempDir Path dir) throws IOException {
        byte[] streamed = streamedWithUnknownClusters(3);
        assertThat(cut(dir, Arrays.copyOf(streamed, streamed.length - 50))).as("inside a block").isTrue();
        assertThat(cut(dir, Arrays.copyOf(streamed, streamed.length - 101))).as("inside a block's header").isTrue();
        byte[] known = withKnownSizes(1000);
        assertThat(cut(dir, Arrays.copyOf(known, known.length * 6 / 10))).as("inside a sized segment").isTrue();
    }

    @Test
    void aCutBetweenStreamedElementsLeavesNothingToSee(@TempDir Path dir) throws IOException {
        // As complete as a live recording stopped there.
        byte[] streamed = streamedWithUnknownClusters(3);
        assertThat(cut(dir, Arrays.copyOf(streamed, streamed.length - 102))).isFalse();
    }

    @Test
    void whatDoesNotReadAsMatroskaIsNoVerdict(@TempDir Path dir) throws IOException {
        assertThat(cut(dir, new byte[0])).isFalse();
        assertThat(cut(dir, "not a video at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isFalse();
        byte[] padded = Arrays.copyOf(streamedWithUnknownClusters(2), streamedWithUnknownClusters(2).length + 4096);
        assertThat(cut(dir, padded)).as("zeros after the last cluster").isFalse();
        assertThat(MatroskaExtent.endsInsideAnElement(dir.resolve("missing.mkv"))).isFalse();
    }
}
