package org.signspell.engine;

import org.signspell.hands.Landmarks;
import org.signspell.letters.LandmarkNormalizer;

/**
 * The sliding window of normalised hand frames that sequence mode feeds the letter model.
 *
 * <p>The model learnt J and Z from recordings at 30 fps, so a window is {@link #capacity()} samples one
 * {@code sampleIntervalMicros} (1/30 s) apart in time, ending at the newest frame, whatever rate the camera
 * delivers. Samples between two frames are linearly interpolated, as training interpolates when it changes a
 * recording's speed. At 30 fps the samples are the frames themselves; a webcam that drops to 8 fps in dim light
 * still gives the model the last second of motion, not four seconds that mix several letters, and a 60 fps
 * camera gives a full second instead of half of one.
 *
 * <p>Rules, chosen so a window always means "one hand, moving continuously":
 * <ul>
 *   <li>Frames with a hand are appended with their time stamps; frames older than the window's span are
 *       dropped, except the one the oldest sample is interpolated from.</li>
 *   <li>A frame without a hand is skipped (the motion is interpolated across it), but more than
 *       {@code maxMissedFrames} in a row clear the window: the motion it held is over, and a J must not be
 *       stitched to what came before. A time stamp going backwards (another source, a video rewound) clears
 *       it too, and so does a gap between two frames (with or without a hand) longer than {@code maxGapMicros}: a
 *       paused video or a stalled camera, after which the motion before it is stale and interpolating from it
 *       would invent a move that never happened.</li>
 *   <li>Samples before the oldest frame held are copies of it: to the model that reads as the hand having held
 *       still before it started to move, which is what a signer does at the start of a letter. So a window is
 *       always {@code capacity} samples long and the model sees one input shape.</li>
 *   <li>With stride k the model runs on every k-th appended frame, the first frame included.</li>
 *   <li>Each frame also keeps where the index fingertip was in the image and how big the hand was, so
 *       {@link #tipTravel()} can tell a letter drawn in the air from one held still: normalisation takes the
 *       hand's place out of the values the model reads.</li>
 * </ul>
 * Not thread-safe: owned by the inference thread. Allocates only in the constructor.
 */
public final class SequenceWindow {
    /** Frames held at most: a full span at up to four times the sample rate (120 fps). */
    private static final int FRAMES_PER_SAMPLE = 4;
    private static final int INDEX_TIP = 8;

    private final int capacity;
    private final int frameSize;
    private final int stride;
    private final int maxMissedFrames;
    private final long sampleIntervalMicros;
    private final long maxGapMicros;
    private final long spanMicros;
    private final int maxFrames;
    private final float[] ring;
    private final long[] timestamps;
    /** Per frame: the index fingertip's x and y and the hand's size, in pixels (NaN where not given). */
    private final float[] tipX;
    private final float[] tipY;
    private final float[] handSize;
    private int start;
    private int size;
    private int missedInARow;
    private int appendedSinceRun;
    /** Time stamp of the last frame seen, with a hand or without. */
    private long lastSeenMicros;

    /**
     * @param capacity             samples in a window (the model's sequence length)
     * @param frameSize            values per frame
     * @param stride               run the model on every {@code stride}-th appended frame
     * @param maxMissedFrames      frames without a hand bridged before the window is cleared
     * @param sampleIntervalMicros time between two samples: the frame interval the model was trained at
     * @param maxGapMicros         a longer gap between two frames clears the window
     */
    public SequenceWindow(int capacity, int frameSize, int stride, int maxMissedFrames, long sampleIntervalMicros,
                          long maxGapMicros) {
        if (capacity < 1 || frameSize < 1 || stride < 1 || maxMissedFrames < 0 || sampleIntervalMicros < 1
                || maxGapMicros < 1) {
            throw new IllegalArgumentException("capacity, frame size, stride, sample interval and gap must be positive");
        }
        this.maxGapMicros = maxGapMicros;
        this.capacity = capacity;
        this.frameSize = frameSize;
        this.stride = stride;
        this.maxMissedFrames = maxMissedFrames;
        this.sampleIntervalMicros = sampleIntervalMicros;
        this.spanMicros = (capacity - 1) * sampleIntervalMicros;
        this.maxFrames = capacity * FRAMES_PER_SAMPLE;
        this.ring = new float[maxFrames * frameSize];
        this.timestamps = new long[maxFrames];
        this.tipX = new float[maxFrames];
        this.tipY = new float[maxFrames];
        this.handSize = new float[maxFrames];
    }

    /** Samples in a window. */
    public int capacity() {
        return capacity;
    }

    /** Frames held. */
    public int size() {
        return size;
    }

    /** True when the frames held reach back over the window's whole span (no sample is padding). */
    public boolean isFull() {
        return size > 0 && timestamps[start] <= newest() - spanMicros;
    }

