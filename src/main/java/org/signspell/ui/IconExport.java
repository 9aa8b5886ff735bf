package org.signspell.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * Renders {@link AppIcon} to PNG files for installers and the README:
 * {@code xvfb-run -a java -cp 'target/signspell.jar:target/lib/*' org.signspell.ui.IconExport assets}.
 */
public final class IconExport {
    private IconExport() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets");
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                PngWriter.write(AppIcon.image(256), dir.resolve("icon.png"));
                PngWriter.write(AppIcon.image(64), dir.resolve("icon-64.png"));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get();
            System.out.println("Wrote " + dir.resolve("icon.png") + " and " + dir.resolve("icon-64.png"));
        } finally {
            Platform.exit();
        }
    }
}
