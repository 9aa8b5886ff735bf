package org.signspell.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;
import org.bytedeco.opencv.opencv_core.Mat;
import org.signspell.capture.CameraInfo;
import org.signspell.capture.CaptureException;
import org.signspell.capture.FrameSources;
import org.signspell.engine.Engine;
import org.signspell.engine.EngineListener;
import org.signspell.engine.FrameResult;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.SigningHand;
import org.signspell.hands.PictureCheck;
import org.signspell.letters.ExecutionProvider;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;
import org.signspell.spelling.CommitEvent;
import org.signspell.spelling.CommitSettings;
import org.signspell.spelling.FileErrors;
import org.signspell.spelling.HoldProgress;
import org.signspell.spelling.TextBuffer;

/**
 * The state of the main window and the commands it offers. Holds no recognition logic: it forwards
 * commands to the {@link Engine} and turns the engine's callbacks into read-only properties.
 *
 * <p>Properties change and commands run on the FX thread. Engine callbacks arrive on engine threads and
 * are handed over through the {@code fxThread} executor; video frames are coalesced (latest wins).
 * Anything slow (building the engine, listing cameras, closing) runs on {@code background}, so the FX
 * thread never waits on capture or inference.
 */
public final class MainViewModel {

    /** Where the video stands. */
    public enum SourceState { STARTING, OPENING, PLAYING, ENDED, FAILED }

    private final EngineFactory engineFactory;
    private final Supplier<List<CameraInfo>> cameraFinder;
    private final SettingsStore settingsStore;
    private final Executor fxThread;
    private final Executor background;
    /** Source commands in the order given, off the FX thread: stopping a camera mid-open must never stall the UI. */
    private final Executor sourceCommands;
    /** Settings are written in order, off the FX thread (a slow disk must not stall a key press). */
    private final Executor settingsWrites;
    private final TextBufferModel text;
    private final VideoFrames frames = new VideoFrames(Platform::requestNextPulse);
    private final FxHandoff frameHandoff;
    private final RateMeter rate = new RateMeter();
    private final Events events = new Events();

    /** Volatile: the settings writer saves whatever is newest when it runs, so no write is ever stale. */
    private volatile UiSettings settings;
    private Engine engine;
    private String pendingSource;
    /** A camera was asked for while the engine loaded, and none was found: that panel stands, nothing opens. */
    private boolean startSourceSuperseded;
    /**
     * Set when the window stops the source itself (a look for cameras): until the engine says it opens the next
     * one, news of the source left (opened, ended, failed) is old news, and would put "playing" or "ended" over
     * the answer to the look.
     */
    private boolean ignoringSourceNews;
    /** Opens asked of the engine whose opening it has not said yet; and how many of those are old news. */
    private int opensAsked;
    private int openingsToIgnore;
    /** The providers asked of the engine whose answers (providerChanged) have not come yet, oldest first. */
    private final java.util.ArrayDeque<ExecutionProvider> providerRequests = new java.util.ArrayDeque<>();
    private boolean closed;
    /** Counts {@link #start} calls: only the engine of the latest is kept, one built for an earlier is closed. */
    private int starts;
    /** The provider the engine being built was asked for, {@code null} when none is being built. */
    private ExecutionProvider providerBeingBuilt;

    private final ReadOnlyObjectWrapper<SourceState> sourceState = new ReadOnlyObjectWrapper<>(this, "sourceState", SourceState.STARTING);
    private final ReadOnlyObjectWrapper<Fault> fault = new ReadOnlyObjectWrapper<>(this, "fault");
    private final ReadOnlyStringWrapper sourceSpec = new ReadOnlyStringWrapper(this, "sourceSpec");
    private final ReadOnlyStringWrapper sourceDescription = new ReadOnlyStringWrapper(this, "sourceDescription", "");
    private final ReadOnlyObjectWrapper<List<CameraInfo>> cameras = new ReadOnlyObjectWrapper<>(this, "cameras", List.of());
    private final ReadOnlyStringWrapper recentFile = new ReadOnlyStringWrapper(this, "recentFile");

