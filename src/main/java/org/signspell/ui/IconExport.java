package org.signspell.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * Renders {@link AppIcon} to the files that show it outside the window: the PNGs for the README and the Linux
 * installer in {@code assets}, and the Windows {@code .ico} and macOS {@code .icns} in {@code jpackage}:
 * {@code xvfb-run -a java -cp 'target/signspell.jar:target/lib/*' org.signspell.ui.IconExport assets jpackage}.
 */
public final class IconExport {
    private IconExport() {
    }

    public static void main(String[] args) throws Exception {
        Path assets = Path.of(args.length > 0 ? args[0] : "assets");
        Path installers = Path.of(args.length > 1 ? args[1] : "jpackage");
        CompletableFuture<Map<Integer, byte[]>> rendered = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                Map<Integer, byte[]> pngBySize = new TreeMap<>();
                for (int size : IconContainers.sizesNeeded()) {
                    pngBySize.put(size, PngWriter.encode(AppIcon.image(size)));
                }
                rendered.complete(pngBySize);
            } catch (Exception e) {
                rendered.completeExceptionally(e);
            }
        });
        try {
            Map<Integer, byte[]> pngBySize = rendered.get();
            Files.createDirectories(assets);
            Files.createDirectories(installers);
            Files.write(assets.resolve("icon.png"), pngBySize.get(256));
            Files.write(assets.resolve("icon-64.png"), pngBySize.get(64));
            Files.write(installers.resolve("signspell.ico"), IconContainers.ico(pngBySize));
            Files.write(installers.resolve("signspell.icns"), IconContainers.icns(pngBySize));
            System.out.println("Wrote icon.png and icon-64.png in " + assets + ", signspell.ico and signspell.icns in "
                    + installers);
        } finally {
            Platform.exit();
        }
    }
}
