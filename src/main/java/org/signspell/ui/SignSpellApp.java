package org.signspell.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCombination;
import javafx.scene.transform.Scale;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.signspell.capture.Cameras;
import org.signspell.spelling.FileErrors;
import org.signspell.spelling.TextAutosave;
import org.signspell.spelling.TextBuffer;
import org.signspell.spelling.TextFileLock;

/** The desktop app: one window, driven by a {@link MainViewModel}. Start it through {@link AppLauncher}. */
public final class SignSpellApp extends Application {

    /** A screenshot is taken at the latest after this long, whatever the source is doing. */
    private static final Duration SCREENSHOT_DEADLINE = Duration.seconds(40);
    /** Room for the title bar and borders a desktop adds around the scene (about 30 px on GNOME and Windows). */
    private static final double WINDOW_FRAME = 40;
    private static final long SAVE_RETRY_SECONDS = 5;

    private ExecutorService background;
    /** Once-in-a-while checks off the FX thread: saving a text that failed to save, a picture that stopped. */
    private ScheduledExecutorService housekeeping;
    private TextAutosave autosave;
    /** This window's hold on the text file; null in a start that found another SignSpell holding it. */
    private TextFileLock textLock;
    private TextBuffer buffer;
    /** Volatile: the autosave reports from whichever thread saved (the engine's, for a written letter). */
    private volatile MainViewModel viewModel;
    private MainView view;
    private Stage stage;