    private final ReadOnlyObjectWrapper<RecognitionMode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final ReadOnlyObjectWrapper<SigningHand> signingHand = new ReadOnlyObjectWrapper<>(this, "signingHand");
    private final ReadOnlyBooleanWrapper writingPaused = new ReadOnlyBooleanWrapper(this, "writingPaused");
    private final ReadOnlyObjectWrapper<ExecutionProvider> requestedProvider = new ReadOnlyObjectWrapper<>(this, "requestedProvider");
    private final ReadOnlyObjectWrapper<ExecutionProvider> activeProvider = new ReadOnlyObjectWrapper<>(this, "activeProvider");
    private final ReadOnlyStringWrapper providerNote = new ReadOnlyStringWrapper(this, "providerNote");
    private final ReadOnlyStringWrapper gpuUnavailableReason = new ReadOnlyStringWrapper(this, "gpuUnavailableReason");
    private final ReadOnlyStringWrapper modelDescription = new ReadOnlyStringWrapper(this, "modelDescription", "");

    private final ReadOnlyObjectWrapper<Image> frameImage = new ReadOnlyObjectWrapper<>(this, "frameImage");
    private final ReadOnlyObjectWrapper<FrameResult> frameResult = new ReadOnlyObjectWrapper<>(this, "frameResult");
    private final ReadOnlyDoubleWrapper framesPerSecond = new ReadOnlyDoubleWrapper(this, "framesPerSecond");
    private final ReadOnlyDoubleWrapper latencyMillis = new ReadOnlyDoubleWrapper(this, "latencyMillis");
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ReadOnlyObjectWrapper<HoldProgress> hold = new ReadOnlyObjectWrapper<>(this, "hold", HoldProgress.NONE);
    private final ReadOnlyObjectWrapper<CommitEvent> lastCommit = new ReadOnlyObjectWrapper<>(this, "lastCommit");
    private final ReadOnlyBooleanWrapper handVisible = new ReadOnlyBooleanWrapper(this, "handVisible");
    private final ReadOnlyObjectWrapper<LetterClass> missedMotionLetter = new ReadOnlyObjectWrapper<>(this, "missedMotionLetter");
    /** Frame time at which per-frame mode last saw {@link #missedMotionLetter} drawn. */
    private long missedMotionLetterMicros;

    private final ReadOnlyBooleanWrapper mirrored = new ReadOnlyBooleanWrapper(this, "mirrored");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyBooleanWrapper presenter = new ReadOnlyBooleanWrapper(this, "presenter");
    private final ReadOnlyObjectWrapper<UiSettings> currentSettings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<TextSaveProblem> textSaveProblem = new ReadOnlyObjectWrapper<>(this, "textSaveProblem");
    private final ReadOnlyStringWrapper pictureStalled = new ReadOnlyStringWrapper(this, "pictureStalled");
    private final ReadOnlyObjectWrapper<PictureCheck.Problem> pictureProblem =
            new ReadOnlyObjectWrapper<>(this, "pictureProblem");
    /** When the last frame came (or the source opened), System.nanoTime; FX thread. */
    private long lastPictureNanos;

    /** Why the text is not safe on disk, for the text card; none while every change is saved. */
    public record TextSaveProblem(String title, String detail) {
    }

