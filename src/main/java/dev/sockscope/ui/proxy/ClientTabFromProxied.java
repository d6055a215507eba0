package dev.sockscope.ui.proxy;

import dev.sockscope.app.FrameLog;
import dev.sockscope.app.TabState;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Header;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Open as client tab": a connection tab made from a proxied connection, to connect to the same
 * server directly. It gets the URL, the headers the app sent (cookies and authorisation included,
 * visible in the request options; never the proxy's own or those the client library sets itself),
 * the subprotocols it offered, and the messages the app sent as the tab's saved messages, so any of
 * them can be sent again with a double click.
 */
final class ClientTabFromProxied {
    /** At most this many of the app's messages are offered again, the first ones it sent. */
    static final int MAX_RESENDABLE = 100;
    /** A message larger than this is left out (a saved message is kept with the settings). */
    static final int MAX_RESENDABLE_BYTES = 256 * 1024;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private ClientTabFromProxied() {
    }

    static TabState of(ProxiedRow row) {
        List<TabState.HeaderRow> headers = new ArrayList<>();
        String protocols = "";
        SessionEvent.Opened opened = row.live().opened();
        if (opened != null && opened.client() != null) {
            for (Header h : opened.client().handshake().requestHeaders()) {
                if (h.is("Sec-WebSocket-Protocol")) {
                    protocols = protocols.isEmpty() ? h.value() : protocols + ", " + h.value();
                } else if (Header.refusalOf(h.name()) == null && !h.is("Proxy-Authorization") && !h.is("Proxy-Connection")) {
                    headers.add(new TabState.HeaderRow(h.name(), h.value(), true));
                }
            }
        }
        return new TabState(row.url(), headers, protocols, 10, "", List.of(), "", "text", sentByTheApp(row.live().log()),
                false, false);
    }

    /** The app's text and binary messages, in order, as saved messages named by their number and time. */
    static List<TabState.SavedMessage> sentByTheApp(FrameLog log) {
        List<TabState.SavedMessage> saved = new ArrayList<>();
        if (log == null) {
            return saved;
        }
        int sent = 0;
        for (int i = log.firstRetained(); i < log.size() && saved.size() < MAX_RESENDABLE; i++) {
            if (log.direction(i) != Direction.SEND || !log.completesMessage(i) || log.messageSize(i) > MAX_RESENDABLE_BYTES) {
                continue;
            }
            Message m = log.messageIfHeld(i, MAX_RESENDABLE_BYTES);
            if (m == null || m.opcode() != Opcode.TEXT && m.opcode() != Opcode.BINARY) {
                continue;
            }
            sent++;
            String when = LocalTime.ofInstant(Instant.ofEpochSecond(0, m.timestampMicros() * 1000), ZoneId.systemDefault())
                    .format(CLOCK);
            boolean text = m.opcode() == Opcode.TEXT && m.invalidUtf8At() < 0;
            saved.add(new TabState.SavedMessage("sent #" + sent + " at " + when, text ? "text" : "hex",
                    text ? m.text() : Bytes.hex(m.payload())));
        }
        return saved;
    }
}
