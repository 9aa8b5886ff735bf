package org.signspell.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.scene.shape.Circle;
import javafx.scene.transform.Scale;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.signspell.capture.CameraInfo;
import org.signspell.capture.FrameSources;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.SigningHand;
import org.signspell.hands.PictureCheck;
import org.signspell.letters.ExecutionProvider;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;
import org.signspell.spelling.CommitEvent;
import org.signspell.spelling.HoldProgress;
import org.signspell.spelling.TextChange;

/**
 * The window's content: the main layout, the presenter layout, and the sheets over them. Binds to a
 * {@link MainViewModel}; every action is a view-model command, every shortcut is in {@link #shortcuts()}.
 */
final class MainView {

    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    /** Window sizes below which the layout tightens; see {@link #fitToWindow}. */
    static final double COMPACT_HEIGHT = 800;
    static final double SHORTEST_WITH_TOP3 = 660;
    static final double NARROW_WIDTH = 1300;
    static final double NARROWEST_WIDTH = 1100;
    static final double TIGHTEST_WIDTH = 1000;
    /** Narrower still (1280×800 at 150 %, 853 wide) the toolbar shows no brand. */
    static final double NO_BRAND_WIDTH = 900;
    private static final double TOOLBAR_SPACING = 10;
    private static final double TOOLBAR_SPACING_TIGHT = 4;
    private static final double COMPACT_LETTER_SCALE = 0.68;
    private static final double SHEET_MARGIN = 48;
    private static final double PRESENTER_COLUMN_SPACING = 20;
    private static final double PRESENTER_RING = 400;
    private static final double CURSOR_GAP = 6;
    /** What presenter view's text row holds, unseen, when there is no text. */
    private static final String EMPTY_LINE = "X";
    /** Narrower than this, the picture shows the short form of the note on a Z per frame left out (presenter view at 1024 px). */
    private static final double MISSED_LETTER_FULL_TEXT_WIDTH = 600;
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");
    private static final String KEYS_HINT = "F1  Keyboard shortcuts";
    /**
     * On a control the keyboard is given back to by the app (a sheet closed, presenter view left) that had its ring
     * before: JavaFX counts only Tab's moves as keyboard focus, so the ring (app.css) went, and with it the only sign
     * of where a flat icon button's keyboard was.
     */
    private static final PseudoClass KEYBOARD_FOCUS = PseudoClass.getPseudoClass("keyboard-focus");

    private final MainViewModel vm;
    private final Runnable quit;
    private final StackPane root = new StackPane();
    private final Label brand = new Label();
    private final MenuButton sourceMenu = new MenuButton();
    private final List<Node> statusWideOnly = new ArrayList<>();
    private final Label statusKeys = new Label();
    private final List<Label> toolbarCaptions = new ArrayList<>();
    private final List<ButtonBase> textButtons = new ArrayList<>();
    private final HBox toolbar = new HBox(TOOLBAR_SPACING);
    /** The toolbar's gaps between groups, each with its width in a window wide enough for it. */
    private final java.util.Map<Region, Double> toolbarGaps = new java.util.LinkedHashMap<>();
    private final VBox letterCard = new VBox();
    private final VBox top3Card = new VBox();
    private final Scale letterScale = new Scale(1, 1, 0, 0);
    private final Scale presenterLetterScale = new Scale(1, 1, 0, 0);
    private final StackPane videoPane = new StackPane();
    private final VideoSurface video = new VideoSurface();
    private final FaultPanel faultPanel;
    private final VBox openingPanel = new VBox(12);
    private final Label openingLabel = new Label();
    private final Region mainLayout;
    private final BorderPane presenterLayout = new BorderPane();
    private final HBox presenterStage = new HBox(48);
    private final StackPane presenterTextRow = new StackPane();
    private final Region presenterCursor = new Region();
    private final TextFlow presenterTextFlow = new TextFlow();
    private final StackPane mainVideoHolder = new StackPane();
    private final TextArea textArea = new TextArea();
    private final Label toast = new Label();
    private final StackPane sheetLayer = new StackPane();
    private final List<Shortcut> shortcuts;
    private final Timeline toastTimer = new Timeline();

    private static final String SHORTCUT_SHEET = "Keyboard shortcuts (this sheet)";
    private static final String ESCAPE = "Leave presenter view, close a sheet";
    private static final String SETTINGS_SHEET = "Recognition settings";
    private static final String QUIT = "Quit";
    /** The shortcuts that act while a sheet is open: those that open, close or leave. */
    private static final Set<String> SHORTCUTS_OVER_SHEETS = Set.of(SHORTCUT_SHEET, ESCAPE, SETTINGS_SHEET, QUIT);
    /** What had the keyboard before a sheet opened, to have it back when the sheet closes. */
    private Node focusBeforeSheet;
    /** Whether it showed its keyboard ring then; the same for presenter view below. */
    private boolean ringBeforeSheet;
    /** The same for presenter view. */
    private Node focusBeforePresenter;
    private boolean ringBeforePresenter;
    /** The settings sheet's values not yet applied, kept while another sheet (F1) stands in its place; else null. */
    private double[] settingsDraft;

    /** One instance of each, so the scene can be told to forget them. */
    private final Runnable pulseToViewModel;
    private final EventHandler<KeyEvent> shortcutFilter = this::dispatchShortcut;
    /**
     * An open sheet holds the keyboard: Tab (or an arrow key) must not reach the controls behind its backdrop,
     * where Space would press one unseen. Focus that leaves the sheet is brought back, round the sheet's ends
     * as Tab goes round a dialog. (Disabling the layout behind instead made the theme fade all of it, so the
     * text and the letter flashed, and hid which of its buttons were really unavailable.)
     */
    private final ChangeListener<Node> keepFocusInSheet = (obs, old, now) -> {
        if (!sheetLayer.isVisible() || now == null || isInside(now, sheetLayer)) {
            return;
        }
        List<Node> stops = focusStops(sheetLayer);
        if (stops.isEmpty()) {
            return;
        }
        Node first = stops.get(0);
        Node last = stops.get(stops.size() - 1);
        Node target = old == last ? first : old == first ? last
                : old != null && isInside(old, sheetLayer) ? old : first;
        Platform.runLater(target::requestFocus);
    };

    MainView(MainViewModel vm, Runnable quit) {
        this.vm = vm;
        this.quit = quit;
        this.pulseToViewModel = vm::pulseStarted;
        this.faultPanel = new FaultPanel(new FaultPanel.Actions(vm::retry, this::fillSourceMenu, this::chooseVideoFile, this::chooseFrameFolder));
        this.shortcuts = List.of(
                Shortcut.of(SHORTCUT_SHEET, this::toggleShortcutSheet, "F1"),
                Shortcut.of("Switch mode: per frame ⇄ sequence", vm::toggleMode, "F2", "Shortcut+M"),
                Shortcut.of("Mirror the video (selfie view)", vm::toggleMirror, "F3"),
                Shortcut.of("Light or dark theme", vm::toggleTheme, "F4"),
                Shortcut.of("Presenter view (full screen)", vm::togglePresenter, "F5"),
                Shortcut.of(ESCAPE, this::escape, "Esc"),
                Shortcut.of("Pause or resume writing (letters are still shown)", vm::toggleWritingPaused, "F6", "Shortcut+P"),
                Shortcut.of("Add a space", vm.text()::space, "Shortcut+Shift+Space"),
                Shortcut.of("Copy all text", this::copyText, "Shortcut+Shift+C"),
                // Not Ctrl+Backspace: in the text box that deletes the word before the cursor, as everywhere.
                Shortcut.of("Delete the last character", vm.text()::backspace, "Shortcut+Shift+Backspace"),
                Shortcut.of("Undo (typing: a word at a time)", vm.text()::undo, "Shortcut+Z"),
                Shortcut.of("Redo", vm.text()::redo, "Shortcut+Shift+Z", "Shortcut+Y"),
                Shortcut.of("Clear the text (undo brings it back)", vm.text()::clear, "Shortcut+L"),
                Shortcut.of("Next signing hand: right, left, detect", vm::cycleSigningHand, "Shortcut+H"),
                Shortcut.of("Switch CPU ⇄ GPU", this::toggleProvider, "Shortcut+G"),
                Shortcut.of("Open a video file", this::chooseVideoFile, "Shortcut+O"),
                Shortcut.of("Open a folder of frames", this::chooseFrameFolder, "Shortcut+Shift+O"),
                Shortcut.of("Use a camera", vm::useCamera, "Shortcut+K"),
                Shortcut.of("Retry the source", vm::retry, "Shortcut+R"),
                Shortcut.of(SETTINGS_SHEET, this::toggleSettingsSheet, "Shortcut+Comma"),
                Shortcut.of(QUIT, quit, "Shortcut+Q"));

        buildVideoPane();
        mainLayout = buildMainLayout();
        buildPresenterLayout();

        sheetLayer.getStyleClass().add("sheet-layer");
        sheetLayer.setVisible(false);
        sheetLayer.setOnMouseClicked(e -> {
            if (e.getTarget() == sheetLayer) {
                closeSheet();
            }
        });
        toast.setId("toast");
        toast.setWrapText(true);
        toast.setMaxWidth(640);
        toast.getStyleClass().add("toast");
        toast.setVisible(false);
        toast.setMouseTransparent(true);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new Insets(0, 0, 96, 0));
        root.getChildren().addAll(mainLayout, toast, sheetLayer);
        root.getStyleClass().add("signspell");
        root.getStylesheets().add(MainView.class.getResource("app.css").toExternalForm());
        root.widthProperty().addListener((obs, old, w) -> fitToWindow(w.doubleValue(), root.getHeight()));
        root.heightProperty().addListener((obs, old, h) -> fitToWindow(root.getWidth(), h.doubleValue()));