    public MainViewModel(EngineFactory engineFactory, Supplier<List<CameraInfo>> cameraFinder,
                         SettingsStore settingsStore, TextBuffer textBuffer, Executor fxThread, Executor background) {
        this.engineFactory = Objects.requireNonNull(engineFactory);
        this.cameraFinder = Objects.requireNonNull(cameraFinder);
        this.settingsStore = Objects.requireNonNull(settingsStore);
        this.fxThread = Objects.requireNonNull(fxThread);
        this.background = Objects.requireNonNull(background);
        this.sourceCommands = new SerialExecutor(background);
        this.settingsWrites = new SerialExecutor(background);
        this.text = new TextBufferModel(textBuffer, fxThread);
        this.frameHandoff = new FxHandoff(fxThread, this::showLatestFrame);
        this.settings = settingsStore.load();
        mode.set(settings.mode());
        signingHand.set(settings.hand());
        requestedProvider.set(settings.provider());
        activeProvider.set(ExecutionProvider.CPU);
        mirrored.set(settings.mirror());
        sourceSpec.addListener((obs, old, spec) -> mirrored.set(showsACamera() ? settings.mirror() : settings.mirrorFiles()));
        theme.set(settings.theme());
        recentFile.set(settings.recentFile());
        currentSettings.set(settings);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Builds the engine in the background and opens {@code source}, or the remembered camera (the first
     * one found when it is gone) when {@code source} is {@code null}.
     */
    public void start(String source) {
        if (source != null) {
            // So that Retry after a model that failed to load opens this source again, not a camera.
            sourceSpec.set(source);
        }
        sourceState.set(SourceState.STARTING);
        fault.set(null);
        UiSettings startSettings = settings;
        int thisStart = ++starts;
        providerBeingBuilt = startSettings.provider();
        // A new engine: nothing asked of the last one is answered by it, and its news is its own.
        providerRequests.clear();
        ignoringSourceNews = false;
        opensAsked = 0;
        openingsToIgnore = 0;
        startSourceSuperseded = false;
        background.execute(() -> {
            List<CameraInfo> found = listCameras();
            fxThread.execute(() -> cameras.set(found));
            Engine built;
            try {
                built = engineFactory.create(startSettings, text.buffer(), events);
            } catch (Exception | LinkageError e) {
                String detail = e.getMessage();
                fxThread.execute(() -> {
                    if (thisStart == starts) {
                        providerBeingBuilt = null;
                        showFault(Fault.model(detail));
                    }
                });
                return;
            }
            // Asked here, off the FX thread: it looks for the CUDA libraries on disk.
            Optional<String> gpuReason = gpuUnavailableReason(built);
            fxThread.execute(() -> engineReady(built, thisStart, startSettings, source, found, gpuReason));
        });
    }

    private static Optional<String> gpuUnavailableReason(Engine engine) {
        try {
            return engine.gpuUnavailableReason();
        } catch (RuntimeException | LinkageError e) {
            // Not knowing is no reason to refuse: asking for the GPU then tries it, and falls back if need be.
            return Optional.empty();
        }
    }

    private void engineReady(Engine built, int thisStart, UiSettings builtWith, String source, List<CameraInfo> found,
                             Optional<String> gpuReason) {
        if (closed || thisStart != starts) {
            // Closed, or started again while this one loaded (new recognition settings): a second engine
            // left running would write letters into the same text.
            background.execute(built::close);
            return;
        }
        providerBeingBuilt = null;
        engine = built;
        // The GPU choice is greyed out, with the reason, before anyone tries it in vain.
        gpuReason.ifPresent(this::refuseGpu);
        engine.setMode(mode.get());
        engine.setSigningHand(signingHand.get());
        engine.setWriting(!writingPaused.get());
        if (requestedProvider.get() != builtWith.provider()) {
            askProvider(requestedProvider.get());
        }
        CommitSettings wanted = Engines.commitSettings(settings);
        if (!wanted.equals(Engines.commitSettings(builtWith))) {
            engine.setCommitSettings(wanted);
        }
        modelDescription.set(engine.modelDescription());
        String first = pendingSource != null ? pendingSource : startSourceSuperseded ? null : source;
        boolean answeredAlready = pendingSource == null && startSourceSuperseded;
        pendingSource = null;
        startSourceSuperseded = false;
        if (first != null) {
            openSource(first);
        } else if (!answeredAlready) {
            openCameraFrom(found, null);
        }
    }

    /** Stops the source and closes the engine off the FX thread; the text stays saved. */
    public void shutdown() {
        closed = true;
        // At exit, written here and now: a worker thread might not get to run before the process ends.
        settingsStore.save(settings);
        Engine e = engine;
        engine = null;
        if (e != null) {
            sourceCommands.execute(e::close);
        }
    }

    // ---------------------------------------------------------------- sources

    /** Opens a video file, a frame folder or a camera id; returns at once. */
    public void openSource(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (engineUnusable()) {
            // No engine would ever take it: the source would wait on "Opening…" for good.
            reloadEngine(spec);
            return;
        }
        sourceSpec.set(spec);
        fault.set(null);
        sourceState.set(SourceState.OPENING);
        sourceDescription.set(spec);
        prediction.set(null);
        hold.set(HoldProgress.NONE);
        missedMotionLetter.set(null);
        pictureProblem.set(null);
        Engine e = engine;
        if (e == null) {
            pendingSource = spec;
            return;
        }
        opensAsked++;
        sourceCommands.execute(() -> e.open(spec));
    }

    public void openCamera(CameraInfo camera) {
        openSource(camera.id());
    }

    public void openFile(Path path) {
        openSource(path.toAbsolutePath().toString());
    }

    /** Looks for cameras again (off the FX thread) and opens the remembered one, or the first. */
    public void useCamera() {
        lookForCameras(null);
    }

    /** @param preferred the camera to open if it is there (the one Retry is pressed for), or null */
    private void lookForCameras(String preferred) {
        if (engineUnusable()) {
            reloadEngine(null);
            return;
        }
        fault.set(null);
        sourceState.set(SourceState.OPENING);
        sourceDescription.set("Looking for cameras…");
        Engine e = engine;
        if (e != null) {
            // The source being left stops now; what it says from here on is old news (ignoringSourceNews), and so
            // is the news of any source asked for before the look whose opening has not been heard of yet.
            ignoringSourceNews = true;
            openingsToIgnore = opensAsked;
            sourceCommands.execute(e::stop);
        }
        background.execute(() -> {
            List<CameraInfo> found = listCameras();
            fxThread.execute(() -> {
                cameras.set(found);
                openCameraFrom(found, preferred);
            });
        });
    }

    /** Tries the last source again; for a camera, looks for cameras again first. */
    public void retry() {
        if (engineUnusable()) {
            reloadEngine(sourceSpec.get());
            return;
        }
        String spec = sourceSpec.get();
        Fault current = fault.get();
        // "No camera found" after a look for one (Ctrl+K) while a file was the source: Retry looks again, as the
        // panel says, rather than playing the file again.
        boolean lookedForCamera = current != null && current.kind() == Fault.Kind.NO_CAMERA;
        if (spec == null || FrameSources.isCamera(spec) || lookedForCamera) {
            // The camera that was busy or lost, if it is there now: not the remembered one or the first.
            lookForCameras(lookedForCamera ? null : spec);
        } else {
            openSource(spec);
        }
    }

    /** The models failed to load, or recognition stopped: only a new engine can open a source. */
    private boolean engineUnusable() {
        Fault current = fault.get();
        return current != null && (current.kind() == Fault.Kind.MODEL || current.kind() == Fault.Kind.RECOGNITION);
    }

    /** A new engine: the models are loaded again from their files, then {@code source} (or a camera) opens. */
    private void reloadEngine(String source) {
        // The source asked for now is the one to open: not one chosen while the failed engine was loading.
        pendingSource = null;
        Engine old = engine;
        engine = null;
        if (old != null) {
            sourceCommands.execute(old::close);
        }
        start(source);
    }

    private void openCameraFrom(List<CameraInfo> found, String preferred) {
        if (found.isEmpty()) {
            if (engine == null) {
                // Asked for while the models load: the source the app started on must not open over this answer.
                startSourceSuperseded = true;
            }
            // Not "Looking for cameras…" any more: the look is over.
            sourceDescription.set("");
            showFault(Fault.noCamera());
            return;
        }
        CameraInfo pick = found.stream().filter(c -> c.id().equals(preferred) || c.device().equals(preferred)).findFirst()
                .or(() -> found.stream().filter(c -> c.id().equals(settings.camera())).findFirst())
                .orElse(found.get(0));
        openCamera(pick);
    }

    private List<CameraInfo> listCameras() {
        try {
            return List.copyOf(cameraFinder.get());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void rememberSource(String spec) {
        if (FrameSources.isCamera(spec)) {
            updateSettings(settings.withCamera(spec));
        } else if (isExistingPath(spec)) {
            recentFile.set(spec);
            updateSettings(settings.withRecentFile(spec));
        }
    }

    private static boolean isExistingPath(String spec) {
        try {
            return Files.exists(Path.of(spec));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private void showFault(Fault f) {
        fault.set(f);
        sourceState.set(SourceState.FAILED);
        frameImage.set(null);
        frameResult.set(null);
        prediction.set(null);
        hold.set(HoldProgress.NONE);
        handVisible.set(false);
        missedMotionLetter.set(null);
        framesPerSecond.set(0);
    }

    // ---------------------------------------------------------------- recognition settings

    public void toggleMode() {
        setMode(mode.get().toggled());
    }

    /** Takes effect on the engine's next frame; nothing restarts. */
    public void setMode(RecognitionMode m) {
        mode.set(Objects.requireNonNull(m));
        if (m == RecognitionMode.SEQUENCE) {
            missedMotionLetter.set(null);
        }
        if (engine != null) {
            engine.setMode(m);
        }
        updateSettings(settings.withMode(m));
    }

    public void setSigningHand(SigningHand hand) {
        signingHand.set(Objects.requireNonNull(hand));
        if (engine != null) {
            engine.setSigningHand(hand);
        }
        updateSettings(settings.withHand(hand));
    }

    public void cycleSigningHand() {
        SigningHand[] all = SigningHand.values();
        setSigningHand(all[(signingHand.get().ordinal() + 1) % all.length]);
    }

    /**
     * Pauses or resumes writing: while paused, letters are still read and shown but none is written, so a
     * teacher can show a letter without spelling it. Not remembered: every start writes.
     */
    public void setWritingPaused(boolean paused) {
        writingPaused.set(paused);
        if (engine != null) {
            engine.setWriting(!paused);
        }
        if (paused) {
            hold.set(HoldProgress.NONE);
        }
    }

    public void toggleWritingPaused() {
        setWritingPaused(!writingPaused.get());
    }

    /**
     * The GPU cannot run here: the first reason found is kept for the tooltip (the choice stays greyed out for
     * the session), and a request for it becomes the CPU, in the settings too.
     */
    private void refuseGpu(String reason) {
        if (gpuUnavailableReason.get() == null) {
            gpuUnavailableReason.set(reason);
        }
        if (requestedProvider.get() == ExecutionProvider.CUDA) {
            requestedProvider.set(ExecutionProvider.CPU);
            updateSettings(settings.withProvider(ExecutionProvider.CPU));
        }
    }

    /** Asks for an execution provider; the engine answers through providerChanged (falling back to CPU). */
    public void requestProvider(ExecutionProvider p) {
        Objects.requireNonNull(p);
        if (p == ExecutionProvider.CUDA && gpuUnavailableReason.get() != null) {
            return;
        }
        requestedProvider.set(p);
        if (engine != null) {
            askProvider(p);
        }
        updateSettings(settings.withProvider(p));
    }

    private void askProvider(ExecutionProvider p) {
        providerRequests.add(p);
        engine.setProvider(p);
    }

    public void toggleProvider() {
        requestProvider(requestedProvider.get() == ExecutionProvider.CPU ? ExecutionProvider.CUDA : ExecutionProvider.CPU);
    }

    /**
     * New thresholds from the next frame on, the source going on: reopening it would replay a video and write
     * its letters again. An engine still loading takes them when it is ready.
     */
    public void setThresholds(double confidence, double holdSeconds) {
        CommitSettings before = Engines.commitSettings(settings);
        updateSettings(settings.withThresholds(confidence, holdSeconds));
        CommitSettings after = Engines.commitSettings(settings);
        // Unchanged, the hold in progress is left alone: new rules start it again.
        if (engine != null && !after.equals(before)) {
            engine.setCommitSettings(after);
        }
    }

    // ---------------------------------------------------------------- view

    /** Mirrors the video or stops; remembered for cameras and for files apart (see {@link UiSettings#mirrorFiles}). */
    public void toggleMirror() {
        boolean on = !mirrored.get();
        mirrored.set(on);
        updateSettings(showsACamera() ? settings.withMirror(on) : settings.withMirrorFiles(on));
    }

    private boolean showsACamera() {
        String spec = sourceSpec.get();
        return spec == null || FrameSources.isCamera(spec);
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
        updateSettings(settings.withTheme(theme.get()));
    }

    public void togglePresenter() {
        presenter.set(!presenter.get());
    }

    public void setPresenter(boolean on) {
        presenter.set(on);
    }

    private void updateSettings(UiSettings next) {
        settings = next;
        currentSettings.set(next);
        settingsWrites.execute(() -> settingsStore.save(settings));
    }

    // ---------------------------------------------------------------- text on disk

    /** From any thread: the last save failed; the text is in memory and saving is tried again. */
    public void textSaveFailed(Path file, Exception cause) {
        String reason = FileErrors.reason(cause);
        TextSaveProblem problem = new TextSaveProblem("Not saved",
                "The text cannot be saved to " + file + " (" + reason + "). It is kept in memory, and SignSpell"
                        + " tries again every few seconds and when it closes. Copy it somewhere safe meanwhile.");
        fxThread.execute(() -> textSaveProblem.set(problem));
    }

    /** From any thread: a save worked again. */
    public void textSaveRecovered() {
        fxThread.execute(() -> textSaveProblem.set(null));
    }

    /** The saved text could not be read at start; it was set aside (or not) and the app began empty. */
    public void textRestoreFailed(Path file, Path setAside) {
        TextSaveProblem problem = new TextSaveProblem("Earlier text unreadable",
                "The text saved in " + file + " could not be read, so SignSpell started with an empty text. "
                        + (setAside != null ? "The file is kept as " + setAside + "." : "The file was left where it is."));
        fxThread.execute(() -> {
            textSaveProblem.set(problem);
            // Said until the new text is first changed (and so saved): after that it is old news.
            text.textProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends String> obs, String old, String now) {
                    obs.removeListener(this);
                    if (textSaveProblem.get() == problem) {
                        textSaveProblem.set(null);
                    }
                }
            });
        });
    }

    public ReadOnlyObjectProperty<TextSaveProblem> textSaveProblemProperty() {
        return textSaveProblem.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- a picture that stopped

    /** A source that plays yet sends no picture this long is said to have stopped. */
    static final long PICTURE_STALL_NANOS = 4_000_000_000L;

    /**
     * FX thread, about once a second: notices a source that is open but has sent no picture for a while. A
     * camera can stop sending without going away (a USB hiccup, a driver that hangs); its read then waits for
     * good, no error ever comes, and the window would show a frozen picture as if all were well.
     */
    public void checkPicture(long nowNanos) {
        boolean stalled = sourceState.get() == SourceState.PLAYING && lastPictureNanos != 0
                && nowNanos - lastPictureNanos > PICTURE_STALL_NANOS;
        String spec = sourceSpec.get();
        String message = !stalled ? null : FrameSources.isCamera(spec)
                ? "No picture from the camera for a few seconds. If it stays frozen, unplug the camera, plug it in"
                        + " again and press Retry (Ctrl+R)."
                : "No new picture for a few seconds.";
        if (!Objects.equals(message, pictureStalled.get())) {
            pictureStalled.set(message);
        }
        if (stalled) {
            // Nothing comes to complete a hold (as after a video's end): no ring left part-filled.
            hold.set(HoldProgress.NONE);
        }
    }

    /** What about the source's pictures keeps hands from being read (too small, black and white), or null. */
    public ReadOnlyObjectProperty<PictureCheck.Problem> pictureProblemProperty() {
        return pictureProblem.getReadOnlyProperty();
    }

    /** What to say about a picture that stopped coming, or null while pictures come (or nothing plays). */
    public ReadOnlyStringProperty pictureStalledProperty() {
        return pictureStalled.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- frames

    /**
     * FX thread, at the start of every pulse of the window's scene (the view registers it): a frame may have
     * been left waiting for it (see {@link VideoFrames}).
     */
    public void pulseStarted() {
        if (frames.pulseStarted()) {
            showLatestFrame();
        }
    }

    private void showLatestFrame() {
        VideoFrames.Shown shown = frames.takeLatest();
        if (shown == null || closed || sourceState.get() == SourceState.FAILED) {
            return;
        }
        if (sourceState.get() == SourceState.OPENING) {
            // A frame of the source being left, read as the next one was asked for: its picture may stand until
            // the next source's first (taken, it must be shown: its slot is the one on screen now), but its
            // letter and hold are not the next source's, and the next source is not playing until it opens.
            frameImage.set(shown.image());
            frameResult.set(shown.result());
            return;
        }
        if (sourceState.get() != SourceState.ENDED) {
            sourceState.set(SourceState.PLAYING);
        }
        lastPictureNanos = System.nanoTime();
        if (pictureStalled.get() != null) {
            pictureStalled.set(null);
        }
        FrameResult r = shown.result();
        frameImage.set(shown.image());
        frameResult.set(r);
        framesPerSecond.set(shown.framesPerSecond());
        latencyMillis.set(latencyMillis.get() == 0 ? r.timings().totalNanos() / 1e6
                : 0.9 * latencyMillis.get() + 0.1 * r.timings().totalNanos() / 1e6);
        handVisible.set(r.hasHand());
        prediction.set(r.prediction());
        noteMissedMotionLetter(r);
        // While writing is paused, or after the source ended, no hold leads anywhere, so none is shown filling.
        hold.set(writingPaused.get() || sourceState.get() == SourceState.ENDED ? HoldProgress.NONE : r.hold());
    }

    /** How long a Z that per-frame mode left out stays on show after it was last seen drawn (video time). */
    static final long MISSED_MOTION_LETTER_SHOWN_MICROS = 3_000_000L;

    /**
     * Keeps a Z that per-frame mode saw drawn, and so left out of the text, on show for
     * {@link #MISSED_MOTION_LETTER_SHOWN_MICROS} of the video after it was last seen: long enough to read and act on,
     * and it does not flicker with the windows between. Frame time, not the clock: a paused picture keeps it.
     */
    private void noteMissedMotionLetter(FrameResult r) {
        // A frame read per frame can still arrive after the switch to sequence mode: the note is answered already.
        if (r.motionLetter() != null && mode.get() == RecognitionMode.FRAME) {
            missedMotionLetter.set(r.motionLetter());
            missedMotionLetterMicros = r.timestampMicros();
        } else if (missedMotionLetter.get() != null && (r.timestampMicros() < missedMotionLetterMicros
                || r.timestampMicros() - missedMotionLetterMicros > MISSED_MOTION_LETTER_SHOWN_MICROS)) {
            missedMotionLetter.set(null);
        }
    }

    /** Engine callbacks: engine threads in, FX thread out. */
    private final class Events implements EngineListener {
        @Override
        public void sourceOpening(String spec) {
            fxThread.execute(() -> {
                // Once recognition has stopped the engine's news of its source changes nothing (see
                // recognitionFailed): the fault stays, and Retry builds a new engine.
                if (engineUnusable()) {
                    return;
                }
                opensAsked = Math.max(0, opensAsked - 1);
                if (openingsToIgnore > 0) {
                    // A source asked for before a look for cameras, opened only now: stopped after it, old news.
                    openingsToIgnore--;
                    return;
                }
                ignoringSourceNews = false;
                sourceState.set(SourceState.OPENING);
                fault.set(null);
                pictureProblem.set(null);
                // What was read from the source left is not the next one's.
                prediction.set(null);
                hold.set(HoldProgress.NONE);
            });
        }

        @Override
        public void sourceOpened(String spec, String description, double fps) {
            fxThread.execute(() -> {
                if (engineUnusable() || ignoringSourceNews) {
                    return;
                }
                fault.set(null);
                sourceState.set(SourceState.PLAYING);
                sourceDescription.set(description);
                // Only a source that opened is offered again ("Open again", the camera at the next start): one that
                // failed would take the place of the last good one. The spec that opened, not the one asked for
                // last: news of one source can arrive after the next was chosen.
                if (spec != null) {
                    rememberSource(spec);
                }
                // A camera that opens but never sends a picture is noticed as one that stopped.
                lastPictureNanos = System.nanoTime();
                pictureStalled.set(null);
            });
        }

        @Override
        public void sourceFailed(CaptureException error) {
            Fault f = Fault.from(error);
            fxThread.execute(() -> {
                if (!engineUnusable() && !ignoringSourceNews) {
                    showFault(f.naming(sourceSpec.get()));
                }
            });
        }

        @Override
        public void endOfStream() {
            fxThread.execute(() -> {
                if (engineUnusable() || ignoringSourceNews) {
                    return;
                }
                sourceState.set(SourceState.ENDED);
                // Nothing more comes to complete a hold.
                hold.set(HoldProgress.NONE);
            });
        }

        @Override
        public void frameProcessed(FrameResult result, Mat bgr) {
            frames.write(bgr, result, rate.tick(System.nanoTime()));
            frameHandoff.signal();
        }

        @Override
        public void recognitionFailed(String message) {
            fxThread.execute(() -> {
                if (!closed) {
                    showFault(Fault.recognition(message));
                    // Its source would play on behind the panel: a frame read right again could still write.
                    Engine e = engine;
                    if (e != null) {
                        sourceCommands.execute(e::stop);
                    }
                }
            });
        }

        @Override
        public void pictureProblem(PictureCheck.Problem problem) {
            fxThread.execute(() -> {
                if (!ignoringSourceNews) {
                    pictureProblem.set(problem);
                }
            });
        }

        @Override
        public void committed(CommitEvent event) {
            fxThread.execute(() -> lastCommit.set(event));
        }

        @Override
        public void providerChanged(ExecutionProvider active, String note) {
            fxThread.execute(() -> {
                activeProvider.set(active);
                providerNote.set(note);
                // The engine answers each request in turn, and reports once as it starts (for what it was built
                // with). The CPU is a refusal only as the answer to the GPU: not to a CPU request made before the
                // last GPU one (a quick toggle), nor from an engine built for the CPU while the GPU was asked for
                // meanwhile (engineReady passes that request on).
                ExecutionProvider answered = providerRequests.poll();
                ExecutionProvider asked = answered != null ? answered
                        : providerBeingBuilt != null ? providerBeingBuilt : requestedProvider.get();
                if (active == ExecutionProvider.CPU && asked == ExecutionProvider.CUDA) {
                    refuseGpu(note == null || note.isBlank() ? "The GPU could not be used on this computer." : note);
                }
                if (engine != null) {
                    modelDescription.set(engine.modelDescription());
                }
            });
        }
    }

    /** The engine in use, {@code null} until it is built (tests check that commands reach it). */
    Engine engine() {
        return engine;
    }

    /** The listener the engine reports to; exposed for tests that drive a real engine themselves. */
    EngineListener engineListener() {
        return events;
    }

    // ---------------------------------------------------------------- properties

    public TextBufferModel text() {
        return text;
    }

    public ReadOnlyObjectProperty<SourceState> sourceStateProperty() {
        return sourceState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Fault> faultProperty() {
        return fault.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceSpecProperty() {
        return sourceSpec.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceDescriptionProperty() {
        return sourceDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<CameraInfo>> camerasProperty() {
        return cameras.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recentFileProperty() {
        return recentFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RecognitionMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SigningHand> signingHandProperty() {
        return signingHand.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty writingPausedProperty() {
        return writingPaused.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExecutionProvider> requestedProviderProperty() {
        return requestedProvider.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExecutionProvider> activeProviderProperty() {
        return activeProvider.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty providerNoteProperty() {
        return providerNote.getReadOnlyProperty();
    }

    /** Why the GPU cannot be chosen, or {@code null} while nothing says it cannot. */
    public ReadOnlyStringProperty gpuUnavailableReasonProperty() {
        return gpuUnavailableReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelDescriptionProperty() {
        return modelDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> frameImageProperty() {
        return frameImage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FrameResult> frameResultProperty() {
        return frameResult.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty framesPerSecondProperty() {
        return framesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty latencyMillisProperty() {
        return latencyMillis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** The class being held toward a commit, how far along, and whether that commit writes it again. */
    public ReadOnlyObjectProperty<HoldProgress> holdProperty() {
        return hold.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CommitEvent> lastCommitProperty() {
        return lastCommit.getReadOnlyProperty();
    }

    /**
     * In per-frame mode, a letter drawn in the air that this mode does not write but sequence mode would (Z), seen
     * in the last few seconds; {@code null} otherwise. {@link #setMode} to sequence clears it.
     */
    public ReadOnlyObjectProperty<LetterClass> missedMotionLetterProperty() {
        return missedMotionLetter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty handVisibleProperty() {
        return handVisible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mirroredProperty() {
        return mirrored.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty presenterProperty() {
        return presenter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UiSettings> settingsProperty() {
        return currentSettings.getReadOnlyProperty();
    }
}