    /**
     * Appends one frame of {@code frameSize} values from {@code src[offset..]}, taken at {@code timestampMicros},
     * with the tracker's landmarks of the same hand in an image {@code width × height} pixels.
     */
    public void append(float[] src, int offset, long timestampMicros, Landmarks hand, int width, int height) {
        int slot = appendValues(src, offset, timestampMicros);
        tipX[slot] = hand.x(INDEX_TIP) * width;
        tipY[slot] = hand.y(INDEX_TIP) * height;
        handSize[slot] = (float) LandmarkNormalizer.handSizeInImage(hand, width, height);
    }

    /** Appends one frame without its place in the image: it counts as no travel. */
    void append(float[] src, int offset, long timestampMicros) {
        int slot = appendValues(src, offset, timestampMicros);
        tipX[slot] = Float.NaN;
        tipY[slot] = Float.NaN;
        handSize[slot] = Float.NaN;
    }

    /** How far the index fingertip travelled over the frames held: the extent of its path, in hand sizes. */
    public float tipTravel() {
        float minX = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        float sizeSum = 0;
        int placed = 0;
        for (int i = 0; i < size; i++) {
            int slot = (start + i) % maxFrames;
            if (Float.isNaN(tipX[slot])) {
                continue;
            }
            minX = Math.min(minX, tipX[slot]);
            maxX = Math.max(maxX, tipX[slot]);
            minY = Math.min(minY, tipY[slot]);
            maxY = Math.max(maxY, tipY[slot]);
            sizeSum += handSize[slot];
            placed++;
        }
        if (placed < 2 || !(sizeSum > 0)) {
            return 0;
        }
        return (float) (Math.hypot(maxX - minX, maxY - minY) / (sizeSum / placed));
    }

    private int appendValues(float[] src, int offset, long timestampMicros) {
        if (size > 0 && timestampMicros < newest()) {
            clear();
        }
        clearAfterGap(timestampMicros);
        int slot;
        if (size > 0 && timestampMicros == newest()) {
            slot = (start + size - 1) % maxFrames;
        } else {
            if (size == maxFrames) {
                dropOldest();
            }
            slot = (start + size) % maxFrames;
            size++;
        }
        System.arraycopy(src, offset, ring, slot * frameSize, frameSize);
        timestamps[slot] = timestampMicros;
        long spanStart = timestampMicros - spanMicros;
        while (size > 1 && timestamps[(start + 1) % maxFrames] <= spanStart) {
            dropOldest();
        }
        missedInARow = 0;
        appendedSinceRun++;
        return (start + size - 1) % maxFrames;
    }

    /** Notes that a frame, with a hand or without, was seen; a gap longer than maxGapMicros before it clears. */
    private void clearAfterGap(long timestampMicros) {
        if (size > 0 && timestampMicros - lastSeenMicros > maxGapMicros) {
            clear();
        }
        lastSeenMicros = timestampMicros;
    }

    private long newest() {
        return timestamps[(start + size - 1) % maxFrames];
    }

    private void dropOldest() {
        start = (start + 1) % maxFrames;
        size--;
    }

    /** Notes a frame with no hand, taken at {@code timestampMicros}; clears the window after too many in a row. */
    public void missed(long timestampMicros) {
        clearAfterGap(timestampMicros);
        missedInARow++;
        if (missedInARow > maxMissedFrames) {
            clear();
        }
    }

    /** True when the model should run after the frame just appended (every {@code stride}-th frame). */
    public boolean dueForPrediction() {
        return size > 0 && (size == 1 || appendedSinceRun >= stride);
    }

    /** Marks the prediction for the current window as done, for the stride count. */
    public void predicted() {
        appendedSinceRun = 0;
    }

    public void clear() {
        start = 0;
        size = 0;
        missedInARow = 0;
        appendedSinceRun = 0;
    }

    /**
     * Writes the window, oldest sample first, as {@code capacity × frameSize} values into {@code dst}: sample k
     * is the hand at {@code newest − (capacity − 1 − k) × sampleInterval}, interpolated between the frames
     * around it, or the oldest frame where that is earlier than every frame held.
     *
     * @throws IllegalStateException when the window is empty
     */
    public void copyWindow(float[] dst) {
        if (size == 0) {
            throw new IllegalStateException("no frame in the window");
        }
        long last = newest();
        int i = 0; // index (from start) of the latest frame at or before the sample's time
        for (int k = 0; k < capacity; k++) {
            long t = last - (long) (capacity - 1 - k) * sampleIntervalMicros;
            while (i + 1 < size && timestamps[(start + i + 1) % maxFrames] <= t) {
                i++;
            }
            int a = (start + i) % maxFrames;
            int out = k * frameSize;
            if (i + 1 == size || t <= timestamps[a]) {
                System.arraycopy(ring, a * frameSize, dst, out, frameSize);
                continue;
            }
            int b = (start + i + 1) % maxFrames;
            float w = (float) ((double) (t - timestamps[a]) / (timestamps[b] - timestamps[a]));
            int ra = a * frameSize;
            int rb = b * frameSize;
            for (int j = 0; j < frameSize; j++) {
                dst[out + j] = ring[ra + j] + w * (ring[rb + j] - ring[ra + j]);
            }
        }
    }
}
