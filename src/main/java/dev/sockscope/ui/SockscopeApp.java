package dev.sockscope.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application. */
public final class SockscopeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
