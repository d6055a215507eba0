package dev.sockscope.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Direction;
import dev.sockscope.core.ImportResult;
import dev.sockscope.core.Opcode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a HAR (as browsers or Sockscope write it) or a JSON Lines export into a session, in one
 * transaction: a file that cannot be read adds nothing. Every message is checked at the boundary
 * (its direction, opcode, time and payload) and a bad one is refused with where it is (the line of
 * a JSON Lines file, the entry and message of a HAR), so no message that search or export could
 * not handle gets in.
 */
public final class SessionImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    public SessionImport(Database database) {
        this.database = database;
    }

    /**
     * Imports {@code file} into {@code session}; detects the format from the content. A file whose
     * content was already imported into that session is skipped, unless {@code again}.
     *
     * @return the messages imported, or the earlier import when skipped
     * @throws IllegalArgumentException when the file is neither HAR nor JSON Lines, with the reason
     */
    public ImportResult importFile(Path file, String session, boolean again) throws IOException {
        String sha256 = ImportedFiles.sha256(file);
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(4096), StandardCharsets.UTF_8).stripLeading();
        }
        try (Connection db = database.connect()) {
            db.setAutoCommit(false);
            try {
                ImportResult.Earlier earlier = ImportedFiles.find(db, session, sha256);
                if (earlier != null && !again) {
                    db.rollback();
                    return new ImportResult(0, earlier);
                }
                long sessionId = Sessions.idOf(db, session);
                if (start.isBlank()) {
                    throw new IllegalArgumentException("the file is empty");
                }
                ImportWriter writing = new ImportWriter(db, sessionId);
                int count;
                try {
                    count = start.startsWith("{\"log\"") || start.matches("(?s)\\{\\s*\"log\".*")
                            ? har(writing, file) : jsonLines(writing, file);
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw new IllegalArgumentException("it is not UTF-8 text (a HAR or a JSON Lines export is)", e);
                }
                if (writing.isEmpty()) {
                    throw new IllegalArgumentException("it holds no WebSocket connection");
                }
                writing.finish();
                ImportedFiles.remember(db, sessionId, sha256, String.valueOf(file.getFileName()), count);
                db.commit();
                writing.index(database.indexer());
                return new ImportResult(count, null);
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
    }

    /** Reads a HAR one entry at a time: only the entry being read is in memory. */
    private int har(ImportWriter writing, Path file) throws IOException, SQLException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !toField(parser, "log") || parser.nextToken() != JsonToken.START_OBJECT
                    || !toField(parser, "entries") || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("not a HAR file: no log.entries");
            }
            int count = 0;
            int entryNumber = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entry = parser.readValueAsTree();
                count += harEntry(writing, entry, ++entryNumber);
            }
            return count;
        }
    }

    /** Moves the parser, inside an object, to the value of field {@code name}, skipping others; false when absent. */
    private static boolean toField(JsonParser parser, String name) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (name.equals(parser.currentName())) {
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    private int harEntry(ImportWriter writing, JsonNode entry, int entryNumber) throws SQLException {
        JsonNode messages = entry.path("_webSocketMessages");
        if (!messages.isArray() && !"websocket".equals(entry.path("_resourceType").asText())) {
            return 0;
        }
        String where = "entry " + entryNumber;
        long started = time(entry.path("startedDateTime").asText("1970-01-01T00:00:00Z"), where + ": startedDateTime");
        ConnectionBlocks connection = writing.connection(entry.path("request").path("url").asText(), started,
                head("GET " + path(entry.path("request").path("url").asText()) + " HTTP/1.1", entry.path("request")),
                head("HTTP/1.1 " + entry.path("response").path("status").asInt() + " "
                        + entry.path("response").path("statusText").asText(), entry.path("response")));
        int count = 0;
        int messageNumber = 0;
        for (JsonNode m : messages) {
            messageNumber++;
            if (!"send".equals(m.path("type").asText()) && !"receive".equals(m.path("type").asText())) {
                // Browsers also list connection errors here (type "error"): not frames.
                continue;
            }
            String at = where + ", message " + messageNumber;
            int opcode = opcode(m.path("opcode"), 1, at);
            String data = m.path("data").asText("");
            byte[] payload = opcode == 1 ? data.getBytes(StandardCharsets.UTF_8) : base64(data, at);
            if (!m.path("time").isNumber()) {
                throw new IllegalArgumentException(at + ": time is not a number of seconds");
            }
            Direction direction = "send".equals(m.path("type").asText()) ? Direction.SEND : Direction.RECEIVE;
            writing.add(connection, direction, opcode, (long) (m.path("time").asDouble() * 1_000_000), payload);
            count++;
        }
        return count;
    }

    private static final byte[] LINE_END = {'\n'};

    private int jsonLines(ImportWriter writing, Path file) throws IOException, SQLException {
        Map<String, ConnectionBlocks> connections = new HashMap<>();
        int count = 0;
        // The whole file must be UTF-8, as JSON Lines are: checked as it is read, line by line.
        dev.sockscope.core.Utf8.Validator utf8 = new dev.sockscope.core.Utf8.Validator();
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in);
            int number = 0;
            while (lines.next()) {
                number++;
                // The line and its end: a sequence cut by a line break is as invalid as the file's bytes say.
                if (!utf8.feed(lines.buffer(), lines.start(), lines.length()) || !utf8.feed(LINE_END, 0, 1)) {
                    throw new java.nio.charset.MalformedInputException(1);
                }
                if (lines.isBlank()) {
                    continue;
                }
                JsonLineFields m;
                try {
                    m = JsonLineFields.parse(lines.buffer(), lines.start(), lines.length());
                } catch (IOException e) {
                    throw new IllegalArgumentException("line " + number + " is not JSON: "
                            + e.getMessage().lines().findFirst().orElse(""), e);
                }
                String at = "line " + number;
                if (m == null) {
                    throw new IllegalArgumentException(at + " is not a JSON object (one message per line)");
                }
                long timestamp = time(m.timestamp, at + ": timestamp");
                String type = m.direction;
                if (!"send".equals(type) && !"receive".equals(type)) {
                    throw new IllegalArgumentException(at + ": direction is send or receive, not '" + type + "'");
                }
                if (m.opcode < 0) {
                    throw new IllegalArgumentException(at + ": opcode is not a number");
                }
                int opcode = opcode(m.opcode, at);
                String key = m.connection + " " + m.url;
                ConnectionBlocks connection = connections.get(key);
                if (connection == null) {
                    connection = writing.connection(m.url, timestamp, "", "");
                    connections.put(key, connection);
                }
                if (m.text == null && m.base64 == null) {
                    throw new IllegalArgumentException(at + ": no text or base64 payload");
                }
                byte[] payload = m.text != null ? m.text.getBytes(StandardCharsets.UTF_8) : base64(m.base64, at);
                Direction direction = "send".equals(type) ? Direction.SEND : Direction.RECEIVE;
                writing.add(connection, direction, opcode, timestamp, payload);
                count++;
            }
        }
        return count;
    }

    /** A message's opcode: text, binary, close, ping or pong (a continuation is not a message). */
    private static int opcode(JsonNode value, int absent, String at) {
        if (value.isMissingNode() && absent >= 0) {
            return absent;
        }
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException(at + ": opcode is not a number");
        }
        return opcode(value.asInt(), at);
    }

    private static int opcode(int opcode, String at) {
        if (opcode == 0 || !Opcode.isDefined(opcode)) {
            throw new IllegalArgumentException(at + ": opcode " + opcode + " is not a message's (1 text, 2 binary, 8 close,"
                    + " 9 ping, 10 pong)");
        }
        return opcode;
    }

    private static byte[] base64(String data, String at) {
        try {
            return Bytes.parseBase64(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": the payload is " + e.getMessage(), e);
        }
    }

    private static long time(String text, String what) {
        long fast = IsoTimes.parseUtcMicros(text);
        if (fast != IsoTimes.NOT_PARSED) {
            return fast;
        }
        try {
            return micros(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an ISO-8601 time such as 2026-11-21T10:00:00Z", e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is too far from today to record", e);
        }
    }

    private static String head(String firstLine, JsonNode message) {
        StringBuilder out = new StringBuilder(firstLine).append("\r\n");
        for (JsonNode h : message.path("headers")) {
            out.append(h.path("name").asText()).append(": ").append(h.path("value").asText()).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    private static String path(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
