package dev.sockscope.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Message;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Header;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneOffset;

/**
 * Writes recorded sessions as JSON Lines (one object per message) or as HAR 1.2 with the fields
 * browsers write for WebSockets ({@code _resourceType: "websocket"}, {@code _webSocketMessages}),
 * streaming: a session of a million frames is never held in memory.
 */
public final class SessionExport {
    /** ISO-8601 with microseconds, UTC. */
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private final Database database;
    private final FrameQueries frames;

    /** What the exports through this instance left out because it was damaged (see {@link FrameQueries#damaged()}). */
    public List<String> damaged() {
        return frames.damaged();
    }

    public SessionExport(Database database) {
        this.database = database;
        this.frames = new FrameQueries(database);
    }

    /** One JSON object per frame; returns the number of frames written. */
    public int jsonLines(String session, OutputStream out) {
        return jsonLines(new SearchQuery("", false, session, null, 0), out, n -> { });
    }

    /** The frames a search finds, one JSON object each, reporting progress after each frame. */
    public int jsonLines(SearchQuery query, OutputStream out, LongConsumer progress) {
        return jsonLines(sink -> frames.search(query, sink), out, progress);
    }

    /** One connection's messages, one JSON object each. */
    public int jsonLinesOfConnection(long connectionId, OutputStream out, LongConsumer progress) {
        return jsonLines(sink -> {
            int[] messages = {0};
            frames.byConnection(connectionId, f -> {
                if (f.message() != null) {
                    sink.accept(f);
                    messages[0]++;
                }
            });
            return messages[0];
        }, out, progress);
    }

