package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of one connection and of a search's results, in both formats, with progress. */
class ExportScopesTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void text(Recorder recorder, long connection, String text, long ts) {
        recorder.accept(new SessionEvent.FrameEvent(connection, Frame.message(Direction.RECEIVE, Opcode.TEXT,
                text.getBytes(StandardCharsets.UTF_8), ts)));
    }

    private List<Long> record(Database db) {
        try (Recorder recorder = new Recorder(db)) {
            Handshake h = new Handshake("GET / HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 101 Switching Protocols\r\n\r\n", null);
            recorder.accept(new SessionEvent.Started(1, Origin.TAB, "qa", WsUrl.parse("ws://a.test/"), 0));
            recorder.accept(new SessionEvent.Opened(1, WsUrl.parse("ws://a.test/"), h, null, "", Timings.NONE, 1));
            text(recorder, 1, "apple", 2);
            text(recorder, 1, "banana", 3);
            recorder.accept(new SessionEvent.Started(2, Origin.TAB, "qa", WsUrl.parse("ws://b.test/"), 0));
            recorder.accept(new SessionEvent.Opened(2, WsUrl.parse("ws://b.test/"), h, null, "", Timings.NONE, 4));
            text(recorder, 2, "apple pie", 5);
            for (int i = 0; i < 2500; i++) {
                text(recorder, 2, "filler " + i, 6 + i);
            }
        }
        return new RecordedConnections(db).of("qa").stream().map(c -> c.id()).toList();
    }

    @Test
    void exportsOneConnectionAsAHarWithOneEntryAndReportsProgress() throws Exception {
        try (Database db = Database.open(dir)) {
            List<Long> ids = record(db);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Long> progress = new ArrayList<>();
            int written = new SessionExport(db).harOfConnection(ids.get(1), "test", out, progress::add);
            assertEquals(2501, written);
            assertEquals(2501, progress.size());
            assertEquals(2501L, progress.get(2500));
            JsonNode entries = JSON.readTree(out.toByteArray()).path("log").path("entries");
            assertEquals(1, entries.size());
            assertEquals("ws://b.test/", entries.get(0).path("request").path("url").asText());
            assertEquals(2501, entries.get(0).path("_webSocketMessages").size());
        }
    }

    @Test
    void exportsASearchsResultsGroupedByConnectionInBothFormats() throws Exception {
        try (Database db = Database.open(dir)) {
            record(db);
            SearchQuery apple = new SearchQuery("APPLE", false, "qa", null, 0);
            ByteArrayOutputStream har = new ByteArrayOutputStream();
            assertEquals(2, new SessionExport(db).harOfSearch(apple, "test", har, n -> { }));
            JsonNode entries = JSON.readTree(har.toByteArray()).path("log").path("entries");
            assertEquals(2, entries.size(), "one entry per connection with a match");
            assertEquals("apple", entries.get(0).path("_webSocketMessages").get(0).path("data").asText());
            assertEquals("apple pie", entries.get(1).path("_webSocketMessages").get(0).path("data").asText());
            assertEquals(1, entries.get(1).path("_webSocketMessages").size(), "only the matching messages");

            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            assertEquals(1, new SessionExport(db).jsonLines(apple.withWholeWord(true).withUrl("b.test"), lines, n -> { }));
            List<String> written = lines.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, written.size());
            assertEquals("apple pie", JSON.readTree(written.get(0)).path("text").asText());
        }
    }
}
