package dev.sockscope.ui.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.app.TabState.SavedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved messages as a file others can use: {@code {"sockscope": "saved-messages", "version": 1,
 * "messages": [{"name", "mode", "text"}]}} (a bare array of those objects is read too). Reading and
 * writing touch the disk: call them off the FX thread.
 */
final class SavedMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedMessages() {
    }

    /** A name for a draft saved without one: its first line, shortened. */
    static String nameFor(String draft) {
        String line = draft.strip().lines().findFirst().orElse("");
        return line.length() <= 32 ? line : line.substring(0, 31) + "…";
    }

    static void write(List<SavedMessage> messages, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("sockscope", "saved-messages");
        root.put("version", 1);
        ArrayNode list = root.putArray("messages");
        for (SavedMessage m : messages) {
            list.addObject().put("name", m.name()).put("mode", m.mode()).put("text", m.text());
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** Reads a file of saved messages; throws with a reason fit for the user when it is not one. */
    static List<SavedMessage> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
        JsonNode list = root != null && root.isObject() ? root.get("messages") : root;
        if (list == null || !list.isArray()) {
            throw new IOException("not a file of saved messages (expected a \"messages\" list)");
        }
        List<SavedMessage> out = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject() || !item.path("text").isTextual()) {
                throw new IOException("message " + (out.size() + 1) + " has no \"text\"");
            }
            String mode = item.path("mode").asText("text");
            if (!List.of("text", "json", "hex", "base64").contains(mode)) {
                throw new IOException("message " + (out.size() + 1) + " has an unknown mode: " + mode);
            }
            out.add(new SavedMessage(item.path("name").asText(""), mode, item.path("text").asText()));
        }
        return out;
    }
}
