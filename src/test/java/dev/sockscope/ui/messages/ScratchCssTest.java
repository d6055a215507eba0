package dev.sockscope.ui.messages;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import java.util.logging.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ScratchCssTest {
    @Start
    void start(Stage stage) {
        Logger.getLogger("javafx.css").addHandler(new Handler() {
            public void publish(LogRecord r) { if (r.getMessage().contains("Could not")) { new Throwable(r.getMessage()).printStackTrace(); } }
            public void flush() {} public void close() {}
        });
        Logger.getLogger("javafx.scene.CssStyleHelper").addHandler(new Handler() {
            public void publish(LogRecord r) { new Throwable("H2 " + r.getMessage()).printStackTrace(); }
            public void flush() {} public void close() {}
        });
        Logger.getLogger("").getHandlers()[0].setLevel(Level.ALL);
        Logger.getLogger("").addHandler(new Handler() {
            boolean once;
            public void publish(LogRecord r) { if (!once && String.valueOf(r.getMessage()).contains("Could not")) { once = true; new Throwable("ROOT " + r.getLoggerName()).printStackTrace(); } }
            public void flush() {} public void close() {}
        });
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane();
        stage.setScene(new Scene(pane, 900, 600));
        stage.show();
        System.err.println("--- creating view");
        MessageDetailView view = new MessageDetailView();
        System.err.println("--- adding");
        pane.setCenter(view);
        System.err.println("--- added");
        javafx.scene.layout.BorderPane other = new javafx.scene.layout.BorderPane(new MessageDetailView());
        System.err.println("--- scene with view inside");
        new Stage().setScene(new Scene(other));
        System.err.println("--- done");
    }
    @Test
    void nothing() {}
}
