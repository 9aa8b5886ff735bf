package org.signspell.ui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app as the CLI starts it, in a private SignSpell home so the user's own text and
 * settings are never touched, and tears it down after each test.
 */
abstract class AppTestSupport {

    @TempDir
    Path home;

    Stage stage;
    SignSpellApp app;

    @BeforeEach
    void usePrivateHome() throws Exception {
        System.setProperty("signspell.home", home.toString());
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("signspell.home");
    }

    /** Starts (or, after the previous one was cleaned up, restarts) the app with these options. */
    SignSpellApp start(AppOptions options) throws Exception {
        AppLauncher.useOptions(options);
        app = (SignSpellApp) FxToolkit.setupApplication(SignSpellApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }
}
