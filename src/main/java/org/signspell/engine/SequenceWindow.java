package org.signspell.engine;

/**
 * The sliding window of normalised hand frames that sequence mode feeds the letter model.
 *
 * <p>Rules, chosen so a window always means "one hand, moving continuously":
 * <ul>
 *   <li>Frames with a hand are appended; the oldest falls out once {@link #capacity()} are held.</li>
 *   <li>A frame without a hand is skipped, but more than {@code maxMissedFrames} in a row clear the
 *       window: the motion it held is over, and a J must not be stitched to what came before.</li>
 *   <li>Before the window is full, {@link #copyWindow} pads the front with copies of the oldest frame:
 *       to the model that reads as the hand having held still before it started to move, which is what
 *       a signer does at the start of a letter. So a window is always {@code capacity} frames long and the
 *       model sees one input shape.</li>
 *   <li>With stride k the model runs on every k-th appended frame, the first frame included.</li>
 * </ul>
 * Not thread-safe: owned by the inference thread. Allocates only in the constructor.
 */
public final class SequenceWindow {
    private final int capacity;
    private final int frameSize;
    private final int stride;
    private final int maxMissedFrames;
    private final float[] ring;
    private int start;
    private int size;
    private int missedInARow;
    private int appendedSinceRun;

    public SequenceWindow(int capacity, int frameSize, int stride, int maxMissedFrames) {
        if (capacity < 1 || frameSize < 1 || stride < 1 || maxMissedFrames < 0) {
            throw new IllegalArgumentException("capacity, frame size and stride must be positive");
        }
        this.capacity = capacity;
        this.frameSize = frameSize;
        this.stride = stride;
        this.maxMissedFrames = maxMissedFrames;
        this.ring = new float[capacity * frameSize];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Appends one frame of {@code frameSize} values from {@code src[offset..]}. */
    public void append(float[] src, int offset) {
        int slot = (start + size) % capacity;
        if (size == capacity) {
            start = (start + 1) % capacity;
        } else {
            size++;
        }
        System.arraycopy(src, offset, ring, slot * frameSize, frameSize);
        missedInARow = 0;
        appendedSinceRun++;
    }

    /** Notes a frame with no hand; clears the window after too many in a row. */
    public void missed() {
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
     * Writes the window, oldest frame first, as {@code capacity × frameSize} values into {@code dst},
     * padding the front with the oldest frame when fewer than {@code capacity} frames are held.
     *
     * @throws IllegalStateException when the window is empty
     */
    public void copyWindow(float[] dst) {
        if (size == 0) {
            throw new IllegalStateException("no frame in the window");
        }
        int pad = capacity - size;
        for (int i = 0; i < pad; i++) {
            System.arraycopy(ring, start * frameSize, dst, i * frameSize, frameSize);
        }
        for (int i = 0; i < size; i++) {
            int slot = (start + i) % capacity;
            System.arraycopy(ring, slot * frameSize, dst, (pad + i) * frameSize, frameSize);
        }
    }
}
