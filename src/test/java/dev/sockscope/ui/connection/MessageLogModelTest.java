package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.testing.DirectUiThread;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.model.ConnectionModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The message log's model under a flood, without the toolkit: background scans are run when the test says. */
class MessageLogModelTest {
    private final Queue<Runnable> scans = new ArrayDeque<>();
    private final Background background = new Background(scans::add, new DirectUiThread());

    private static Frame text(String s, boolean fin, Opcode opcode, long ts) {
        return new Frame(Direction.RECEIVE, opcode, fin, 0, s.getBytes(StandardCharsets.UTF_8), ts);
    }

    @Test
    void aFragmentArrivingUnderAFloodStartsOneScanThatFinishes() {
        ConnectionModel connection = new ConnectionModel(background.ui());
        for (int i = 0; i < 50_000; i++) {
            connection.log().append(text("m" + i, true, Opcode.TEXT, i));
        }
        MessageLogModel log = new MessageLogModel(connection, background);
        assertTrue(scans.isEmpty(), "every frame is a message: no scan");
        connection.log().append(text("Hel", false, Opcode.TEXT, 50_000), null);
        Frame last = text("lo", true, Opcode.CONTINUATION, 50_001);
        connection.log().append(last, new Message(Direction.RECEIVE, Opcode.TEXT, "Hello".getBytes(StandardCharsets.UTF_8),
                50_001, 2, false, -1));
        for (int pulse = 0; pulse < 10; pulse++) {
            log.pulse(pulse * 100_000_000L);
        }
        assertEquals(1, scans.size(), "pulses do not restart the scan while it runs");
        scans.poll().run();
        log.pulse(2_000_000_000L);
        LogRows rows = log.rowsProperty().get();
        assertEquals(50_001, rows.total(), "the fragment that ends no message is not a row");
        assertEquals("Hello", rows.get(rows.size() - 1).preview());
    }

    @Test
    void anInvalidRegexKeepsTheRowsShownWhileItIsTyped() {
        ConnectionModel connection = new ConnectionModel(background.ui());
        connection.log().append(text("Hel", false, Opcode.TEXT, 1), null);
        connection.log().append(text("lo", true, Opcode.CONTINUATION, 2), new Message(Direction.RECEIVE, Opcode.TEXT,
                "Hello".getBytes(StandardCharsets.UTF_8), 2, 2, false, -1));
        MessageLogModel log = new MessageLogModel(connection, background);
        scans.poll().run();
        LogRows before = log.rowsProperty().get();
        log.queryProperty().set("(");
        log.regexProperty().set(true);
        for (int pulse = 0; pulse < 5; pulse++) {
            log.pulse(pulse * 100_000_000L);
        }
        assertSame(before, log.rowsProperty().get());
        assertEquals("Unclosed group", log.filterProblemProperty().get());
        assertTrue(scans.isEmpty());
    }

    @Test
    void clearingEmptiesTheViewAndKeepsWhatComesNext() {
        ConnectionModel connection = new ConnectionModel(background.ui());
        for (int i = 0; i < 100; i++) {
            connection.log().append(text("before " + i, true, Opcode.TEXT, i));
        }
        MessageLogModel log = new MessageLogModel(connection, background);
        log.clear();
        Runnable scan = scans.poll();
        if (scan != null) {
            scan.run();
        }
        assertEquals(0, log.rowsProperty().get().total(), "nothing before the clear is listed");
        connection.log().append(text("after", true, Opcode.TEXT, 200));
        log.pulse(1_000_000_000L);
        LogRows rows = log.rowsProperty().get();
        assertEquals(1, rows.total());
        assertEquals("after", rows.get(0).preview());
        assertEquals("1 message since cleared (101 in all)", log.countProperty().get());
        assertTrue(log.isCleared());
    }
}
