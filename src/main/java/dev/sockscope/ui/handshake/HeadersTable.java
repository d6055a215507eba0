package dev.sockscope.ui.handshake;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Header;
import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The request and response heads as a grouped name / value list, devtools style: the request line
 * and its headers, then the status line and the response headers, each in wire order and original
 * case, then the response body when there is one. Right-click a header to copy it.
 */
final class HeadersTable extends VBox {
    private static final int MAX_BODY_ROWS = 18;

    private final VBox request = new VBox();
    private final VBox response = new VBox();
    private final VBox bodySection = new VBox();
    private final TextArea body = new TextArea();
    private final Label bodyTitle = new Label();

    HeadersTable() {
        setId("handshakeHeaders");
        getStyleClass().add("headers-table");
        body.setId("handshakeBody");
        body.setEditable(false);
        body.setWrapText(true);
        body.getStyleClass().addAll("mono", "wire-text");
        bodyTitle.getStyleClass().add("group-title");
        bodySection.getStyleClass().add("header-group");
        bodySection.getChildren().addAll(bodyTitle, body);
        bodySection.managedProperty().bind(bodySection.visibleProperty());
        request.getStyleClass().add("header-group");
        response.getStyleClass().add("header-group");
        getChildren().addAll(request, response, bodySection);
    }

    void show(Handshake h) {
        fill(request, "Request", h.requestLine(), h.requestHeaders(), "nothing was sent");
        fill(response, "Response", h.statusLine(), h.responseHeaders(), "no response was read");
        byte[] bytes = h.responseBody();
        bodySection.setVisible(bytes.length > 0);
        bodyTitle.setText("Response body \u00b7 " + Bytes.humanSize(bytes.length));
        String text = WireText.bodyShown(h);
        body.setText(text);
        body.setPrefRowCount(Math.max(2, Math.min(MAX_BODY_ROWS, (int) text.lines().count() + 1)));
    }

    /** Lets the wheel over a short body scroll {@code document}; a long body scrolls itself. */
    void passScrollTo(Node document) {
        Scrolling.passVerticalTo(body, document, () -> body.getText().lines().count() < MAX_BODY_ROWS);
    }

    private static void fill(VBox group, String title, String firstLine, List<Header> headers, String nothing) {
        Label name = new Label(title);
        name.getStyleClass().add("group-title");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label count = new Label(headers.size() == 1 ? "1 header" : headers.size() + " headers");
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "group-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(name, count);
        heading.getStyleClass().add("group-heading");
        heading.setAlignment(Pos.BASELINE_LEFT);

        Label line = new Label(firstLine.isEmpty() ? nothing : firstLine);
        line.getStyleClass().addAll("mono", "start-line");
        line.setWrapText(true);
        if (firstLine.isEmpty()) {
            line.getStyleClass().add(Styles.TEXT_MUTED);
        }
        group.getChildren().setAll(heading, line, rows(headers));
    }

    private static GridPane rows(List<Header> headers) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("header-rows");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setMaxWidth(260);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            Label name = new Label(header.name());
            name.getStyleClass().addAll("mono", "header-name");
            name.setWrapText(true);
            Label value = new Label(header.value());
            value.getStyleClass().addAll("mono", "header-value");
            value.setWrapText(true);
            value.setMinWidth(0);
            ContextMenu menu = copyMenu(header);
            name.setContextMenu(menu);
            value.setContextMenu(menu);
            grid.addRow(i, name, value);
            GridPane.setValignment(name, VPos.TOP);
            GridPane.setValignment(value, VPos.TOP);
        }
        return grid;
    }

    private static ContextMenu copyMenu(Header header) {
        MenuItem whole = new MenuItem("Copy header");
        whole.setOnAction(e -> copy(header.name() + ": " + header.value()));
        MenuItem value = new MenuItem("Copy value");
        value.setOnAction(e -> copy(header.value()));
        MenuItem name = new MenuItem("Copy name");
        name.setOnAction(e -> copy(header.name()));
        return new ContextMenu(whole, value, name);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
