package org.signspell.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signspell.capture.CaptureException;
import org.signspell.capture.CaptureLoop;
import org.signspell.capture.CapturedFrame;
import org.signspell.capture.FrameSources;
import org.signspell.capture.LatestFrameHandoff;
import org.signspell.hands.PictureCheck;
import org.signspell.letters.ExecutionProvider;
import org.signspell.letters.LetterModel;
import org.signspell.spelling.CommitEvent;
import org.signspell.spelling.CommitSettings;
import org.signspell.spelling.TextBuffer;

/**
 * The engine the app runs: one capture thread per source feeding, through a latest-frame-wins
 * hand-off, one inference thread that owns the {@link FrameProcessor} for the engine's life.
 *
 * <p>Commands return at once; the inference thread carries them out between frames, so the models
 * are only ever touched by that thread. If inference falls behind the camera, stale frames are
 * dropped in the hand-off, never queued.
 */
public final class RecognitionEngine implements Engine {
    private static final Logger LOG = Logger.getLogger(RecognitionEngine.class.getName());
    private static final Duration TAKE_TIMEOUT = Duration.ofMillis(50);
    /** Frames in a row the models fail on before the user is told (about a second from a camera). */
    static final int FAILURES_BEFORE_REPORT = 30;
    /** How long {@link #open} waits for the previous source to be released. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);

    private final EngineSettings settings;
    private final FrameProcessor processor;
    private final TextBuffer text;
    private final EngineListener listener;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread inference;
    private volatile boolean running = true;
    private volatile boolean writing = true;
    /** Whether the inference thread's last frame was written: a change starts the holds afresh. */
    private boolean wroteLastFrame = true;
    /** Frames in a row that could not be processed (inference thread only). */
    private int failuresInARow;
    private volatile LatestFrameHandoff handoff;
    /**
     * Whether letters from the source {@link #handoff} belongs to begin a word of their own (see {@link #open});
     * written before {@link #handoff}, so the inference thread reads the value that goes with it.
     */
    private volatile boolean handoffStartsAWord;
    /** The inference thread's copy for its current source, until its first commit. */
    private boolean wordBreakPending;
    /** The source last opened (guarded by this). */
    private String lastSpec;
    /** Whether that source played to its end (written by the capture thread, hence volatile). */
    private volatile boolean lastSourceEnded;
    private CaptureLoop capture;
    /** The capture loop last stopped, until it is known to have released its source. */
    private CaptureLoop stopping;
    /** Guards {@link #eventsFrom}: the source whose capture events are passed on (see {@link #passOn}). */
    private final Object sourceEvents = new Object();
    /** Inference thread only: what was said of this source's pictures. */
    private PictureCheck.Problem pictureProblemSaid;
    /** Held while a frame's results are passed on, and to close the hand-off it came through (stopCapture). */
    private final Object frameDelivery = new Object();
    private Object eventsFrom;

    private RecognitionEngine(EngineSettings settings, FrameProcessor processor, TextBuffer text,
                              EngineListener listener) {
        this.settings = settings;
        this.processor = processor;
        this.text = text;
        this.listener = listener;
        this.inference = new Thread(this::inferenceLoop, "signspell-inference");
        this.inference.setDaemon(true);
    }

    /**
     * Loads the models (a second or two: call it off any UI thread) and starts the inference thread.
     * No source is opened until {@link #open}.
     *
     * @param text the buffer committed letters go into (the app's autosaved buffer)
     */
    public static RecognitionEngine start(EngineSettings settings, TextBuffer text, EngineListener listener) {
        FrameProcessor processor = FrameProcessor.open(settings);
        RecognitionEngine engine = new RecognitionEngine(settings, processor, text, listener);
        engine.inference.start();
        listener.providerChanged(processor.activeProvider(), processor.providerNote());
        return engine;
    }

    public TextBuffer text() {
        return text;
    }

