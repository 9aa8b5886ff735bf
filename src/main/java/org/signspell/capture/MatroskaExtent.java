package org.signspell.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a Matroska or WebM file stops inside an element it declares. Where such a file carries no frame count and
 * nothing says how long its video lasts (no DURATION tag, and sound beside the picture, so the container's length is
 * not the picture's), time cannot show that it was cut; its own structure can. Every element states its size in
 * bytes: a file written to the end holds all of them, and a cut one ends inside the segment (where the writer could go
 * back and fill in the segment's size) or inside a cluster (where it streamed, and left the segment's size unknown).
 *
 * <p>A cut that falls exactly between two streamed clusters leaves nothing to see, and is as complete as a live
 * recording stopped there. Anything that does not read as Matroska is no verdict, never a cut.
 */
final class MatroskaExtent {
    private static final int EBML = 0x1A45DFA3;
    private static final int SEGMENT = 0x18538067;
    private static final int CLUSTER = 0x1F43B675;
    /** An element ID of up to 4 bytes and a size of up to 8. */
    private static final int LONGEST_HEADER = 12;

    private MatroskaExtent() {
    }

    /** True where {@code file} is Matroska or WebM and ends before an element it holds; false where whole or unknown. */
    static boolean endsInsideAnElement(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return endsInsideAnElement(channel);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean endsInsideAnElement(FileChannel channel) throws IOException {
        long length = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate(LONGEST_HEADER);
        Header ebml = Header.read(channel, 0, length, buffer);
        if (ebml == null || ebml.cut || ebml.id != EBML || ebml.unknownSize) {
            return false;
        }
        Header segment = Header.read(channel, ebml.end(), length, buffer);
        // A header the file ends inside has no ID, so a cut one returns here too.
        if (segment == null || segment.id != SEGMENT) {
            return segment != null && segment.cut;
        }
        if (!segment.unknownSize) {
            return segment.end() > length;
        }
        // A streamed segment: step over whole elements, into clusters of unknown size (a browser's recorder writes
        // them so), whose blocks say their sizes.
        long position = segment.dataStart;
        while (position < length) {
            Header element = Header.read(channel, position, length, buffer);
            if (element == null) {
                return false;
            }
            if (element.cut) {
                return true;
            }
            if (element.unknownSize) {
                if (element.id != CLUSTER) {
                    return false;
                }
                position = element.dataStart;
            } else if (element.end() > length) {
                return true;
            } else {
                position = element.end();
            }
        }
        return false;
    }

    /** One element's ID and size; {@code cut} where the file ends inside them. */
    private record Header(int id, long dataStart, long size, boolean unknownSize, boolean cut) {
        private static final Header CUT = new Header(0, 0, 0, false, true);

        long end() {
            return dataStart + size;
        }

        /** The header at {@code position}, or null where the bytes there are no EBML header. */
        static Header read(FileChannel channel, long position, long length, ByteBuffer buffer) throws IOException {
            if (position >= length) {
                return CUT;
            }
            buffer.clear();
            buffer.limit((int) Math.min(LONGEST_HEADER, length - position));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    break;
                }
            }
            int available = buffer.position();
            if (available == 0) {
                return CUT;
            }
            int idLength = vintLength(buffer.get(0));
            if (idLength == 0 || idLength > 4) {
                return null;
            }
            if (available < idLength + 1) {
                return CUT;
            }
            int sizeLength = vintLength(buffer.get(idLength));
            if (sizeLength == 0) {
                return null;
            }
            if (available < idLength + sizeLength) {
                return CUT;
            }
            int id = 0;
            for (int i = 0; i < idLength; i++) {
                id = (id << 8) | (buffer.get(i) & 0xff);
            }
            int first = buffer.get(idLength) & 0xff;
            long valueMask = (1L << (8 - sizeLength)) - 1;
            long size = first & valueMask;
            boolean allOnes = size == valueMask;
            for (int i = 1; i < sizeLength; i++) {
                int b = buffer.get(idLength + i) & 0xff;
                size = (size << 8) | b;
                allOnes &= b == 0xff;
            }
            return new Header(id, position + idLength + sizeLength, size, allOnes, false);
        }

        /** How many bytes a variable-length integer starting with {@code first} takes: 1 to 8, 0 where invalid. */
        private static int vintLength(byte first) {
            int leading = Integer.numberOfLeadingZeros(first & 0xff) - 24;
            return leading >= 8 ? 0 : leading + 1;
        }
    }
}
