package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.ui.common.Icons;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * Under a live proxied connection: a text message of the user's to the app or to the server
 * ({@code handMessage}, {@code sendToApp}, {@code sendToServer}), and either side closed with a
 * code ({@code handCloseCode}, {@code closeAppSide}, {@code closeServerSide}). What it sends is
 * recorded as sent by hand; {@code handStatus} says what happened.
 */
final class HandBar extends HBox {
    /** What the bar asks of the proxy: false when the connection is no longer relayed. */
    interface Actions {
        boolean send(long connectionId, Direction direction, byte[] text);

        boolean close(long connectionId, boolean appSide, int code, String reason);
    }

    HandBar(long connectionId, Actions actions, javafx.beans.value.ObservableValue<ConnectionState> state) {
        setId("handBar");
        getStyleClass().add("hand-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        TextField message = new TextField();
        message.setId("handMessage");
        message.setPromptText("A text message to send by hand");
        HBox.setHgrow(message, Priority.ALWAYS);
        Label status = new Label();
        status.setId("handStatus");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Button toApp = button("To app", Feather.ARROW_DOWN_LEFT, "sendToApp");
        Button toServer = button("To server", Feather.ARROW_UP_RIGHT, "sendToServer");
        toApp.setOnAction(e -> say(status, actions.send(connectionId, Direction.RECEIVE, message.getText()
                .getBytes(StandardCharsets.UTF_8)), "sent to the app"));
        toServer.setOnAction(e -> say(status, actions.send(connectionId, Direction.SEND, message.getText()
                .getBytes(StandardCharsets.UTF_8)), "sent to the server"));
        TextField code = new TextField("4000");
        code.setId("handCloseCode");
        code.setPrefColumnCount(4);
        code.setTooltip(new javafx.scene.control.Tooltip("1000, or 3000-4999 for an application's own code"));
        Button closeApp = button("Close app side", Feather.X_CIRCLE, "closeAppSide");
        Button closeServer = button("Close server side", Feather.X_CIRCLE, "closeServerSide");
        closeApp.setOnAction(e -> close(actions, connectionId, true, code.getText(), status));
        closeServer.setOnAction(e -> close(actions, connectionId, false, code.getText(), status));
        Region gap = new Region();
        gap.setMinWidth(12);
        getChildren().addAll(message, toApp, toServer, gap, new Label("Close with"), code, closeApp, closeServer, status);
        Runnable enable = () -> {
            boolean open = state.getValue() == ConnectionState.OPEN;
            getChildren().forEach(n -> n.setDisable(!open && n != status));
        };
        state.addListener((obs, old, now) -> enable.run());
        enable.run();
    }

    private static void close(Actions actions, long connectionId, boolean appSide, String text, Label status) {
        int code;
        try {
            code = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            code = -1;
        }
        if (code != 1000 && (code < 3000 || code > 4999)) {
            status.setText("a close code is 1000, or 3000-4999 for an application's own");
            return;
        }
        say(status, actions.close(connectionId, appSide, code, "closed by hand in Sockscope"), appSide
                ? "closing the app's side with " + code : "closing the server's side with " + code);
    }

    private static void say(Label status, boolean done, String what) {
        status.setText(done ? what : "the connection is no longer relayed: nothing was sent");
    }

    private static Button button(String text, Feather icon, String id) {
        Button button = new Button(text, Icons.of(icon, 13));
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        return button;
    }
}
