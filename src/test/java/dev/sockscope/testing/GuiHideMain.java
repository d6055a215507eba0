package dev.sockscope.testing;

import static dev.sockscope.testing.TestWindows.onFx;

import dev.sockscope.core.ConnectionState;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.SockscopeApp;
import dev.sockscope.ui.connection.ConnectionTabView;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The real application (as {@code sockscope gui} starts it) in its own JVM, with its first tab
 * connected to {@code args[1]}: once messages flow, the main window is hidden without a close
 * request, as when the window system takes it away, while another window is open. Prints "hidden" then, and "exited" when the
 * application has ended by itself.
 */
public final class GuiHideMain {
    private GuiHideMain() {
    }

    public static void main(String[] args) {
        String url = args[1];
        Thread driver = new Thread(() -> {
            try {
                drive(url);
            } catch (Exception e) {
                System.out.println("driver failed: " + e);
                System.exit(3);
            }
        }, "hide-driver");
        driver.setDaemon(true);
        driver.start();
        Application.launch(SockscopeApp.class, "--data-dir=" + args[0]);
        System.out.println("exited");
    }

    private static void drive(String url) throws Exception {
        Stage stage = null;
        for (int i = 0; i < 600 && stage == null; i++) {
            Thread.sleep(100);
            stage = onFx(GuiHideMain::mainStage);
        }
        Stage main = stage;
        ConnectionTabView tab = onFx(() -> (ConnectionTabView) ((MainWindow) main.getScene().getRoot())
                .tabs().getSelectionModel().getSelectedItem().getContent());
        onFx(() -> {
            tab.model().request().urlProperty().set(url);
            return tab.model().connect();
        });
        for (int i = 0; i < 300; i++) {
            Thread.sleep(100);
            boolean flowing = onFx(() -> tab.model().connection().stateProperty().get() == ConnectionState.OPEN
                    && tab.model().connection().receivedCountProperty().get() > 100);
            if (flowing) {
                break;
            }
        }
        onFx(() -> {
            // Another window open at the time (a dialog left open) must not keep the app alive.
            Stage other = new Stage();
            other.setScene(new javafx.scene.Scene(new javafx.scene.control.Label("a dialog left open"), 200, 100));
            other.show();
            main.hide();
            return null;
        });
        System.out.println("hidden");
        System.out.flush();
    }

    private static Stage mainStage() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing() && s.getScene() != null && s.getScene().getRoot() instanceof MainWindow) {
                return s;
            }
        }
        return null;
    }

}
