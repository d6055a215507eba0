package dev.sockscope.ui.connection;

import dev.sockscope.core.Bytes;
import java.nio.charset.StandardCharsets;

/** How the composer's text becomes a message. */
public enum ComposerMode {
    TEXT("text", "Text", false),
    JSON("json", "JSON", false),
    HEX("hex", "Binary (hex)", true),
    BASE64("base64", "Binary (base64)", true);

    private final String key;
    private final String title;
    private final boolean binary;

    ComposerMode(String key, String title, boolean binary) {
        this.key = key;
        this.title = title;
        this.binary = binary;
    }

    public String key() {
        return key;
    }

    public boolean isBinary() {
        return binary;
    }

    /** The bytes a draft stands for; throws with a message fit for the user when it is malformed. */
    public byte[] encode(String draft) {
        return switch (this) {
            case TEXT, JSON -> draft.getBytes(StandardCharsets.UTF_8);
            case HEX -> Bytes.parseHex(draft);
            case BASE64 -> Bytes.parseBase64(draft);
        };
    }

    public static ComposerMode byKey(String key) {
        for (ComposerMode mode : values()) {
            if (mode.key.equals(key)) {
                return mode;
            }
        }
        return TEXT;
    }

    @Override
    public String toString() {
        return title;
    }
}