    private static int jsonLines(java.util.function.ToIntFunction<Consumer<RecordedFrame>> source, OutputStream out,
            LongConsumer progress) {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            Counter counter = new Counter(progress);
            int count = source.applyAsInt(f -> {
                writeLine(json, f);
                counter.add();
            });
            json.writeRaw('\n');
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a search finds, one JSON line per message written to {@code out} as it is found (for search --json). */
    public int searchJsonLines(SearchQuery query, java.io.Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.setRootValueSeparator(null);
        int count;
        try {
            count = frames.search(query, f -> {
                writeLine(json, f);
                try {
                    json.flush();
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.flush();
        return count;
    }

    /** Reports progress after each frame (the listener is cheap: a counter and a cancel check). */
    private static final class Counter {
        private final LongConsumer progress;
        private long count;

        Counter(LongConsumer progress) {
            this.progress = progress;
        }

        void add() {
            progress.accept(++count);
        }
    }

    /** Writes a recorded message the way JSON Lines exports and search --json print it. */
    public static void writeLine(JsonGenerator json, RecordedFrame f) {
        try {
            Message frame = f.message();
            json.writeStartObject();
            json.writeStringField("session", f.session());
            json.writeNumberField("connection", f.connectionId());
            json.writeStringField("url", f.url());
            json.writeStringField("direction", frame.direction().wireName());
            json.writeNumberField("opcode", frame.opcode().code());
            json.writeStringField("timestamp", MICROS.format(Clock.toInstant(frame.timestampMicros())));
            json.writeNumberField("size", frame.size());
            // Text as text when it is valid UTF-8; a close, ping or pong too, when its bytes are (a close
            // code is two bytes that seldom are: 1000 decoded as text would be lost, so it goes as base64).
            if (frame.opcode() == Opcode.TEXT ? frame.invalidUtf8At() < 0
                    : frame.opcode() != Opcode.BINARY && dev.sockscope.core.Utf8.isValid(frame.payload())) {
                json.writeStringField("text", frame.text());
            } else {
                json.writeStringField("base64", Bytes.base64(frame.payload()));
            }
            interception(json, "interception", f.interception());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HAR 1.2: one entry per connection, its messages in {@code _webSocketMessages}. Returns frames written. */
    public int har(String session, String version, OutputStream out) {
        return har(session, version, out, n -> { });
    }

    public int har(String session, String version, OutputStream out, LongConsumer progress) {
        Counter counter = new Counter(progress);
        return har(version, out, json -> {
            int written = 0;
            for (ConnectionRow c : connections(session == null ? "" : " WHERE s.name = ?", session)) {
                written += entry(json, c, counter);
            }
            return written;
        });
    }

    /** One connection as a HAR with a single entry. */
    public int harOfConnection(long connectionId, String version, OutputStream out, LongConsumer progress) {
        Counter counter = new Counter(progress);
        return har(version, out, json -> {
            int written = 0;
            for (ConnectionRow c : connections(" WHERE c.id = ?", connectionId)) {
                written += entry(json, c, counter);
            }
            return written;
        });
    }

    /**
     * The frames a search finds as a HAR: an entry per connection that has a match, holding only
     * the matching messages. Streamed: results come connection by connection.
     */
    public int harOfSearch(SearchQuery query, String version, OutputStream out, LongConsumer progress) {
        Counter counter = new Counter(progress);
        return har(version, out, json -> {
            long[] open = {-1};
            int count = frames.search(query, f -> {
                try {
                    if (f.connectionId() != open[0]) {
                        if (open[0] >= 0) {
                            endEntry(json);
                        }
                        open[0] = f.connectionId();
                        List<ConnectionRow> row = connections(" WHERE c.id = ?", f.connectionId());
                        startEntry(json, row.isEmpty() ? new ConnectionRow(f.connectionId(), f.session(), f.url(),
                                f.frame().timestampMicros(), 0, 0, "", "") : row.get(0));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                message(json, f.message(), f.interception());
                counter.add();
            });
            if (open[0] >= 0) {
                endEntry(json);
            }
            return count;
        });
    }

    private interface Entries {
        int write(JsonGenerator json) throws IOException;
    }

    private static int har(String version, OutputStream out, Entries entries) {
        int written;
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeObjectFieldStart("log");
            json.writeStringField("version", "1.2");
            json.writeObjectFieldStart("creator");
            json.writeStringField("name", "Sockscope");
            json.writeStringField("version", version);
            json.writeEndObject();
            json.writeArrayFieldStart("pages");
            json.writeEndArray();
            json.writeArrayFieldStart("entries");
            written = entries.write(json);
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private int entry(JsonGenerator json, ConnectionRow c, Counter counter) throws IOException {
        startEntry(json, c);
        int[] count = {0};
        frames.byConnection(c.id(), f -> {
            if (f.message() != null) {
                message(json, f.message(), f.interception());
                counter.add();
                count[0]++;
            }
        });
        endEntry(json);
        return count[0];
    }

    private static void endEntry(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void startEntry(JsonGenerator json, ConnectionRow c) throws IOException {
        Handshake h = new Handshake(c.requestHead(), c.responseHead(), null);
        json.writeStartObject();
        json.writeStringField("startedDateTime", MICROS.format(Clock.toInstant(c.startedMicros())));
        json.writeNumberField("time", c.openedMicros() > 0 ? (c.openedMicros() - c.startedMicros()) / 1000.0 : -1);
        json.writeObjectFieldStart("request");
        json.writeStringField("method", "GET");
        json.writeStringField("url", c.url());
        json.writeStringField("httpVersion", "HTTP/1.1");
        headers(json, h.requestHeaders());
        json.writeArrayFieldStart("queryString");
        json.writeEndArray();
        json.writeArrayFieldStart("cookies");
        json.writeEndArray();
        json.writeNumberField("headersSize", -1);
        json.writeNumberField("bodySize", 0);
        json.writeEndObject();
        json.writeObjectFieldStart("response");
        json.writeNumberField("status", Math.max(0, h.status()));
        json.writeStringField("statusText", h.statusLine().replaceFirst("^HTTP/\\S+\\s+\\d+\\s*", ""));
        json.writeStringField("httpVersion", "HTTP/1.1");
        headers(json, h.responseHeaders());
        json.writeArrayFieldStart("cookies");
        json.writeEndArray();
        json.writeObjectFieldStart("content");
        json.writeNumberField("size", 0);
        json.writeStringField("mimeType", "x-unknown");
        json.writeEndObject();
        json.writeStringField("redirectURL", "");
        json.writeNumberField("headersSize", -1);
        json.writeNumberField("bodySize", -1);
        json.writeEndObject();
        json.writeObjectFieldStart("cache");
        json.writeEndObject();
        json.writeObjectFieldStart("timings");
        json.writeNumberField("send", 0);
        json.writeNumberField("wait", c.openedMicros() > 0 ? (c.openedMicros() - c.startedMicros()) / 1000.0 : -1);
        json.writeNumberField("receive", 0);
        json.writeEndObject();
        json.writeStringField("_resourceType", "websocket");
        json.writeArrayFieldStart("_webSocketMessages");
    }

    /** What interception did with a message, when it did: {"changes": "replaced", "note": "rule \"x\""}. */
    private static void interception(JsonGenerator json, String field, dev.sockscope.core.Interception interception)
            throws IOException {
        if (interception != null) {
            json.writeObjectFieldStart(field);
            json.writeStringField("changes", interception.words());
            json.writeStringField("note", interception.note());
            json.writeEndObject();
        }
    }

    private static void message(JsonGenerator json, Message message, dev.sockscope.core.Interception interception) {
        try {
            json.writeStartObject();
            json.writeStringField("type", message.direction().wireName());
            json.writeNumberField("time", message.timestampMicros() / 1_000_000.0);
            json.writeNumberField("opcode", message.opcode().code());
            json.writeStringField("data", message.opcode() == Opcode.TEXT && message.invalidUtf8At() < 0
                    ? message.text() : Bytes.base64(message.payload()));
            interception(json, "_sockscopeInterception", interception);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headers(JsonGenerator json, List<Header> headers) throws IOException {
        json.writeArrayFieldStart("headers");
        for (Header h : headers) {
            json.writeStartObject();
            json.writeStringField("name", h.name());
            json.writeStringField("value", h.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Connections matching {@code where} (one parameter, or none when it is null), in recording order. */
    private List<ConnectionRow> connections(String where, Object parameter) {
        String sql = "SELECT c.id, s.name, c.url, c.started_us, COALESCE(c.opened_us, 0), COALESCE(c.ended_us, 0),"
                + " COALESCE(c.request_head, ''), COALESCE(c.response_head, '') FROM connection c"
                + " JOIN session s ON c.session_id = s.id" + where + " ORDER BY c.id";
        List<ConnectionRow> out = new ArrayList<>();
        try (Connection db = database.connect(); PreparedStatement ps = db.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConnectionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getString(7), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return out;
    }
}
