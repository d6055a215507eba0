package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.FrameLog;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The log's table window, checked against a mirror list kept up to date from its change events. */
class LogRowsTest {
    private static void append(FrameLog log, int count) {
        for (int i = 0; i < count; i++) {
            int n = log.size();
            log.append(Frame.message(n % 2 == 0 ? Direction.SEND : Direction.RECEIVE, Opcode.TEXT,
                    ("message " + n).getBytes(StandardCharsets.UTF_8), n));
        }
    }

    /** Applies every change to a plain list of log indexes, as a table would see them. */
    private static List<Integer> mirror(LogRows rows) {
        List<Integer> mirror = new ArrayList<>();
        rows.addListener((ListChangeListener<LogRow>) c -> {
            while (c.next()) {
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    mirror.remove(c.getFrom());
                }
                for (int i = c.getFrom(); i < c.getFrom() + c.getAddedSize(); i++) {
                    mirror.add(i, rows.get(i).index());
                }
            }
        });
        return mirror;
    }

    private static void assertConsistent(LogRows rows, List<Integer> mirror) {
        assertEquals(rows.size(), mirror.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).index(), mirror.get(i), "row " + i);
        }
    }

    @Test
    void followsTheTailWithAWindowOfBoundedSize() {
        FrameLog log = new FrameLog();
        LogRows rows = new LogRows(log, LogView.FRAMES);
        List<Integer> mirror = mirror(rows);
        append(log, 500);
        rows.catchUp();
        assertEquals(500, rows.size());
        assertConsistent(rows, mirror);
        append(log, LogRows.WINDOW);
        rows.catchUp();
        assertEquals(LogRows.WINDOW, rows.size());
        assertEquals(log.size() - 1, rows.get(rows.size() - 1).index());
        assertConsistent(rows, mirror);
        append(log, 3 * LogRows.WINDOW);
        rows.catchUp();
        assertConsistent(rows, mirror);
        assertTrue(rows.atLatest());
    }

    @Test
    void pagesThroughOlderMessagesAndStaysPutWhileNotFollowing() {
        FrameLog log = new FrameLog();
        append(log, 3 * LogRows.WINDOW);
        LogRows rows = new LogRows(log, LogView.FRAMES);
        List<Integer> mirror = mirror(rows);
        rows.catchUp();
        rows.showOldest();
        assertEquals(0, rows.get(0).index());
        assertConsistent(rows, mirror);
        append(log, 100);
        rows.catchUp();
        assertEquals(0, rows.get(0).index(), "not following: the window stays");
        assertEquals(3 * LogRows.WINDOW + 100, rows.total());
        rows.showNewer();
        assertEquals(LogRows.WINDOW / 2, rows.get(0).index());
        assertConsistent(rows, mirror);
        rows.showLatest();
        assertEquals(log.size() - 1, rows.get(rows.size() - 1).index());
        assertConsistent(rows, mirror);
        rows.showOlder();
        assertFalse(rows.atLatest());
        assertConsistent(rows, mirror);
    }

    @Test
    void neverShowsFramesTheLogLetGoOf() {
        FrameLog log = new FrameLog(LogRows.WINDOW + 1000, Long.MAX_VALUE);
        LogRows rows = new LogRows(log, LogView.FRAMES);
        List<Integer> mirror = mirror(rows);
        append(log, 3 * LogRows.WINDOW);
        rows.catchUp();
        assertTrue(log.firstRetained() > 0);
        assertTrue(rows.get(0).index() >= log.firstRetained(), "the window starts at a held frame");
        rows.showOldest();
        assertEquals(log.firstRetained(), rows.get(0).index());
        assertConsistent(rows, mirror);
        append(log, 3 * LogRows.WINDOW);
        rows.catchUp();
        String preview = rows.get(0).preview();
        assertTrue(preview.startsWith("message ") || preview.startsWith("(no longer held"), preview);
        rows.showOldest();
        assertEquals(log.firstRetained(), rows.get(0).index());
    }

    @Test
    void filtersNewMessagesAsTheyArrive() {
        FrameLog log = new FrameLog();
        append(log, 10);
        LogFilter onlySent = new LogFilter("", false, Set.of(Direction.SEND), Set.of(LogFilter.Kind.values()));
        LogRows rows = new LogRows(log, LogView.FRAMES, onlySent.matcher(log, LogView.FRAMES), new int[0], 0, 0);
        List<Integer> mirror = mirror(rows);
        rows.catchUp();
        assertEquals(5, rows.size());
        append(log, 10);
        rows.catchUp();
        assertEquals(10, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.direction() == Direction.SEND));
        assertConsistent(rows, mirror);
    }

    @Test
    void matchesSubstringsCaseInsensitivelyAndRegexes() {
        FrameLog log = new FrameLog();
        log.append(Frame.message(Direction.RECEIVE, Opcode.TEXT, "{\"Type\":\"ERROR\"}".getBytes(StandardCharsets.UTF_8), 0));
        log.append(Frame.message(Direction.RECEIVE, Opcode.TEXT, "ok".getBytes(StandardCharsets.UTF_8), 1));
        log.append(Frame.message(Direction.SEND, Opcode.BINARY, new byte[] {(byte) 0xca, (byte) 0xfe}, 2));
        var all = Set.of(Direction.values());
        var kinds = Set.of(LogFilter.Kind.values());
        assertTrue(new LogFilter("error", false, all, kinds).matcher(log, LogView.FRAMES).test(0));
        assertFalse(new LogFilter("error", false, all, kinds).matcher(log, LogView.FRAMES).test(1));
        assertFalse(new LogFilter("\"type\":\"E\\w+\"", true, all, kinds).matcher(log, LogView.FRAMES).test(0), "regex is case-sensitive");
        assertTrue(new LogFilter("\"Type\":\"E\\w+\"", true, all, kinds).matcher(log, LogView.FRAMES).test(0));
        assertTrue(new LogFilter("cafe", false, all, kinds).matcher(log, LogView.FRAMES).test(2), "binary matches on its hex");
        assertEquals("Unclosed group", new LogFilter("(", true, all, kinds).problem());
        assertFalse(new LogFilter("", false, all, Set.of(LogFilter.Kind.TEXT)).matcher(log, LogView.FRAMES).test(2));
    }

    @Test
    void previewsFramesOnOneLine() {
        assertEquals("a\u23CEb", LogRows.preview(Frame.message(Direction.SEND, Opcode.TEXT, "a\nb".getBytes(), 0)));
        assertEquals("00 ff", LogRows.preview(Frame.message(Direction.SEND, Opcode.BINARY, new byte[] {0, (byte) 0xff}, 0)));
        assertEquals("1001 Going Away: bye", LogRows.preview(Frame.close(Direction.RECEIVE, 1001, "bye", 0)));
    }

    @Test
    void theDeltaOfAReplyCountsFromTheMessageSentBeforeItAndOthersFromTheRowAbove() {
        FrameLog log = new FrameLog();
        log.append(Frame.message(Direction.SEND, Opcode.TEXT, "ask".getBytes(StandardCharsets.UTF_8), 1_000));
        log.append(Frame.message(Direction.RECEIVE, Opcode.TEXT, "part 1".getBytes(StandardCharsets.UTF_8), 1_850));
        log.append(Frame.message(Direction.RECEIVE, Opcode.TEXT, "part 2".getBytes(StandardCharsets.UTF_8), 13_300));
        log.append(Frame.message(Direction.SEND, Opcode.TEXT, "later".getBytes(StandardCharsets.UTF_8), 2_500_000));
        LogRows rows = new LogRows(log, LogView.MESSAGES);
        rows.catchUp();
        assertEquals("", LogDeltas.text(rows, 0, rows.get(0)));
        assertEquals("+850 \u00b5s", LogDeltas.text(rows, 1, rows.get(1)), "reply latency in microseconds");
        assertEquals("+12.3 ms", LogDeltas.text(rows, 2, rows.get(2)), "still counted from the request");
        assertEquals("+2.49 s", LogDeltas.text(rows, 3, rows.get(3)), "a sent message: from the row above");
    }

    @Test
    void theFiltersFirstMatchIsFoundForHighlightingAndAnEmptyMatchIsNot() {
        java.util.regex.Pattern word = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("eth"),
                java.util.regex.Pattern.CASE_INSENSITIVE);
        assertArrayEquals(new int[] {11, 14}, LogFilter.firstMatch(word, "{\"symbol\":\"ETH-USD\"}"));
        assertArrayEquals(new int[] {2, 3}, LogFilter.firstMatch(java.util.regex.Pattern.compile("x*y"), "aay"));
        assertNull(LogFilter.firstMatch(java.util.regex.Pattern.compile("z*"), "abc"), "nothing to highlight in an empty match");
        assertNull(LogFilter.firstMatch(null, "abc"));
    }

    @Test
    void aBinaryHeartbeatIsShownAsHexAndATextOneAsText() {
        // 0x24 0x00 0x01 is valid UTF-8, but "$" and two control characters print as boxes.
        assertEquals("24 00 01 ff", LogRows.preview(Frame.message(Direction.RECEIVE, Opcode.PING,
                new byte[] {0x24, 0x00, 0x01, (byte) 0xff}, 0)));
        assertEquals("24 00 01", LogRows.preview(Frame.message(Direction.RECEIVE, Opcode.PONG, new byte[] {0x24, 0, 1}, 0)));
        assertEquals("heartbeat", LogRows.preview(Frame.message(Direction.SEND, Opcode.PING, "heartbeat".getBytes(), 0)));
    }
}
