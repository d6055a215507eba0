package dev.sockscope.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene to PNG without javafx-swing. FX thread only. */
final class Snapshots {
    private Snapshots() {
    }

    /** A main window in its own stage at 1280×800, in {@code theme}, shown; call on the FX thread. */
    static dev.sockscope.ui.MainWindow showWindow(dev.sockscope.app.AppContext app, dev.sockscope.app.Settings settings,
            String theme) {
        dev.sockscope.ui.MainWindow window = new dev.sockscope.ui.MainWindow(app, settings.withTheme(theme),
                new dev.sockscope.ui.fx.Background(app.background(), new dev.sockscope.ui.fx.FxThread()));
        javafx.stage.Stage stage = new javafx.stage.Stage();
        Scene scene = new Scene(window, 1280, 800);
        dev.sockscope.ui.common.Theme.apply(theme, scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    static void write(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        ImageIO.write(out, "png", file.toFile());
    }

    /** The address of the window's proxy once it listens (10 s at most). */
    static String proxyAddress(dev.sockscope.ui.MainWindow window) {
        return dev.sockscope.testing.Eventually.eventually(java.time.Duration.ofSeconds(10), "the proxy listening",
                () -> dev.sockscope.testing.TestWindows.onFx(() -> window.proxy().addressProperty().get()), a -> !a.isEmpty());
    }
}