    @Override
    public void start(Stage primaryStage) {
        AppOptions options = AppLauncher.options();
        stage = primaryStage;
        AtomicInteger threads = new AtomicInteger();
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "signspell-ui-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Path textFile = TextAutosave.defaultFile();
        Optional<TextFileLock> lock = TextFileLock.tryLock(textFile);
        if (lock.isEmpty()) {
            TextFileLock.knock(textFile);
            sayAlreadyOpen(options);
            return;
        }
        textLock = lock.get();
        Path[] unreadable = new Path[2];
        autosave = new TextAutosave(textFile, new TextAutosave.Listener() {
            @Override
            public void saveFailed(Path file, Exception cause) {
                // Logged by the autosave; the window says it.
                MainViewModel vm = viewModel;
                if (vm != null) {
                    vm.textSaveFailed(file, cause);
                }
            }

            @Override
            public void saveRecovered(Path file) {
                MainViewModel vm = viewModel;
                if (vm != null) {
                    vm.textSaveRecovered();
                }
            }

            @Override
            public void restoreFailed(Path file, Path setAside, Exception cause) {
                // Heard while the buffer opens, before there is a window to tell.
                unreadable[0] = file;
                unreadable[1] = setAside;
            }
        });
        buffer = autosave.openBuffer();
        viewModel = new MainViewModel(Engines.recognition(), Cameras::list, SettingsStore.inConfigDir(), buffer,
                Platform::runLater, background);
        if (unreadable[0] != null) {
            viewModel.textRestoreFailed(unreadable[0], unreadable[1]);
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "signspell-housekeeping");
            t.setDaemon(true);
            return t;
        });
        // Does nothing while saving works; after a failure, the text is on disk within seconds of the cause
        // going away, even if nobody changes it again.
        housekeeping.scheduleWithFixedDelay(() -> autosave.retry(buffer), SAVE_RETRY_SECONDS, SAVE_RETRY_SECONDS,
                TimeUnit.SECONDS);
        // A second start found this window holding the text, and knocked: the user is looking for this window.
        housekeeping.scheduleWithFixedDelay(() -> {
            if (textLock.answerKnock()) {
                Platform.runLater(this::bringForward);
            }
        }, 1, 1, TimeUnit.SECONDS);
        // Not a JavaFX Timeline: a running animation keeps JavaFX drawing 60 times a second for nothing.
        housekeeping.scheduleWithFixedDelay(() -> Platform.runLater(() -> viewModel.checkPicture(System.nanoTime())),
                1, 1, TimeUnit.SECONDS);
        view = new MainView(viewModel, Platform::exit);

        Application.setUserAgentStylesheet(viewModel.themeProperty().get().userAgentStylesheet());
        viewModel.themeProperty().addListener((obs, old, t) -> Application.setUserAgentStylesheet(t.userAgentStylesheet()));

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // The visual bounds leave out the task bar but not the window's own title bar and borders.
        Scene scene = new Scene(view.root(), Math.min(1360, screen.getWidth() - WINDOW_FRAME),
                Math.min(860, screen.getHeight() - WINDOW_FRAME));
        stage.setScene(scene);
        stage.setTitle("SignSpell");
        stage.getIcons().addAll(AppIcon.image(32), AppIcon.image(64), AppIcon.image(256));
        // Smaller than this the toolbar runs out of room; the body scrolls (MainView) but is never cut off. A screen
        // smaller than this at its display scaling (1920×1080 at 200 % is 960×540) gets a window its own size, where
        // MainView closes the toolbar up (it fits down to 853 wide, 1280×800 at 150 %).
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        stage.setFullScreenExitHint("");
        // Esc is ours (it also closes sheets); the view leaves presenter view on it.
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        viewModel.presenterProperty().addListener((obs, was, on) -> showFullScreen(on));
        stage.fullScreenProperty().addListener((obs, was, full) -> {
            if (!full && viewModel.presenterProperty().get()) {
                viewModel.setPresenter(false);
            }
        });
        stage.show();

        viewModel.start(options.source());
        if (options.presenter()) {
            viewModel.setPresenter(true);
        }
        if (options.screenshotMode()) {
            scheduleScreenshot(options.screenshot());
        }
    }

    /**
     * Another SignSpell holds the text (see {@link TextFileLock}); it was asked to come forward. This one opens no
     * window of its own, only says so; closing that ends it (the last window closed).
     */
    private void sayAlreadyOpen(AppOptions options) {
        String why = "Only one SignSpell at a time keeps your text: two would save over each other's letters."
                + " Its window was asked to come forward; your text is there.";
        if (options.screenshotMode()) {
            System.err.println("signspell: SignSpell is already open. " + why);
            Platform.exit();
            return;
        }
        // In the user's theme, as the window it stands for.
        Application.setUserAgentStylesheet(SettingsStore.inConfigDir().load().theme().userAgentStylesheet());
        Alert alert = new Alert(Alert.AlertType.INFORMATION, why, ButtonType.OK);
        alert.setTitle("SignSpell");
        alert.setHeaderText("SignSpell is already open");
        alert.getDialogPane().setId("already-open");
        alert.initModality(Modality.NONE);
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().addAll(AppIcon.image(32), AppIcon.image(64));
        alert.show();
    }

    private void bringForward() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.toFront();
        stage.requestFocus();
    }

    private javafx.geometry.Rectangle2D windowedBounds;

    /**
     * Full screen for the presenter view. The window is also sized to the screen, because a desktop without a
     * window manager (a kiosk, Xvfb) ignores the full-screen request.
     */
    private void showFullScreen(boolean on) {
        if (on) {
            windowedBounds = new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setFullScreen(true);
        } else {
            stage.setFullScreen(false);
            if (windowedBounds != null) {
                stage.setX(windowedBounds.getMinX());
                stage.setY(windowedBounds.getMinY());
                stage.setWidth(windowedBounds.getWidth());
                stage.setHeight(windowedBounds.getHeight());
            }
        }
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.shutdown();
        }
        if (housekeeping != null) {
            housekeeping.shutdownNow();
            // A last try for a text whose save failed: afterwards it would exist nowhere.
            autosave.retry(buffer);
        }
        if (textLock != null) {
            // After the last save: the next SignSpell may have the text from here on.
            textLock.close();
            textLock = null;
        }
        // The pool is not shut down: an engine still loading when the window closes must still be closed on it
        // when it arrives. Its threads are daemons and expire when idle.
    }

    /**
     * Takes the screenshot once the source has played to its end or failed (the window then shows what a
     * user would see), or at the deadline, and quits.
     */
    private void scheduleScreenshot(Path file) {
        Runnable[] take = new Runnable[1];
        boolean[] done = new boolean[1];
        PauseTransition deadline = new PauseTransition(SCREENSHOT_DEADLINE);
        ChangeListener<MainViewModel.SourceState> onState = (obs, old, s) -> {
            if (s == MainViewModel.SourceState.ENDED || s == MainViewModel.SourceState.FAILED) {
                take[0].run();
            }
        };
        take[0] = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            deadline.stop();
            viewModel.sourceStateProperty().removeListener(onState);
            // Let layout and a few pulses settle, so the last frame and the text are drawn.
            PauseTransition settle = new PauseTransition(Duration.millis(600));
            settle.setOnFinished(e -> {
                try {
                    double scale = stage.getRenderScaleX();
                    WritableImage picture = screenPixels(stage.getScene(), scale, stage.getRenderScaleY());
                    PngWriter.write(picture, file);
                    System.out.println("Screenshot written to " + file.toAbsolutePath() + " ("
                            + (int) picture.getWidth() + "×" + (int) picture.getHeight() + " pixels, at "
                            + Math.round(scale * 100) + " % display scaling)");
                } catch (IOException | RuntimeException ex) {
                    System.err.println("signspell: could not write the screenshot " + file + ": " + FileErrors.reason(ex) + ".");
                    AppLauncher.setExitCode(1);
                }
                Platform.exit();
            });
            settle.play();
        };
        viewModel.sourceStateProperty().addListener(onState);
        deadline.setOnFinished(e -> take[0].run());
        deadline.play();
    }

    /**
     * The scene as the screen shows it, one image pixel per device pixel. {@code Scene.snapshot} renders one pixel
     * per layout unit: at 200 % that is a half-size picture, and at 125 % or 150 % it is laid out for the screen's
     * pixel grid but drawn on another, so text and edges come out soft where the screen has them sharp.
     */
    static WritableImage screenPixels(Scene scene, double scaleX, double scaleY) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(scene.getFill());
        params.setTransform(new Scale(scaleX, scaleY));
        // The scene's area exactly: the root's own bounds may reach past it (a shadow, a toast off to the side).
        params.setViewport(new Rectangle2D(0, 0, devicePixels(scene.getWidth(), scaleX),
                devicePixels(scene.getHeight(), scaleY)));
        return scene.getRoot().snapshot(params, null);
    }

    /**
     * A window's scene size is its device pixels divided by the scale in float (Glass), so multiplied back it can
     * come out a hair over the whole number (1366 at 150 % gives 1366.00003): rounded up as it is, that added a
     * column of the scene's fill the screen does not show. Only a real part of a pixel is rounded up.
     */
    private static double devicePixels(double size, double scale) {
        return Math.ceil(size * scale - 0.01);
    }

    MainViewModel viewModel() {
        return viewModel;
    }
}
