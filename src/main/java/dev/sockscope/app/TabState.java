package dev.sockscope.app;

import java.util.List;

/**
 * What a connection tab restores at the next launch.
 *
 * @param subprotocols comma-separated, as typed
 * @param draftMode the composer mode: text, json, hex or base64
 * @param saved the tab's saved messages, in the user's order
 * @param autoReconnect connect again when the connection drops
 * @param offerDeflate offer permessage-deflate when connecting
 */
public record TabState(String url, List<HeaderRow> headers, String subprotocols, int timeoutSeconds,
        String caFile, List<String> pins, String draft, String draftMode, List<SavedMessage> saved,
        boolean autoReconnect, boolean offerDeflate) {

    /** A header row of the request editor; disabled rows are kept but not sent. */
    public record HeaderRow(String name, String value, boolean enabled) {
    }

    /**
     * A message kept to be sent with one click.
     *
     * @param mode how {@code text} becomes a message: text, json, hex or base64 (as the composer's modes)
     */
    public record SavedMessage(String name, String mode, String text) {
        public SavedMessage {
            name = name == null || name.isBlank() ? "untitled" : name.strip();
            mode = mode == null ? "text" : mode;
            text = text == null ? "" : text;
        }
    }

    /** A tab without saved messages. */
    public TabState(String url, List<HeaderRow> headers, String subprotocols, int timeoutSeconds, String caFile,
            List<String> pins, String draft, String draftMode) {
        this(url, headers, subprotocols, timeoutSeconds, caFile, pins, draft, draftMode, List.of(), false, false);
    }

    public TabState {
        url = url == null ? "" : url;
        headers = headers == null ? List.of() : List.copyOf(headers);
        subprotocols = subprotocols == null ? "" : subprotocols;
        timeoutSeconds = timeoutSeconds <= 0 ? 10 : timeoutSeconds;
        caFile = caFile == null ? "" : caFile;
        pins = pins == null ? List.of() : List.copyOf(pins);
        draft = draft == null ? "" : draft;
        draftMode = draftMode == null ? "text" : draftMode;
        saved = saved == null ? List.of() : List.copyOf(saved);
    }

    public static TabState blank() {
        return new TabState("", List.of(), "", 10, "", List.of(), "", "text");
    }
}