    @Override
    public synchronized void open(String sourceSpec) {
        stopCapture();
        awaitReleased();
        LatestFrameHandoff next = new LatestFrameHandoff();
        handoffStartsAWord = startsAWord(sourceSpec, lastSpec, lastSourceEnded);
        lastSpec = sourceSpec;
        lastSourceEnded = false;
        handoff = next;
        listener.sourceOpening(sourceSpec);
        Object source = new Object();
        synchronized (sourceEvents) {
            eventsFrom = source;
        }
        capture = CaptureLoop.start(() -> FrameSources.open(sourceSpec, settings.folderFps(), true), next,
                new CaptureLoop.Listener() {
                    @Override
                    public void onOpened(String description, double fps) {
                        passOn(source, () -> listener.sourceOpened(sourceSpec, description, fps));
                    }

                    @Override
                    public void onError(CaptureException error) {
                        passOn(source, () -> listener.sourceFailed(error));
                    }

                    @Override
                    public void onEndOfStream() {
                        passOn(source, () -> {
                            lastSourceEnded = true;
                            listener.endOfStream();
                        });
                    }
                });
        LockSupport.unpark(inference);
    }

    /**
     * Letters from another source, or from a file or folder opened again (from its start, ended or not), begin
     * a word of their own: HELP played twice is "HELP HELP", not "HELPHELP". Only the same camera reopened
     * (after it was lost, say) goes on with the word.
     */
    static boolean startsAWord(String spec, String lastSpec, boolean lastEnded) {
        boolean sameCameraGoingOn = Objects.equals(spec, lastSpec) && FrameSources.isCamera(spec) && !lastEnded;
        return !sameCameraGoingOn;
    }

    @Override
    public synchronized void stop() {
        stopCapture();
        handoff = null;
    }

    /**
     * Passes a capture loop's event on only while its source is the current one. A loop stopped just as its
     * video ended or failed could otherwise report that after the next source had opened, and the window would
     * show the old source's end or fault over the new one's picture. Checked and passed on under one lock, which
     * {@link #stopCapture} takes too, so no event slips in between.
     */
    private void passOn(Object source, Runnable event) {
        synchronized (sourceEvents) {
            if (eventsFrom == source) {
                event.run();
            }
        }
    }

    private void stopCapture() {
        synchronized (sourceEvents) {
            eventsFrom = null;
        }
        if (capture != null) {
            capture.close();
            stopping = capture;
            capture = null;
        }
        LatestFrameHandoff left = handoff;
        if (left != null) {
            // Closed, not only ended: a frame of the source being left that inference has not taken yet is
            // dropped, so nothing of it is read (or written) after Stop or a switch; nor is one being read now
            // passed on (processOne), and one being passed on is through before this returns.
            synchronized (frameDelivery) {
                left.close();
            }
        }
    }