        vm.presenterProperty().addListener((obs, was, on) -> showPresenter(on));
        vm.lastCommitProperty().addListener((obs, old, c) -> flashText());
        // Shortcuts are caught on the scene, not the root: with nothing focused (presenter view over a video
        // holds nothing focusable) key events go to the scene alone. The video hand-off recycles a picture
        // only once no render can still read it, which it learns from the scene's pulses.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(keepFocusInSheet);
                old.removeEventFilter(KeyEvent.KEY_PRESSED, shortcutFilter);
                old.removePreLayoutPulseListener(pulseToViewModel);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(keepFocusInSheet);
                scene.addEventFilter(KeyEvent.KEY_PRESSED, shortcutFilter);
                scene.addPreLayoutPulseListener(pulseToViewModel);
            }
        });
    }

    Parent root() {
        return root;
    }

    List<Shortcut> shortcuts() {
        return shortcuts;
    }

    private void dispatchShortcut(KeyEvent event) {
        for (Shortcut s : shortcuts) {
            if (s.matches(event)) {
                if (sheetLayer.isVisible() && !SHORTCUTS_OVER_SHEETS.contains(s.description())) {
                    // Behind the sheet nothing moves: its keys do nothing until it is closed (Esc).
                    event.consume();
                    return;
                }
                event.consume();
                s.action().run();
                return;
            }
        }
    }

    // ------------------------------------------------------------------ video

    private void buildVideoPane() {
        videoPane.getStyleClass().add("video-pane");
        videoPane.setId("video-pane");
        videoPane.setMinSize(200, 150);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(48, 48);
        spinner.accessibleTextProperty().bind(openingLabel.textProperty());
        openingLabel.getStyleClass().add("opening-label");
        openingPanel.getChildren().addAll(spinner, openingLabel);
        openingPanel.setAlignment(Pos.CENTER);
        openingPanel.setMouseTransparent(true);
        openingPanel.setId("opening-panel");

        Label noHand = new Label("Show your hand to the camera");
        noHand.getStyleClass().add("video-hint");
        noHand.setMouseTransparent(true);
        StackPane.setAlignment(noHand, Pos.BOTTOM_CENTER);
        StackPane.setMargin(noHand, new Insets(0, 0, 18, 0));

        Label modeBadge = new Label();
        modeBadge.getStyleClass().add("video-badge");
        modeBadge.setId("mode-badge");
        modeBadge.textProperty().bind(Bindings.createStringBinding(
                // Per frame never writes Z (it is drawn in the air): said where the eye is, not in a tooltip only.
                () -> vm.modeProperty().get() == RecognitionMode.SEQUENCE ? "SEQUENCE · last 1 s" : "PER FRAME · Z needs Sequence (F2)",
                vm.modeProperty()));
        // Presenter view names the mode in its header; a badge over the picture there only repeats it.
        modeBadge.visibleProperty().bind(vm.frameImageProperty().isNotNull().and(vm.presenterProperty().not()));
        StackPane.setAlignment(modeBadge, Pos.TOP_LEFT);
        StackPane.setMargin(modeBadge, new Insets(14));

        Label pausedBadge = new Label("WRITING PAUSED · F6", new FontIcon(MaterialDesignP.PAUSE));
        pausedBadge.setId("paused-badge");
        pausedBadge.getStyleClass().addAll("video-badge", "paused-badge");
        pausedBadge.visibleProperty().bind(vm.writingPausedProperty());
        StackPane.setAlignment(pausedBadge, Pos.TOP_RIGHT);
        StackPane.setMargin(pausedBadge, new Insets(14));

        Label stalled = pictureNotice("picture-stalled", vm.pictureStalledProperty());
        stalled.visibleProperty().bind(vm.pictureStalledProperty().isNotNull()
                .and(vm.sourceStateProperty().isEqualTo(MainViewModel.SourceState.PLAYING)));
        StackPane.setAlignment(stalled, Pos.CENTER);

        // Pictures hands cannot be read in (too small, black and white): said where "Show your hand" would go,
        // which would blame the hand.
        Label pictureProblem = pictureNotice("picture-problem", Bindings.createStringBinding(() -> {
            PictureCheck.Problem problem = vm.pictureProblemProperty().get();
            return problem == null ? null : problem.message();
        }, vm.pictureProblemProperty()));
        // Kept after a video's end: it is why the text stayed empty.
        pictureProblem.visibleProperty().bind(vm.pictureProblemProperty().isNotNull()
                .and(vm.pictureStalledProperty().isNull())
                .and(vm.sourceStateProperty().isEqualTo(MainViewModel.SourceState.PLAYING)
                        .or(vm.sourceStateProperty().isEqualTo(MainViewModel.SourceState.ENDED))));
        StackPane.setAlignment(pictureProblem, Pos.BOTTOM_CENTER);
        StackPane.setMargin(pictureProblem, new Insets(0, 16, 18, 16));

        // A video that ended leaves its last picture; without a word over it the window looked as if it had hung.
        Label endedTitle = new Label("Played to the end", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        endedTitle.getStyleClass().add("ended-title");
        endedTitle.setId("ended-title");
        Button playAgain = new Button("Play again", new FontIcon(MaterialDesignR.REPLAY));
        playAgain.setId("ended-play-again");
        playAgain.getStyleClass().add(Styles.ACCENT);
        playAgain.setTooltip(tip("Play it again from the start; its letters begin a new word (Ctrl+R)"));
        playAgain.setOnAction(e -> vm.retry());
        // Mouse and Ctrl+R: taking the focus, it would catch the space bar (and presenter view's keys).
        playAgain.setFocusTraversable(false);
        Button openAnother = new Button("Open another…", new FontIcon(MaterialDesignF.FILE_VIDEO));
        openAnother.setId("ended-open-another");
        openAnother.setFocusTraversable(false);
        openAnother.setOnAction(e -> {
            if (isFolder(vm.sourceSpecProperty().get())) {
                chooseFrameFolder();
            } else {
                chooseVideoFile();
            }
        });
        HBox ended = new HBox(12, endedTitle, playAgain, openAnother);
        // Where the picture is narrow (presenter view on a 1024 px screen) the buttons keep their words. In presenter
        // view the caption under the letter says "Played to the end" already, in large type.
        endedTitle.managedProperty().bind(endedTitle.visibleProperty());
        endedTitle.visibleProperty().bind(videoPane.widthProperty().greaterThanOrEqualTo(560)
                .and(vm.presenterProperty().not()));
        ended.setId("ended-bar");
        ended.getStyleClass().add("ended-bar");
        ended.setAlignment(Pos.CENTER);
        ended.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        ended.visibleProperty().bind(vm.sourceStateProperty().isEqualTo(MainViewModel.SourceState.ENDED)
                .and(vm.faultProperty().isNull()));
        StackPane.setAlignment(ended, Pos.BOTTOM_CENTER);
        StackPane.setMargin(ended, new Insets(0, 0, 14, 0));

        // Per frame, a drawn Z is left out of the text: said over the picture, where the signer and the room look, in
        // both layouts (a teacher demonstrating Z in per-frame mode would otherwise see nothing happen), and one click
        // or F2 away from the mode that writes it. At the bottom edge, over the arm rather than the hand; in the place
        // of "Show your hand" for the few seconds it stays after the hand has gone.
        Button missedZ = new Button("", new FontIcon(MaterialDesignG.GESTURE));
        missedZ.setId("missed-motion-letter");
        missedZ.getStyleClass().addAll("video-badge", "motion-hint");
        missedZ.textProperty().bind(Bindings.createStringBinding(() -> {
            LetterClass letter = vm.missedMotionLetterProperty().get();
            if (letter == null) {
                return "";
            }
            // Cut short ("Sequence mode write…") it would lose the way out; a narrow picture gets the short form.
            return videoPane.getWidth() < MISSED_LETTER_FULL_TEXT_WIDTH ? "Drew a " + letter.label() + "? Sequence · F2"
                    : "Drew a " + letter.label() + "? Sequence mode writes it · F2";
        }, vm.missedMotionLetterProperty(), videoPane.widthProperty()));
        missedZ.setTooltip(tip("Per-frame mode reads one frame at a time, and a Z is a path drawn in the air: it never"
                + " writes one. Sequence mode reads the last second of movement. Click to switch (F2)."));
        // Read whole by a screen reader, whichever form the picture's width shows.
        missedZ.setAccessibleText("A Z was drawn, and per-frame mode does not write it: switch to sequence mode (F2)");
        missedZ.setOnAction(e -> vm.setMode(RecognitionMode.SEQUENCE));
        missedZ.setFocusTraversable(false);
        // Still there when a video ends on its Z (QUIZ), above the end bar: the class sees why the Z is missing.
        missedZ.visibleProperty().bind(vm.missedMotionLetterProperty().isNotNull()
                .and(vm.sourceStateProperty().isEqualTo(MainViewModel.SourceState.PLAYING).or(ended.visibleProperty())));
        StackPane.setAlignment(missedZ, Pos.BOTTOM_CENTER);
        StackPane.setMargin(missedZ, new Insets(0, 0, 14, 0));
        Runnable clearOfTheEndBar = () -> {
            StackPane.setMargin(missedZ, new Insets(0, 0, ended.isVisible() ? 14 + ended.getHeight() + 8 : 14, 0));
            StackPane.setMargin(pictureProblem, new Insets(0, 16, ended.isVisible() ? 14 + ended.getHeight() + 8 : 18, 16));
        };
        ended.visibleProperty().addListener((obs, was, shown) -> clearOfTheEndBar.run());
        ended.heightProperty().addListener((obs, was, h) -> clearOfTheEndBar.run());
        // Not over a picture that stopped coming: that is not the hand's fault (the stalled notice says what is).
        noHand.visibleProperty().bind(vm.handVisibleProperty().not().and(missedZ.visibleProperty().not())
                .and(vm.sourceStateProperty().isEqualTo(MainViewModel.SourceState.PLAYING))
                .and(vm.pictureStalledProperty().isNull()).and(vm.pictureProblemProperty().isNull()));

        video.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> "Picture from " + shortName(vm.sourceDescriptionProperty().get()), vm.sourceDescriptionProperty()));
        videoPane.getChildren().addAll(video, noHand, pictureProblem, modeBadge, missedZ, pausedBadge, stalled, ended,
                openingPanel, faultPanel);

        vm.frameResultProperty().addListener((obs, old, r) -> {
            if (r == null) {
                video.clear();
            } else {
                video.show(vm.frameImageProperty().get(), r);
            }
        });
        video.setMirrored(vm.mirroredProperty().get());
        vm.mirroredProperty().addListener((obs, old, m) -> video.setMirrored(m));
        vm.faultProperty().addListener((obs, old, f) -> updateVideoState());
        vm.sourceStateProperty().addListener((obs, old, s) -> updateVideoState());
        vm.sourceDescriptionProperty().addListener((obs, old, s) -> updateVideoState());
        updateVideoState();
    }

    private void updateVideoState() {
        var f = vm.faultProperty().get();
        var state = vm.sourceStateProperty().get();
        faultPanel.setVisible(f != null);
        if (f != null) {
            faultPanel.show(f);
            video.clear();
            if (root.getScene() != null && !textArea.isFocused()) {
                faultPanel.firstButton().requestFocus();
            }
        }
        boolean opening = f == null && (state == MainViewModel.SourceState.STARTING || state == MainViewModel.SourceState.OPENING);
        openingPanel.setVisible(opening);
        openingLabel.setText(state == MainViewModel.SourceState.STARTING ? "Loading the hand and letter models…"
                : "Opening " + shortName(vm.sourceDescriptionProperty().get()) + "…");
    }

    // ------------------------------------------------------------------ main layout

    private Region buildMainLayout() {
        BorderPane layout = new BorderPane();
        layout.getStyleClass().add("main-layout");
        layout.setTop(buildToolbar());

        mainVideoHolder.getChildren().add(videoPane);
        mainVideoHolder.getStyleClass().add("video-card");
        HBox.setHgrow(mainVideoHolder, Priority.ALWAYS);
        VBox sidebar = buildSidebar();
        HBox center = new HBox(16, mainVideoHolder, sidebar);
        center.setPadding(new Insets(16, 16, 0, 16));
        VBox.setVgrow(center, Priority.ALWAYS);

        VBox body = new VBox(16, center, buildTextCard());
        body.setPadding(new Insets(0, 0, 16, 0));
        // Fitted to the window while it is big enough; below the body's minimum it scrolls instead of
        // cutting off the letter or the text (a 1024×600 screen, a window dragged small).
        ScrollPane scroller = new ScrollPane(body);
        scroller.setId("body-scroller");
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.getStyleClass().add("body-scroller");
        layout.setCenter(scroller);
        layout.setBottom(buildStatusBar());
        return layout;
    }

    /**
     * Fits the window to small screens: a laptop's 1366×768 less its task bar and title bar leaves about 690
     * pixels, where the full layout needs about 750. Below {@link #COMPACT_HEIGHT} the letter ring shrinks and
     * the sidebar tightens (and presenter view's text is set smaller, app.css), and below
     * {@link #SHORTEST_WITH_TOP3} the top-3 card goes; presenter view's ring takes the height left to it
     * ({@link #fitPresenterRing}). Below {@link #NARROW_WIDTH} the toolbar drops its section captions (each
     * group keeps its tooltips); below {@link #NARROWEST_WIDTH} the app's name beside its icon and the status
     * bar's model name go; below {@link #TIGHTEST_WIDTH} (a 1920×1080 screen at 200 %, 960 wide; 1366×768 at
     * 150 %, 910) the toolbar's buttons close up and the text's show only their icons; below {@link #NO_BRAND_WIDTH}
     * the brand goes.
     */
    private void fitToWindow(double width, double height) {
        boolean compact = height < COMPACT_HEIGHT;
        letterScale.setX(compact ? COMPACT_LETTER_SCALE : 1);
        letterScale.setY(compact ? COMPACT_LETTER_SCALE : 1);
        letterCard.setSpacing(compact ? 6 : 14);
        root.pseudoClassStateChanged(COMPACT, compact);
        // Shorter still, the runners-up give way so the letter and the text both stay in view.
        boolean veryShort = height < SHORTEST_WITH_TOP3;
        top3Card.setVisible(!veryShort);
        top3Card.setManaged(!veryShort);
        boolean narrow = width < NARROW_WIDTH;
        for (Label caption : toolbarCaptions) {
            caption.setVisible(!narrow);
            caption.setManaged(!narrow);
        }
        boolean narrowest = width < NARROWEST_WIDTH;
        brand.setContentDisplay(narrowest ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        sourceMenu.setContentDisplay(narrowest ? ContentDisplay.TEXT_ONLY : ContentDisplay.LEFT);
        for (Node item : statusWideOnly) {
            item.setVisible(!narrowest);
            item.setManaged(!narrowest);
        }
        statusKeys.setText(narrowest ? "F1" : KEYS_HINT);
        // The toolbar is the widest thing that cannot scroll: wider than the window, the root centres it and
        // cuts off both its ends, with the body's and the status bar's.
        boolean tightest = width < TIGHTEST_WIDTH;
        toolbar.setSpacing(tightest ? TOOLBAR_SPACING_TIGHT : TOOLBAR_SPACING);
        toolbarGaps.forEach((gap, wide) -> gap.setMinWidth(tightest ? TOOLBAR_SPACING_TIGHT : wide));
        // Cut to "Pause writ…" or "Sp…" the words say less than the icons; each keeps its tooltip and its name for a
        // screen reader.
        for (ButtonBase b : textButtons) {
            b.setContentDisplay(tightest ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        }
        // The window's title says the app's name.
        boolean noBrand = width < NO_BRAND_WIDTH;
        brand.setVisible(!noBrand);
        brand.setManaged(!noBrand);
    }

    private Node buildToolbar() {
        brand.setId("brand");
        brand.setText("SignSpell");
        brand.setGraphic(AppIcon.node(26));
        brand.getStyleClass().add("brand");
        brand.setGraphicTextGap(10);
        brand.setMinWidth(Region.USE_PREF_SIZE);

        MenuButton source = sourceMenu;
        source.setId("source-menu");
        // The kind of source by its icon, so the name alone is written: "JUMP.mp4", not "video JUMP.mp4".
        FontIcon sourceIcon = new FontIcon(MaterialDesignC.CAMERA);
        source.setGraphic(sourceIcon);
        vm.sourceSpecProperty().addListener((obs, old, spec) -> sourceIcon.setIconCode(sourceIcon(spec)));
        source.textProperty().bind(Bindings.createStringBinding(
                () -> sourceMenuName(vm.sourceDescriptionProperty().get()), vm.sourceDescriptionProperty()));
        source.setMaxWidth(240);
        source.setMinWidth(120);
        Tooltip sourceTip = new Tooltip();
        // The whole name, which a narrow window cuts short on the button.
        sourceTip.textProperty().bind(Bindings.createStringBinding(() -> {
            String d = vm.sourceDescriptionProperty().get();
            String choose = "Choose a camera, a video file or a folder of frames";
            return d == null || d.isBlank() ? choose : shortName(d) + "\n" + choose;
        }, vm.sourceDescriptionProperty()));
        source.setTooltip(sourceTip);
        // A MenuButton's skin gives assistive technology no name from its text (JavaFX 21): said here, with the
        // kind of source its icon shows.
        source.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> "Source: " + shortName(vm.sourceDescriptionProperty().get()), vm.sourceDescriptionProperty()));
        source.setOnShowing(e -> fillSourceMenu(source));
        fillSourceMenu(source);
        vm.camerasProperty().addListener((obs, old, c) -> fillSourceMenu(source));

        ToggleButton perFrame = pill("Per frame", null, "mode-frame", Styles.LEFT_PILL);
        ToggleButton sequence = pill("Sequence", null, "mode-sequence", Styles.RIGHT_PILL);
        perFrame.setOnAction(e -> {
            vm.setMode(RecognitionMode.FRAME);
            syncMode(perFrame, sequence);
        });
        sequence.setOnAction(e -> {
            vm.setMode(RecognitionMode.SEQUENCE);
            syncMode(perFrame, sequence);
        });
        perFrame.setTooltip(tip("Each frame on its own: quick, but blind to motion, so it never writes Z (F2 switches)"));
        sequence.setTooltip(tip("The last second of motion together, at any camera frame rate: reads J and Z"
                + " from their motion; draw the Z across the view, not toward the camera (F2 switches)"));
        vm.modeProperty().addListener((obs, old, m) -> syncMode(perFrame, sequence));
        syncMode(perFrame, sequence);

        ToggleButton right = pill("Right", null, "hand-right", Styles.LEFT_PILL);
        ToggleButton left = pill("Left", null, "hand-left", Styles.CENTER_PILL);
        ToggleButton detect = pill("Detect", null, "hand-detect", Styles.RIGHT_PILL);
        Runnable syncHand = () -> {
            SigningHand h = vm.signingHandProperty().get();
            right.setSelected(h == SigningHand.RIGHT);
            left.setSelected(h == SigningHand.LEFT);
            detect.setSelected(h == SigningHand.AUTO);
        };
        right.setOnAction(e -> {
            vm.setSigningHand(SigningHand.RIGHT);
            syncHand.run();
        });
        left.setOnAction(e -> {
            vm.setSigningHand(SigningHand.LEFT);
            syncHand.run();
        });
        detect.setOnAction(e -> {
            vm.setSigningHand(SigningHand.AUTO);
            syncHand.run();
        });
        right.setTooltip(tip("You sign with your right hand: with two hands in view, it is the one read"
                + " (Ctrl+H cycles)"));
        left.setTooltip(tip("You sign with your left hand: with two hands in view, it is the one read"
                + " (Ctrl+H cycles)"));
        detect.setTooltip(tip("Trust the tracker's guess of which hand signs (less reliable; Ctrl+H cycles)"));
        vm.signingHandProperty().addListener((obs, old, h) -> syncHand.run());
        syncHand.run();

        ToggleButton cpu = pill("CPU", null, "provider-cpu", Styles.LEFT_PILL);
        ToggleButton gpu = pill("GPU", null, "provider-gpu", Styles.RIGHT_PILL);
        cpu.setTooltip(tip("Run the letter model on the CPU: always there, and quick for a model this small"
                + " (Ctrl+G switches)"));
        Runnable syncProvider = () -> {
            cpu.setSelected(vm.requestedProviderProperty().get() == ExecutionProvider.CPU);
            gpu.setSelected(vm.requestedProviderProperty().get() == ExecutionProvider.CUDA);
            String reason = vm.gpuUnavailableReasonProperty().get();
            gpu.setDisable(reason != null);
        };
        cpu.setOnAction(e -> {
            vm.requestProvider(ExecutionProvider.CPU);
            syncProvider.run();
        });
        gpu.setOnAction(e -> {
            vm.requestProvider(ExecutionProvider.CUDA);
            syncProvider.run();
        });
        // A disabled control shows no tooltip, so the explanation sits on a wrapper around it.
        StackPane gpuWrapper = new StackPane(gpu);
        gpuWrapper.setId("provider-gpu-wrapper");
        Tooltip gpuTip = tip("", 360);
        gpuTip.textProperty().bind(Bindings.createStringBinding(() -> {
            String reason = vm.gpuUnavailableReasonProperty().get();
            return reason == null ? "Run the letter model on an NVIDIA GPU (CUDA). It reads the same letters;"
                    + " for a model this small the CPU is usually quicker" : "GPU unavailable: " + reason;
        }, vm.gpuUnavailableReasonProperty()));
        Tooltip.install(gpuWrapper, gpuTip);
        // The wrapper's tooltip is not the button's: a screen reader (and a keyboard user, who cannot hover) would
        // hear no reason the GPU is unavailable.
        gpu.accessibleHelpProperty().bind(gpuTip.textProperty());
        vm.requestedProviderProperty().addListener((obs, old, p) -> syncProvider.run());
        vm.gpuUnavailableReasonProperty().addListener((obs, old, r) -> syncProvider.run());
        syncProvider.run();

        ToggleButton mirror = new ToggleButton(null, new FontIcon(MaterialDesignF.FLIP_HORIZONTAL));
        mirror.setId("mirror");
        mirror.getStyleClass().addAll(Styles.BUTTON_ICON);
        String mirrorTip = "Mirror the video like a selfie (F3); kept apart for cameras (mirrored at first) and for"
                + " files (shown as recorded at first)";
        mirror.setTooltip(tip(mirrorTip));
        mirror.setAccessibleText("Mirror the video like a selfie (F3)");
        mirror.setSelected(vm.mirroredProperty().get());
        mirror.setOnAction(e -> {
            vm.toggleMirror();
            mirror.setSelected(vm.mirroredProperty().get());
        });
        vm.mirroredProperty().addListener((obs, old, m) -> mirror.setSelected(m));

        Button theme = iconButton(MaterialDesignT.THEME_LIGHT_DARK, "Light or dark theme (F4)", vm::toggleTheme);
        theme.setId("theme");
        Button presenter = iconButton(MaterialDesignP.PRESENTATION, "Presenter view: letter and text huge, full screen (F5)", vm::togglePresenter);
        presenter.setId("presenter");
        Button settings = iconButton(MaterialDesignT.TUNE, "Recognition settings (Ctrl+,)", this::toggleSettingsSheet);
        settings.setId("settings");
        Button help = iconButton(MaterialDesignK.KEYBOARD, "Keyboard shortcuts (F1)", this::toggleShortcutSheet);
        help.setId("help");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label modeCaption = caption("Mode");
        Label handCaption = caption("Hand");
        Label runOnCaption = caption("Run on");
        toolbarCaptions.addAll(List.of(modeCaption, handCaption, runOnCaption));
        HBox bar = toolbar;
        bar.getChildren().addAll(
                brand, toolbarGap(14), source, toolbarGap(6),
                modeCaption, group(perFrame, sequence), toolbarGap(6),
                handCaption, group(right, left, detect), toolbarGap(6),
                runOnCaption, group(cpu, gpuWrapper),
                spacer, mirror, theme, presenter, settings, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-toolbar");
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private void syncMode(ToggleButton perFrame, ToggleButton sequence) {
        perFrame.setSelected(vm.modeProperty().get() == RecognitionMode.FRAME);
        sequence.setSelected(vm.modeProperty().get() == RecognitionMode.SEQUENCE);
    }

    private void fillSourceMenu(MenuButton menu) {
        List<MenuItem> items = new ArrayList<>();
        for (CameraInfo camera : vm.camerasProperty().get()) {
            MenuItem item = new MenuItem(camera.name() + "  (" + camera.device() + ")", new FontIcon(MaterialDesignC.CAMERA));
            item.setOnAction(e -> vm.openCamera(camera));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No camera found", new FontIcon(MaterialDesignC.CAMERA_OFF));
            none.setDisable(true);
            items.add(none);
        }
        MenuItem rescan = new MenuItem("Look for cameras again", new FontIcon(MaterialDesignC.CAMERA_PLUS_OUTLINE));
        rescan.setOnAction(e -> vm.useCamera());
        items.add(rescan);
        items.add(new SeparatorMenuItem());
        MenuItem file = new MenuItem("Open video file…", new FontIcon(MaterialDesignF.FILE_VIDEO));
        file.setOnAction(e -> chooseVideoFile());
        MenuItem folder = new MenuItem("Open frame folder…", new FontIcon(MaterialDesignF.FOLDER_IMAGE));
        folder.setOnAction(e -> chooseFrameFolder());
        items.add(file);
        items.add(folder);
        String recent = vm.recentFileProperty().get();
        if (recent != null) {
            MenuItem again = new MenuItem("Open again: " + shortName(recent), new FontIcon(MaterialDesignH.HISTORY));
            again.setOnAction(e -> vm.openSource(recent));
            items.add(new SeparatorMenuItem());
            items.add(again);
        }
        menu.getItems().setAll(items);
    }

    private VBox buildSidebar() {
        LetterDisplay letter = new LetterDisplay(190, vm.predictionProperty(), vm.holdProperty());
        vm.lastCommitProperty().addListener((obs, old, c) -> flashIfALetter(letter, c));
        letter.setId("letter-display");
        Label letterTitle = caption("Letter");

        ProgressBar confidence = new ProgressBar(0);
        confidence.setId("confidence-bar");
        confidence.setMaxWidth(Double.MAX_VALUE);
        confidence.getStyleClass().add("confidence-bar");
        confidence.setAccessibleText("Confidence");
        HBox.setHgrow(confidence, Priority.ALWAYS);
        Label confidenceText = new Label("–");
        confidenceText.setId("confidence-text");
        confidenceText.getStyleClass().add("confidence-text");
        confidenceText.setMinWidth(48);
        HBox confidenceRow = new HBox(10, confidence, confidenceText);
        confidenceRow.setAlignment(Pos.CENTER_LEFT);

        Label holdCaption = new Label();
        holdCaption.getStyleClass().addAll(Styles.TEXT_MUTED, "hold-caption");
        holdCaption.setId("hold-caption");

        GridPane top3 = new GridPane();
        top3.setId("top3");
        top3.setHgap(10);
        top3.setVgap(8);
        // Wide enough for the longest class name shown, "space" ("sp…" at 56).
        ColumnConstraints c0 = new ColumnConstraints(66);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        ColumnConstraints c2 = new ColumnConstraints(44);
        top3.getColumnConstraints().addAll(c0, c1, c2);
        Label[] names = new Label[3];
        ProgressBar[] bars = new ProgressBar[3];
        Label[] values = new Label[3];
        for (int i = 0; i < 3; i++) {
            names[i] = new Label("–");
            names[i].getStyleClass().add("top3-letter");
            bars[i] = new ProgressBar(0);
            bars[i].setMaxWidth(Double.MAX_VALUE);
            bars[i].getStyleClass().addAll(Styles.SMALL, "top3-bar");
            bars[i].accessibleTextProperty().bind(Bindings.concat("Top 3, ", names[i].textProperty()));
            values[i] = new Label("");
            values[i].getStyleClass().addAll(Styles.TEXT_MUTED, "top3-value");
            top3.addRow(i, names[i], bars[i], values[i]);
        }

        Runnable update = () -> {
            Prediction p = vm.predictionProperty().get();
            HoldProgress hold = LetterDisplay.holdOn(p, vm.holdProperty().get());
            confidence.setProgress(p == null ? 0 : p.confidence());
            confidenceText.setText(p == null ? "–" : percent(p.confidence()));
            if (vm.writingPausedProperty().get()) {
                holdCaption.setText("Writing paused · F6 resumes");
            } else if (p == null && (vm.sourceStateProperty().get() != MainViewModel.SourceState.PLAYING
                    || vm.pictureStalledProperty().get() != null || vm.pictureProblemProperty().get() != null)) {
                // No picture is coming in (opening, failed, ended, stalled), or none hands can be read in:
                // "no hand in view" would blame the hand.
                holdCaption.setText("–");
            } else if (p == null) {
                holdCaption.setText(vm.handVisibleProperty().get() ? "Reading…" : "No hand in view");
            } else {
                holdCaption.setText(hold.fraction() > 0
                        ? "Hold to write " + LetterDisplay.display(hold.held()) + (hold.repeat() ? " again" : "")
                                + " · " + percent(hold.fraction())
                        : "Confidence");
            }
            for (int i = 0; i < 3; i++) {
                if (p != null && i < p.top3().size()) {
                    Prediction.Scored s = p.top3().get(i);
                    names[i].setText(LetterDisplay.display(s.letter()));
                    bars[i].setProgress(s.probability());
                    values[i].setText(percent(s.probability()));
                } else {
                    names[i].setText("–");
                    bars[i].setProgress(0);
                    values[i].setText("");
                }
            }
        };
        vm.predictionProperty().addListener((obs, old, p) -> update.run());
        vm.holdProperty().addListener((obs, old, h) -> update.run());
        vm.handVisibleProperty().addListener((obs, old, h) -> update.run());
        vm.pictureStalledProperty().addListener((obs, old, h) -> update.run());
        vm.pictureProblemProperty().addListener((obs, old, h) -> update.run());
        vm.writingPausedProperty().addListener((obs, old, h) -> update.run());
        vm.sourceStateProperty().addListener((obs, old, h) -> update.run());
        update.run();

        // A Group's bounds follow its children's transforms, so the scaled ring takes less room in the layout.
        letter.getTransforms().add(letterScale);
        letterCard.getChildren().addAll(letterTitle, centered(new Group(letter)), confidenceRow, holdCaption);
        letterCard.setSpacing(14);
        letterCard.getStyleClass().add("card");
        top3Card.getChildren().addAll(caption("Top 3"), top3);
        top3Card.setSpacing(12);
        top3Card.getStyleClass().add("card");
        VBox sidebar = new VBox(16, letterCard, top3Card);
        sidebar.setPrefWidth(300);
        sidebar.setMinWidth(280);
        return sidebar;
    }

    private Node buildTextCard() {
        textArea.setId("text-area");
        textArea.getStyleClass().add("spelled-text");
        textArea.setWrapText(true);
        textArea.setPrefRowCount(2);
        textArea.setPromptText("Letters you spell appear here. You can also type.");
        textArea.setText(vm.text().getText());
        textArea.positionCaret(textArea.getLength());
        vm.text().textProperty().addListener((obs, old, t) -> {
            if (!t.equals(textArea.getText())) {
                // A letter written (or the text changed otherwise) keeps the user's caret and selection where
                // they were; a caret at the end stays at the end, after the new letter.
                String shown = textArea.getText();
                int caret = textArea.getCaretPosition();
                int anchor = textArea.getAnchor();
                boolean atEnd = caret >= shown.length() && anchor >= shown.length();
                textArea.setText(t);
                if (atEnd) {
                    textArea.positionCaret(t.length());
                } else {
                    // A selection's start passes over text put in right before it; a bare caret stays before.
                    TextChange change = TextChange.between(shown, t);
                    textArea.selectRange(change.map(anchor, anchor < caret), change.map(caret, caret < anchor));
                }
            }
        });
        // Tab leaves the text for the next control, as in a form: a tab character has no place in fingerspelled
        // text, and the box would otherwise keep the keyboard for good. Ctrl+Tab is the text box's own way out;
        // the re-fired key passes the scene's shortcut filter again, so Ctrl+Tab must never become a shortcut.
        textArea.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                textArea.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, false, false));
            }
        });
        TextBoxEditing.attach(textArea, vm.text());

        Button space = textButton("Space", MaterialDesignK.KEYBOARD_SPACE, "Add a space (Ctrl+Shift+Space)", vm.text()::space);
        space.setId("space");
        ToggleButton pause = new ToggleButton("Pause writing", new FontIcon(MaterialDesignP.PAUSE));
        pause.setId("pause-writing");
        pause.setTooltip(tip("Letters are still read and shown, but none is written (F6)"));
        pause.setSelected(vm.writingPausedProperty().get());
        pause.setOnAction(e -> vm.setWritingPaused(pause.isSelected()));
        vm.writingPausedProperty().addListener((obs, was, paused) -> {
            pause.setSelected(paused);
            pause.setText(paused ? "Resume writing" : "Pause writing");
            pause.setGraphic(new FontIcon(paused ? MaterialDesignP.PLAY : MaterialDesignP.PAUSE));
        });
        Button copy = textButton("Copy", MaterialDesignC.CONTENT_COPY, "Copy all text (Ctrl+Shift+C)", this::copyText);
        copy.setId("copy");
        Button backspace = textButton("Backspace", MaterialDesignB.BACKSPACE_OUTLINE, "Delete the last character (Ctrl+Shift+Backspace)", vm.text()::backspace);
        backspace.setId("backspace");
        Button undo = textButton("Undo", MaterialDesignU.UNDO, "Undo (Ctrl+Z)", vm.text()::undo);
        undo.setId("undo");
        undo.disableProperty().bind(vm.text().canUndoProperty().not());
        Button clear = textButton("Clear", MaterialDesignD.DELETE_SWEEP_OUTLINE, "Clear the text; undo brings it back (Ctrl+L)", vm.text()::clear);
        clear.setId("clear");
        clear.getStyleClass().add(Styles.DANGER);
        // As Undo with nothing to undo: with no text these have nothing to act on (their keys still say so).
        var noText = vm.text().textProperty().isEmpty();
        for (Button b : List.of(copy, backspace, clear)) {
            b.disableProperty().bind(noText);
        }
        // A click on these leaves the keyboard in the text: otherwise the next letter typed was lost, or a
        // space bar pressed after Backspace deleted another character. Tab still reaches them.
        for (ButtonBase b : List.of(space, pause, copy, backspace, undo, clear)) {
            b.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> textArea.requestFocus());
            textButtons.add(b);
        }

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label saved = new Label();
        saved.setId("text-saved");
        saved.getStyleClass().add(Styles.TEXT_SMALL);
        Tooltip savedTip = tip("");
        saved.setTooltip(savedTip);
        Runnable showSaved = () -> {
            MainViewModel.TextSaveProblem problem = vm.textSaveProblemProperty().get();
            saved.setText(problem == null ? "Saved automatically" : problem.title());
            saved.setGraphic(new FontIcon(problem == null ? MaterialDesignC.CHECK_CIRCLE_OUTLINE : MaterialDesignA.ALERT));
            saved.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
            saved.getStyleClass().add(problem == null ? Styles.TEXT_MUTED : Styles.DANGER);
            savedTip.setText(problem == null
                    ? "Every change is written to disk at once and comes back at the next start" : problem.detail());
        };
        vm.textSaveProblemProperty().addListener((obs, old, p) -> showSaved.run());
        showSaved.run();
        HBox header = new HBox(8, caption("Text"), saved, spacer, pause, space, copy, backspace, undo, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, header, textArea);
        card.getStyleClass().addAll("card", "text-card");
        VBox.setMargin(card, new Insets(0, 16, 0, 16));
        return card;
    }

    private Node buildStatusBar() {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("status-dot");
        Runnable dotState = () -> {
            var s = vm.sourceStateProperty().get();
            dot.pseudoClassStateChanged(ACTIVE, s == MainViewModel.SourceState.PLAYING);
            dot.pseudoClassStateChanged(PseudoClass.getPseudoClass("failed"), s == MainViewModel.SourceState.FAILED);
        };
        vm.sourceStateProperty().addListener((obs, old, s) -> dotState.run());
        dotState.run();
        Label source = new Label();
        source.setId("status-source");
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.sourceStateProperty().get();
            String d = shortName(vm.sourceDescriptionProperty().get());
            return switch (s) {
                case STARTING -> "Starting";
                case OPENING -> "Opening " + d;
                case PLAYING -> d;
                case ENDED -> d + " · ended";
                case FAILED -> vm.faultProperty().get() == null ? "Stopped" : vm.faultProperty().get().title();
            };
        }, vm.sourceStateProperty(), vm.sourceDescriptionProperty(), vm.faultProperty()));
        source.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        source.setMaxWidth(360);

        // No rate and no time per frame before the first frame, nor once a video has ended: nothing comes any more.
        BooleanBinding noFrames = vm.frameResultProperty().isNull()
                .or(vm.sourceStateProperty().isEqualTo(MainViewModel.SourceState.ENDED));
        Label fps = statusValue("status-fps", Bindings.createStringBinding(
                () -> noFrames.get() ? "– fps" : String.format(Locale.ROOT, "%.1f fps", vm.framesPerSecondProperty().get()),
                vm.framesPerSecondProperty(), noFrames));
        Label latency = statusValue("status-latency", Bindings.createStringBinding(
                () -> noFrames.get() ? "– ms per frame"
                        : String.format(Locale.ROOT, "%.1f ms per frame", vm.latencyMillisProperty().get()),
                vm.latencyMillisProperty(), noFrames));
        Label provider = statusValue("status-provider", Bindings.createStringBinding(() -> {
            String s = "Letter model on " + vm.activeProviderProperty().get().displayName();
            return vm.gpuUnavailableReasonProperty().get() != null ? s + " (GPU unavailable)" : s;
        }, vm.activeProviderProperty(), vm.gpuUnavailableReasonProperty()));
        provider.setGraphic(new FontIcon(MaterialDesignC.CHIP));
        Tooltip providerTip = tip("", 360);
        providerTip.textProperty().bind(Bindings.createStringBinding(() -> {
            String note = vm.providerNoteProperty().get();
            return note == null || note.isBlank() ? "The execution provider running the letter model" : note;
        }, vm.providerNoteProperty()));
        provider.setTooltip(providerTip);
        Label model = statusValue("status-model", Bindings.createStringBinding(() -> {
            String m = vm.modelDescriptionProperty().get();
            return m == null || m.isBlank() ? "No model loaded" : m;
        }, vm.modelDescriptionProperty()));
        model.setGraphic(new FontIcon(MaterialDesignB.BRAIN));
        model.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        model.setMaxWidth(360);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        statusKeys.setText(KEYS_HINT);
        statusKeys.setMinWidth(Region.USE_PREF_SIZE);
        statusKeys.setGraphic(new FontIcon(MaterialDesignK.KEYBOARD_OUTLINE));
        statusKeys.getStyleClass().add("status-item");
        Separator modelSeparator = vsep();
        // The model's file name is the first thing to go in a narrow window: the provider beside it says most.
        statusWideOnly.addAll(List.of(modelSeparator, model));
        HBox bar = new HBox(14, dot, source, vsep(), fps, vsep(), latency, vsep(), provider, modelSeparator, model,
                spacer, statusKeys);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(6, 16, 6, 16));
        return bar;
    }

    // ------------------------------------------------------------------ presenter

    private void buildPresenterLayout() {
        presenterLayout.getStyleClass().add("presenter");
        presenterLayout.setId("presenter-layout");
        LetterDisplay letter = new LetterDisplay(PRESENTER_RING, vm.predictionProperty(), vm.holdProperty());
        vm.lastCommitProperty().addListener((obs, old, c) -> flashIfALetter(letter, c));
        letter.setId("presenter-letter");
        presenterStage.setAlignment(Pos.CENTER);
        presenterStage.setPadding(new Insets(40, 56, 16, 56));
        Label confidence = new Label();
        confidence.getStyleClass().add("presenter-confidence");
        // As wide as the ring: at 1024 px "hold to write again" was cut to "hold to write a…". A second line is
        // made room for (fitPresenterRing follows the caption's height).
        confidence.setWrapText(true);
        confidence.setTextAlignment(TextAlignment.CENTER);
        confidence.setAlignment(Pos.CENTER);
        confidence.textProperty().bind(Bindings.createStringBinding(() -> {
            Prediction p = vm.predictionProperty().get();
            MainViewModel.SourceState state = vm.sourceStateProperty().get();
            // "Show your hand" only where showing it would help: not over a fault, nor after the video's end.
            if (vm.faultProperty().get() != null) {
                return " ";
            }
            if (state == MainViewModel.SourceState.ENDED) {
                return "Played to the end";
            }
            if (state == MainViewModel.SourceState.STARTING || state == MainViewModel.SourceState.OPENING) {
                return "Getting ready…";
            }
            PictureCheck.Problem pictures = vm.pictureProblemProperty().get();
            if (p == null && pictures != null) {
                // Not "Show your hand" with a hand in view: the reason none is read, big enough for the room.
                return pictures.brief();
            }
            if (p == null) {
                return "Show your hand";
            }
            return PresenterText.confidenceCaption(p.confidence(), LetterDisplay.holdOn(p, vm.holdProperty().get()));
        }, vm.predictionProperty(), vm.holdProperty(), vm.sourceStateProperty(), vm.faultProperty(),
                vm.pictureProblemProperty()));
        letter.getTransforms().add(presenterLetterScale);
        VBox letterColumn = new VBox(PRESENTER_COLUMN_SPACING, new Group(letter), confidence);
        letterColumn.setAlignment(Pos.CENTER);
        presenterStage.getChildren().add(letterColumn);

        // The text and a cursor after its last letter, where the next one goes (inline: a cursor beside a
        // wrapped label sat at the row's far edge).
        Text text = new Text();
        text.setId("presenter-text");
        text.getStyleClass().add("presenter-text");
        presenterCursor.getStyleClass().add("presenter-cursor");
        presenterTextFlow.getChildren().setAll(text, presenterCursor);
        TextFlow textFlow = presenterTextFlow;
        StackPane textRow = presenterTextRow;
        textRow.getChildren().setAll(textFlow);
        textRow.setAlignment(Pos.BOTTOM_LEFT);
        textRow.getStyleClass().add("presenter-text-row");
        textRow.setPadding(new Insets(24, 56, 40, 56));
        // The room reads the end of what is being spelled: the last two lines that fit the row's width, with
        // room for the cursor on the last.
        Runnable showText = () -> {
            if (!vm.presenterProperty().get()) {
                text.setText(" ");  // not shown: no measuring on every letter and key
                return;
            }
            String t = vm.text().getText();
            double width = textRow.getWidth() - textRow.getInsets().getLeft() - textRow.getInsets().getRight()
                    - presenterCursor.getMinWidth() - CURSOR_GAP;
            // Empty, an unseen letter: the cursor stands in a line of letters, where the first one will go.
            boolean empty = t.isEmpty();
            text.setText(empty ? EMPTY_LINE : PresenterText.lastLines(t, text.getFont(), width, 2));
            text.setOpacity(empty ? 0 : 1);
            // Unseen, and unheard: a screen reader would read the placeholder out (an empty accessible text is
            // ignored, and the node's own text read instead).
            text.setAccessibleText(empty ? " " : null);
            presenterCursor.setTranslateX(empty ? CURSOR_GAP - PresenterText.width(EMPTY_LINE, text.getFont()) : CURSOR_GAP);
            // And exactly one line high: a Text whose string has not changed since the font shrank for a short
            // screen (84 to 64 px) keeps the old font's height, and the row stood a line of 84 px tall, the
            // cursor 22 px above where the letters then came.
            double oneLine = empty ? PresenterText.lineHeight(text.getFont()) : Region.USE_COMPUTED_SIZE;
            presenterTextFlow.setMinHeight(oneLine);
            presenterTextFlow.setPrefHeight(oneLine);
            presenterTextFlow.setMaxHeight(oneLine);
        };
        vm.text().textProperty().addListener((obs, old, t) -> showText.run());
        textRow.widthProperty().addListener((obs, old, w) -> showText.run());
        vm.presenterProperty().addListener((obs, old, on) -> showText.run());
        text.fontProperty().addListener((obs, old, f) -> showText.run());
        showText.run();
        // A cursor as tall as a capital, whatever the font size (smaller on a short screen, app.css).
        text.fontProperty().addListener((obs, old, f) -> sizeCursor(f));
        sizeCursor(text.getFont());

        Label hint = new Label("F5 or Esc to leave · F2 switches mode · F6 pauses writing");
        hint.getStyleClass().add("presenter-hint");
        Label mode = new Label();
        mode.getStyleClass().add("presenter-mode");
        mode.textProperty().bind(Bindings.createStringBinding(() -> vm.modeProperty().get().displayName()
                + (vm.writingPausedProperty().get() ? " · writing paused" : ""), vm.modeProperty(), vm.writingPausedProperty()));
        // Paused, nothing the room sees changes but the text not growing: amber, big enough for the back row.
        mode.pseudoClassStateChanged(PAUSED, vm.writingPausedProperty().get());
        vm.writingPausedProperty().addListener((obs, was, paused) -> mode.pseudoClassStateChanged(PAUSED, paused));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label brand = new Label("SignSpell", AppIcon.node(30));
        brand.getStyleClass().add("presenter-brand");
        brand.setGraphicTextGap(12);
        HBox top = new HBox(16, brand, mode, spacer, hint);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(20, 32, 0, 32));

        presenterLayout.setTop(top);
        presenterLayout.setCenter(presenterStage);
        presenterLayout.setBottom(textRow);
        // The ring takes what height the header, the text and the confidence line leave: on a 1280×720
        // projector a fixed ring pushed the header off the top and the text off the bottom.
        for (Region r : List.of(presenterLayout, top, textRow, confidence)) {
            r.heightProperty().addListener((obs, old, h) -> fitPresenterRing(top, confidence));
        }
    }

    private void fitPresenterRing(Region top, Region confidence) {
        Insets stage = presenterStage.getPadding();
        double free = presenterLayout.getHeight() - top.getHeight() - presenterTextRow.getHeight()
                - stage.getTop() - stage.getBottom() - confidence.getHeight() - PRESENTER_COLUMN_SPACING - 8;
        double scale = Math.max(0.3, Math.min(1, free / PRESENTER_RING));
        presenterLetterScale.setX(scale);
        presenterLetterScale.setY(scale);
    }

    private void sizeCursor(Font font) {
        double height = Math.round(font.getSize() * 0.74);
        presenterCursor.setMinSize(10, height);
        presenterCursor.setMaxSize(10, height);
        presenterCursor.setPrefSize(10, height);
    }

    private void showPresenter(boolean on) {
        closeSheet();
        if (on) {
            // Back from presenter view, the keyboard goes where it was (the text, mostly), not to the first
            // button found: a space typed next would otherwise open the source menu.
            focusBeforePresenter = root.getScene() == null ? null : root.getScene().getFocusOwner();
            ringBeforePresenter = ringShown(focusBeforePresenter);
            mainVideoHolder.getChildren().remove(videoPane);
            videoPane.setPrefSize(640, 480);
            videoPane.setMaxSize(760, 570);
            HBox.setHgrow(videoPane, Priority.SOMETIMES);
            presenterStage.getChildren().add(videoPane);
            root.getChildren().set(0, presenterLayout);
        } else {
            presenterStage.getChildren().remove(videoPane);
            videoPane.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
            videoPane.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            mainVideoHolder.getChildren().add(videoPane);
            root.getChildren().set(0, mainLayout);
            Node back = focusBeforePresenter;
            focusBeforePresenter = null;
            giveFocusBack(back, ringBeforePresenter);
        }
    }

    /**
     * Gives the keyboard back to {@code back} if it can still take it, else (in the main layout) to the text: left
     * to JavaFX, it went to the first control in the window (the source menu, where the next space opened it).
     */
    private void giveFocusBack(Node back, boolean ring) {
        if (canTakeFocus(back)) {
            back.requestFocus();
            if (ring) {
                showRingUntilFocusLeaves(back);
            }
        } else if (root.getScene() != null && root.getChildren().get(0) == mainLayout) {
            textArea.requestFocus();
        }
    }

    private static boolean ringShown(Node node) {
        return node != null && (node.isFocusVisible() || node.getPseudoClassStates().contains(KEYBOARD_FOCUS));
    }

    private static void showRingUntilFocusLeaves(Node node) {
        node.pseudoClassStateChanged(KEYBOARD_FOCUS, true);
        node.focusedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    node.pseudoClassStateChanged(KEYBOARD_FOCUS, false);
                    obs.removeListener(this);
                }
            }
        });
    }

    private boolean canTakeFocus(Node node) {
        if (node == null || node.getScene() != root.getScene() || node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ sheets

    private void toggleShortcutSheet() {
        if (sheetLayer.isVisible() && "shortcuts".equals(sheetLayer.getUserData())) {
            closeSheet();
            return;
        }
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.keyText());
            keys.getStyleClass().add("kbd");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(s.description());
            what.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, keys, what);
        }
        Label title = new Label("Keyboard shortcuts", new FontIcon(MaterialDesignK.KEYBOARD));
        title.getStyleClass().add(Styles.TITLE_3);
        Button close = new Button("Close");
        close.setOnAction(e -> closeSheet());
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        // Twenty rows are taller than a laptop's window: the list scrolls, the title and Close stay in view.
        // Room on the right for the scroll bar, which would otherwise squeeze the longest lines.
        grid.setPadding(new Insets(0, 16, 0, 0));
        ScrollPane rows = new ScrollPane(grid);
        rows.setFitToWidth(true);
        rows.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        rows.getStyleClass().add("body-scroller");
        VBox.setVgrow(rows, Priority.ALWAYS);
        VBox sheet = new VBox(16, title, rows, buttons);
        sheet.setId("shortcut-sheet");
        // Close is the sheet's only stop for Tab, and the list does not take the keyboard: without this, rows below
        // the fold of a small window (1000×560 hid a third) were out of a keyboard user's reach.
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            double hidden = grid.getHeight() - rows.getViewportBounds().getHeight();
            double page = rows.getViewportBounds().getHeight();
            double by = switch (e.getCode()) {
                case UP -> -40;
                case DOWN -> 40;
                case PAGE_UP -> -page;
                case PAGE_DOWN -> page;
                case HOME -> -hidden;
                case END -> hidden;
                default -> 0;
            };
            if (by == 0 || hidden <= 0) {
                return;
            }
            e.consume();
            rows.setVvalue(Math.max(rows.getVmin(), Math.min(rows.getVmax(),
                    rows.getVvalue() + by / hidden * (rows.getVmax() - rows.getVmin()))));
        });
        openSheet("shortcuts", sheet);
        close.requestFocus();
    }

    private void toggleSettingsSheet() {
        if (sheetLayer.isVisible() && "settings".equals(sheetLayer.getUserData())) {
            closeSheet();
            return;
        }
        UiSettings s = vm.settingsProperty().get();
        double[] draft = settingsDraft != null ? settingsDraft : new double[] {s.commitConfidence(), s.holdSeconds()};
        settingsDraft = draft;
        Slider confidence = new Slider(0.4, 0.95, draft[0]);
        confidence.setId("setting-confidence");
        Slider hold = new Slider(0.2, 1.0, draft[1]);
        hold.setId("setting-hold");
        for (Slider sl : List.of(confidence, hold)) {
            sl.setPrefWidth(280);
            sl.setBlockIncrement(0.05);
        }
        // Whole percents and hundredths of a second, as the labels show them (a drag gave 0.573076923…).
        confidence.valueProperty().addListener((obs, old, v) -> confidence.setValue(Math.round(v.doubleValue() * 100) / 100.0));
        hold.valueProperty().addListener((obs, old, v) -> hold.setValue(Math.round(v.doubleValue() * 100) / 100.0));
        confidence.valueProperty().addListener((obs, old, v) -> draft[0] = v.doubleValue());
        hold.valueProperty().addListener((obs, old, v) -> draft[1] = v.doubleValue());
        Label cText = new Label();
        cText.textProperty().bind(Bindings.createStringBinding(() -> percent(confidence.getValue()), confidence.valueProperty()));
        Label hText = new Label();
        hText.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f s", hold.getValue()), hold.valueProperty()));
        Label cLabel = new Label("Write a letter when the model is at least this sure");
        Label hLabel = new Label("…and the letter is held for");
        cLabel.setLabelFor(confidence);
        hLabel.setLabelFor(hold);
        // A slider has no words of its own, and its bare value (0.7) would be read, not the 70% shown beside it.
        confidence.accessibleTextProperty().bind(Bindings.concat(cLabel.textProperty(), ": ", cText.textProperty()));
        hold.accessibleTextProperty().bind(Bindings.concat("Hold a letter this long to write it: ", hText.textProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(14);
        grid.addRow(0, cLabel, confidence, cText);
        grid.addRow(1, hLabel, hold, hText);
        Label note = new Label("Higher and longer: fewer wrong letters, slower spelling. Apply takes effect at once, while"
                + " the video or camera goes on; a letter being held starts its hold again.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        Button reset = new Button(String.format(Locale.ROOT, "Defaults (%s, %.2f s)",
                percent(UiSettings.DEFAULT_CONFIDENCE), UiSettings.DEFAULT_HOLD_SECONDS));
        reset.setId("settings-defaults");
        reset.setOnAction(e -> {
            confidence.setValue(UiSettings.DEFAULT_CONFIDENCE);
            hold.setValue(UiSettings.DEFAULT_HOLD_SECONDS);
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> closeSheet());
        Button apply = new Button("Apply");
        apply.setId("settings-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        apply.setOnAction(e -> {
            closeSheet();
            vm.setThresholds(confidence.getValue(), hold.getValue());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, reset, spacer, cancel, apply);
        Label title = new Label("Recognition settings", new FontIcon(MaterialDesignT.TUNE));
        title.getStyleClass().add(Styles.TITLE_3);
        VBox sheet = new VBox(16, title, grid, note, buttons);
        sheet.setId("settings-sheet");
        openSheet("settings", sheet);
        confidence.requestFocus();
    }

    private void openSheet(String name, VBox content) {
        if (!sheetLayer.isVisible()) {
            focusBeforeSheet = root.getScene() == null ? null : root.getScene().getFocusOwner();
            ringBeforeSheet = ringShown(focusBeforeSheet);
        }
        content.getStyleClass().addAll("card", "sheet");
        content.setMaxWidth(Region.USE_PREF_SIZE);
        // Never taller than the window, with a margin: a sheet cut off at both ends would hide its buttons.
        content.maxHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(content.prefHeight(-1), sheetLayer.getHeight() - SHEET_MARGIN),
                sheetLayer.heightProperty(), content.needsLayoutProperty()));
        content.setPadding(new Insets(24));
        sheetLayer.getChildren().setAll(content);
        sheetLayer.setUserData(name);
        sheetLayer.setVisible(true);
    }

    /** Spaces and deletions are seen in the text; the ring lights up for the letters it shows. */
    private static void flashIfALetter(LetterDisplay letter, CommitEvent c) {
        if (c != null && c.kind() == CommitEvent.Kind.LETTER) {
            letter.flashWritten();
        }
    }

    private void closeSheet() {
        if (settingsDraft != null && "shortcuts".equals(sheetLayer.getUserData())) {
            // F1 from the settings sheet: closing the shortcut sheet goes back to it, edits and all.
            toggleSettingsSheet();
            return;
        }
        // Closed (Apply, Cancel, Esc): its edits are done with.
        settingsDraft = null;
        boolean wasOpen = sheetLayer.isVisible();
        sheetLayer.setVisible(false);
        sheetLayer.getChildren().clear();
        sheetLayer.setUserData(null);
        Node back = focusBeforeSheet;
        focusBeforeSheet = null;
        if (wasOpen) {
            giveFocusBack(back, ringBeforeSheet);
        }
    }

    private void escape() {
        if (sheetLayer.isVisible()) {
            closeSheet();
        } else if (vm.presenterProperty().get()) {
            vm.setPresenter(false);
        }
    }

    // ------------------------------------------------------------------ actions

    /** The key has no greyed-out button to explain itself, so a refusal is said. */
    private void toggleProvider() {
        String reason = vm.gpuUnavailableReasonProperty().get();
        if (reason != null && vm.requestedProviderProperty().get() == ExecutionProvider.CPU) {
            showToast("GPU unavailable: " + reason);
            return;
        }
        vm.toggleProvider();
    }

    private static boolean isFolder(String spec) {
        try {
            return spec != null && Files.isDirectory(Path.of(spec));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The nodes Tab stops at under {@code parent}, in the scene graph's order. */
    private static List<Node> focusStops(Parent parent) {
        List<Node> stops = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible() || child.isDisabled()) {
                continue;
            }
            if (child.isFocusTraversable()) {
                stops.add(child);
            }
            if (child instanceof Parent p) {
                stops.addAll(focusStops(p));
            }
        }
        return stops;
    }

    private void copyText() {
        if (vm.text().getText().isEmpty()) {
            // Copying nothing would wipe what the user has on the clipboard, and "copied" would be untrue.
            showToast("Nothing to copy yet");
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.text().getText());
        Clipboard.getSystemClipboard().setContent(content);
        showToast("Text copied");
    }

    private void chooseVideoFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a video of fingerspelling");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos", "*.mp4", "*.m4v", "*.mov", "*.avi", "*.mkv", "*.webm", "*.MP4", "*.MOV", "*.AVI"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File dir = recentDirectory();
        if (dir != null) {
            chooser.setInitialDirectory(dir);
        }
        File picked = chooser.showOpenDialog(window());
        if (picked != null) {
            vm.openFile(picked.toPath());
        }
    }

    private void chooseFrameFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of frames (JPEG or PNG, played in name order)");
        File dir = recentDirectory();
        if (dir != null) {
            chooser.setInitialDirectory(dir);
        }
        File picked = chooser.showDialog(window());
        if (picked != null) {
            vm.openFile(picked.toPath());
        }
    }

    private File recentDirectory() {
        String recent = vm.recentFileProperty().get();
        if (recent == null) {
            return null;
        }
        try {
            Path p = Path.of(recent).toAbsolutePath().getParent();
            return p != null && Files.isDirectory(p) ? p.toFile() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void flashText() {
        textArea.pseudoClassStateChanged(ACTIVE, true);
        Timeline t = new Timeline(new KeyFrame(Duration.millis(350), e -> textArea.pseudoClassStateChanged(ACTIVE, false)));
        t.play();
    }

    private void showToast(String message) {
        toast.setText(message);
        toast.setVisible(true);
        toast.setOpacity(1);
        toastTimer.stop();
        // Long enough to be read: about 20 characters a second, never under 1.2 s.
        double shownMillis = Math.max(1200, message.length() * 50.0);
        toastTimer.getKeyFrames().setAll(
                new KeyFrame(Duration.millis(shownMillis), new KeyValue(toast.opacityProperty(), 1)),
                new KeyFrame(Duration.millis(shownMillis + 400), e -> toast.setVisible(false),
                        new KeyValue(toast.opacityProperty(), 0)));
        toastTimer.playFromStart();
    }

    // ------------------------------------------------------------------ helpers

    private static final String VIDEO_PREFIX = "video ";
    private static final String FOLDER_PREFIX = "folder ";

    /** The source menu's text: a source's description (see the capture sources) without its kind. */
    static String sourceMenuName(String description) {
        String d = shortName(description);
        if (d.startsWith(VIDEO_PREFIX)) {
            return d.substring(VIDEO_PREFIX.length());
        }
        return d.startsWith(FOLDER_PREFIX) ? d.substring(FOLDER_PREFIX.length()) : d;
    }

    /** From the source asked for, so it is right while the source opens, or if it fails to. */
    private static Ikon sourceIcon(String spec) {
        if (spec == null || spec.isBlank() || FrameSources.isCamera(spec)) {
            return MaterialDesignC.CAMERA;
        }
        return isFolder(spec) ? MaterialDesignF.FOLDER_IMAGE : MaterialDesignF.FILE_VIDEO;
    }

    static String shortName(String spec) {
        if (spec == null || spec.isBlank()) {
            return "No source";
        }
        if (spec.startsWith("/") && !spec.startsWith("/dev/")) {
            try {
                Path p = Path.of(spec).getFileName();
                return p == null ? spec : p.toString();
            } catch (InvalidPathException e) {
                return spec;
            }
        }
        return spec;
    }

    private static String percent(double v) {
        return Math.round(v * 100) + "%";
    }

    /** A word over the video about its pictures, in the words of {@code text}. */
    private Label pictureNotice(String id, javafx.beans.value.ObservableValue<String> text) {
        Label notice = new Label();
        notice.setId(id);
        notice.getStyleClass().addAll("video-hint", "stalled-hint");
        notice.setWrapText(true);
        // Within the video card with room at its sides: a fixed width was cut by a narrow card (1280×720).
        notice.maxWidthProperty().bind(Bindings.min(540, videoPane.widthProperty().subtract(48)));
        notice.setMouseTransparent(true);
        notice.textProperty().bind(text);
        return notice;
    }

    private static Label caption(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Region toolbarGap(double w) {
        Region r = new Region();
        r.setMinWidth(w);
        toolbarGaps.put(r, w);
        return r;
    }

    private static Separator vsep() {
        Separator s = new Separator(javafx.geometry.Orientation.VERTICAL);
        s.getStyleClass().add("status-sep");
        return s;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static StackPane centered(Node n) {
        StackPane p = new StackPane(n);
        p.setPadding(new Insets(4, 0, 4, 0));
        return p;
    }

    private static ToggleButton pill(String text, Ikon ikon, String id, String pillClass) {
        ToggleButton b = new ToggleButton(text, ikon == null ? null : new FontIcon(ikon));
        b.setId(id);
        b.getStyleClass().add(pillClass);
        b.setFocusTraversable(true);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static Button iconButton(Ikon ikon, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(ikon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(tip(tooltip));
        // An icon has no words for a screen reader; the tooltip's are the button's name.
        b.setAccessibleText(tooltip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Button textButton(String text, Ikon ikon, String tooltip, Runnable action) {
        Button b = new Button(text, new FontIcon(ikon));
        b.setTooltip(tip(tooltip));
        b.setOnAction(e -> action.run());
        b.setContentDisplay(ContentDisplay.LEFT);
        return b;
    }

    private static Label statusValue(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        l.textProperty().bind(text);
        // Numbers are never cut to "30.…": in a narrow bar the source's name and the model's give way first.
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A tooltip that wraps: a one-line sentence was wider than a 1024 px screen. */
    private static Tooltip tip(String text) {
        return tip(text, 420);
    }

    private static Tooltip tip(String text, double maxWidth) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(maxWidth);
        return t;
    }
}
