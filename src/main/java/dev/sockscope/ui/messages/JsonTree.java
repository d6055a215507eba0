package dev.sockscope.ui.messages;

import static dev.sockscope.ui.common.CopyButton.toClipboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * A JSON payload as a collapsible tree: objects and arrays open one level at a time (children are
 * made when a node is first opened, so a large document costs only what is looked at), each row
 * says its key and a short value, and its menu copies the node's JSON Pointer path or its value.
 */
final class JsonTree extends TreeView<JsonTree.Entry> {
    /** Numbers kept as written (0.1400 stays 0.1400): the tree shows the payload, not a reading of it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /** One node: its key (or index) under its parent, its JSON Pointer, and its value. */
    record Entry(String key, String pointer, JsonNode value) {
        String summary() {
            if (value.isObject()) {
                return "{" + value.size() + (value.size() == 1 ? " key}" : " keys}");
            }
            if (value.isArray()) {
                return "[" + value.size() + (value.size() == 1 ? " item]" : " items]");
            }
            String text = value.toString();
            return text.length() <= 120 ? text : text.substring(0, 119) + "\u2026";
        }
    }

    JsonTree() {
        setId("payloadTree");
        getStyleClass().add("payload-tree");
        setShowRoot(true);
        setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : (entry.key().isEmpty() ? "" : entry.key() + ": ") + entry.summary());
            }
        });
        MenuItem copyPath = new MenuItem("Copy path (JSON Pointer)");
        copyPath.setOnAction(e -> toClipboard(selected() == null ? null : selected().pointer()));
        MenuItem copyValue = new MenuItem("Copy value");
        copyValue.setOnAction(e -> toClipboard(selected() == null ? null : JsonPaths.valueText(selected().value())));
        setContextMenu(new ContextMenu(copyPath, copyValue));
    }

    /** Shows {@code text} as a tree; false (and an empty tree) when it is not JSON. */
    boolean fill(String text) {
        return show(parse(text));
    }

    /** Parses a payload for {@link #show}: off the FX thread for large payloads; null when not JSON. */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** Shows a parsed payload, its first level open; false (and an empty tree) for null. */
    boolean show(JsonNode root) {
        if (root == null) {
            setRoot(null);
            return false;
        }
        TreeItem<Entry> item = new Node(new Entry("", "", root));
        item.setExpanded(true);
        setRoot(item);
        return true;
    }

    void clear() {
        setRoot(null);
    }

    private Entry selected() {
        TreeItem<Entry> item = getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }


    /** A tree item that makes its children the first time they are asked for. */
    private static final class Node extends TreeItem<Entry> {
        private boolean made;

        Node(Entry entry) {
            super(entry);
        }

        @Override
        public boolean isLeaf() {
            return !getValue().value().isContainerNode() || getValue().value().isEmpty();
        }

        @Override
        public ObservableList<TreeItem<Entry>> getChildren() {
            if (!made) {
                made = true;
                JsonNode value = getValue().value();
                String pointer = getValue().pointer();
                // Made in a list and added at once: one change event, not one per child of a large array.
                java.util.List<TreeItem<Entry>> children = new java.util.ArrayList<>(value.size());
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> field : value.properties()) {
                        children.add(new Node(new Entry(field.getKey(), JsonPaths.pointerTo(pointer, field.getKey()),
                                field.getValue())));
                    }
                } else if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        children.add(new Node(new Entry(String.valueOf(i), pointer + "/" + i, value.get(i))));
                    }
                }
                super.getChildren().setAll(children);
            }
            return super.getChildren();
        }
    }
}