    /**
     * Waits (a little) for the source just stopped to be released. A camera's capture thread holds the device
     * until its frame read returns; opening the same camera again before that finds it busy, and the window
     * would blame "another program". Runs on the caller's thread, which is never the UI thread.
     */
    private void awaitReleased() {
        if (stopping == null) {
            return;
        }
        try {
            stopping.awaitStopped(RELEASE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopping = null;
    }

    @Override
    public void setMode(RecognitionMode mode) {
        processor.setMode(mode);
    }

    @Override
    public RecognitionMode mode() {
        return processor.mode();
    }

    @Override
    public void setSigningHand(SigningHand hand) {
        processor.setSigningHand(hand);
    }

    @Override
    public void setCommitSettings(CommitSettings commit) {
        Objects.requireNonNull(commit, "commit");
        commands.add(() -> processor.setCommitSettings(commit));
        LockSupport.unpark(inference);
    }

    @Override
    public void setProvider(ExecutionProvider provider) {
        commands.add(() -> {
            try {
                processor.switchProvider(provider);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not switch the letter model to " + provider, e);
            }
            listener.providerChanged(processor.activeProvider(), processor.providerNote());
        });
        LockSupport.unpark(inference);
    }

    @Override
    public void setWriting(boolean on) {
        writing = on;
    }

    @Override
    public boolean isWriting() {
        return writing;
    }

    @Override
    public Optional<String> gpuUnavailableReason() {
        return LetterModel.whyCudaUnavailable();
    }

    @Override
    public String modelDescription() {
        // Where the letter model runs is the status bar's own item; this one names the models.
        return "MediaPipe Hands " + settings.tracker().model().name().toLowerCase(java.util.Locale.ROOT) + " · letters.onnx";
    }

    private void inferenceLoop() {
        LatestFrameHandoff current = null;
        try {
            while (running) {
                for (Runnable command; (command = commands.poll()) != null; ) {
                    try {
                        command.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "an engine command failed", e);
                    }
                }
                LatestFrameHandoff wanted = handoff;
                if (wanted != current) {
                    // Read after the hand-off, which open() writes after the flag: this is the flag that went
                    // with it, or a newer open()'s, whose hand-off replaces this one at once.
                    wordBreakPending = handoffStartsAWord;
                    if (current != null) {
                        current.closeAsConsumer();
                    }
                    current = wanted;
                    if (current != null) {
                        // Here, on seeing the new source, not as a queued command: a command could still be
                        // waiting while the new source's first frame met the old tracker, window and hold.
                        processor.reset();
                        pictureProblemSaid = null;
                    }
                }
                if (current == null) {
                    LockSupport.parkNanos(TAKE_TIMEOUT.toNanos());
                    continue;
                }
                CapturedFrame frame = current.take(TAKE_TIMEOUT);
                if (frame == null) {
                    if (current.isFinished()) {
                        // Nothing more will come from this source; wait for the next open().
                        LockSupport.parkNanos(TAKE_TIMEOUT.toNanos());
                    }
                    continue;
                }
                processOne(frame, current);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            // Out of memory, a native library failing: this thread cannot go on, but the window must say so.
            LOG.log(Level.SEVERE, "recognition stopped", e);
            reportFailure("Recognition stopped: " + describe(e) + ".");
        } finally {
            if (current != null) {
                current.closeAsConsumer();
            }
            processor.close();
        }
    }

    private void processOne(CapturedFrame frame, LatestFrameHandoff from) {
        boolean write = writing;
        if (write != wroteLastFrame) {
            // A letter held through a pause must not be written the moment writing resumes.
            processor.forgetHold();
            wroteLastFrame = write;
        }
        FrameProcessor.Step step;
        try {
            step = processor.process(frame.bgr(), frame.index(), frame.timestampMicros());
        } catch (RuntimeException e) {
            // One bad frame must not end recognition; the next frame gets a fresh try. Frame after frame is
            // another matter: the picture would stand still with no word why.
            failuresInARow++;
            if (failuresInARow <= 3 || failuresInARow == FAILURES_BEFORE_REPORT) {
                LOG.log(Level.WARNING, "frame " + frame.index() + " could not be processed", e);
            }
            if (failuresInARow == FAILURES_BEFORE_REPORT) {
                reportFailure("Letters cannot be read: the last " + FAILURES_BEFORE_REPORT
                        + " frames all failed (" + describe(e) + ").");
            }
            return;
        }
        failuresInARow = 0;
        synchronized (frameDelivery) {
            if (from.isClosed()) {
                // Left while this frame was read (Stop, or another source opened): nothing of it is written or
                // shown, as nothing is of a frame not taken yet (stopCapture), and the window, told of the next
                // source right after, does not take this frame's letter and hold for that source's.
                return;
            }
            deliver(step, write, frame);
        }
    }

    private void deliver(FrameProcessor.Step step, boolean write, CapturedFrame frame) {
        // The listener is the window's: whatever goes wrong in it must not end recognition.
        try {
            if (write) {
                step.commit().ifPresent(event -> {
                    if (wordBreakPending) {
                        wordBreakPending = false;
                        if (event.kind() == CommitEvent.Kind.LETTER) {
                            // A space only where the text does not end in one already (TextBuffer.apply).
                            text.apply(new CommitEvent(CommitEvent.Kind.AUTO_SPACE, null, event.timestampMicros()));
                        }
                    }
                    text.apply(event);
                    listener.committed(event);
                });
            }
            PictureCheck.Problem problem = processor.pictureProblem();
            if (!java.util.Objects.equals(problem, pictureProblemSaid)) {
                pictureProblemSaid = problem;
                listener.pictureProblem(problem);
            }
            listener.frameProcessed(step.result(), frame.bgr());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "frame " + frame.index() + ": passing the result on failed", e);
        }
    }

    /**
     * Tells the window; a listener that fails in turn (a UI already gone throws from its hand-off) must not end
     * this thread, which would stop recognition with nothing said.
     */
    private void reportFailure(String message) {
        try {
            listener.recognitionFailed(message);
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "the listener could not be told: " + message, e);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Stops capture and inference and releases every native resource; waits at most a second. */
    @Override
    public void close() {
        synchronized (this) {
            stopCapture();
            handoff = null;
        }
        running = false;
        LockSupport.unpark(inference);
        try {
            inference.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
