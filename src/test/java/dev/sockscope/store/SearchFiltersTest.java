package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole word, URL, type, size and time filters, on a real recording. */
class SearchFiltersTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void record() {
        db = Database.open(dir);
        try (Recorder recorder = new Recorder(db)) {
            Handshake h = new Handshake("", "HTTP/1.1 101 Switching Protocols\r\n\r\n", null);
            recorder.accept(new SessionEvent.Started(1, Origin.TAB, "default", WsUrl.parse("ws://alpha.test/feed"), 0));
            recorder.accept(new SessionEvent.Opened(1, WsUrl.parse("ws://alpha.test/feed"), h, null, "", Timings.NONE, 0));
            frame(recorder, 1, Direction.SEND, Opcode.TEXT, "order placed", 100);
            frame(recorder, 1, Direction.RECEIVE, Opcode.TEXT, "orders: 3", 200);
            frame(recorder, 1, Direction.RECEIVE, Opcode.PING, "order", 300);
            recorder.accept(new SessionEvent.Started(2, Origin.TAB, "default", WsUrl.parse("ws://beta.test/"), 0));
            recorder.accept(new SessionEvent.Opened(2, WsUrl.parse("ws://beta.test/"), h, null, "", Timings.NONE, 0));
            frame(recorder, 2, Direction.RECEIVE, Opcode.TEXT, "reorder " + "x".repeat(2000), 400);
            frame(recorder, 2, Direction.RECEIVE, Opcode.TEXT, "Order_42", 500);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void frame(Recorder r, long connection, Direction d, Opcode op, String text, long ts) {
        r.accept(new SessionEvent.FrameEvent(connection, Frame.message(d, op, text.getBytes(StandardCharsets.UTF_8), ts)));
    }

    private List<String> find(SearchQuery query) {
        List<String> out = new ArrayList<>();
        new FrameQueries(db).search(query, f -> out.add(firstWord(f)));
        return out;
    }

    private static String firstWord(RecordedFrame f) {
        return f.frame().text().split(" ")[0];
    }

    private static SearchQuery order() {
        return new SearchQuery("order", false, null, null, 0);
    }

    @Test
    void aWholeWordStandsAloneInAnyCase() {
        assertEquals(List.of("order", "orders:", "order", "reorder", "Order_42"), find(order()));
        assertEquals(List.of("order", "order"), find(order().withWholeWord(true)), "not orders, reorder or Order_42");
        assertEquals(List.of("orders:"), find(new SearchQuery("orders?:", true, null, null, 0).withWholeWord(true)));
    }

    @Test
    void filtersByUrlTypeSizeAndTime() {
        assertEquals(List.of("reorder", "Order_42"), find(order().withUrl("BETA.test")));
        assertEquals(List.of("order"), find(order().withOpcodes(Set.of(Opcode.PING))));
        assertEquals(List.of("reorder"), find(order().withSize(1024, -1)));
        assertEquals(List.of("order", "orders:", "order", "Order_42"), find(order().withSize(0, 100)));
        assertEquals(List.of("orders:", "order"), find(order().withTime(200, 400)), "from included, to excluded");
        assertThrows(IllegalArgumentException.class, () -> order().withSize(10, 5));
        assertThrows(IllegalArgumentException.class, () -> order().withTime(10, 5));
    }
}
