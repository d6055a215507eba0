package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames at the edges of blocks, recorded through the real recorder into a real H2 file: a
 * message whose fragments land in different blocks, a 20 MB frame, empty frames, the frame limit
 * of a block, and pages that start and end inside blocks.
 */
class BlockBoundariesTest {
    private static final WsUrl URL = WsUrl.parse("ws://edges.test/");

    @TempDir
    Path dir;

    private static Frame text(String s, boolean fin, Opcode opcode, long micros) {
        byte[] payload = s.getBytes(StandardCharsets.UTF_8);
        return new Frame(Direction.RECEIVE, opcode, fin, 0, payload, micros, FrameEncoder.header(fin, 0, opcode.code(),
                payload.length, -1));
    }

    private static void start(Recorder recorder) {
        recorder.accept(new SessionEvent.Started(1, Origin.CLI, "edges", URL, 0));
        recorder.accept(new SessionEvent.Opened(1, URL, new Handshake("", "", null), null, "", Timings.NONE, 1));
    }

    private static List<RecordedFrame> all(Database db) {
        List<RecordedFrame> out = new ArrayList<>();
        new FrameQueries(db).byConnection(1, out::add);
        return out;
    }

    @Test
    void aMessageWhoseFragmentsAreWrittenInDifferentBlocksIsWholeWhereItEnds() throws Exception {
        try (Database db = Database.open(dir)) {
            try (Recorder recorder = new Recorder(db)) {
                start(recorder);
                recorder.accept(new SessionEvent.FrameEvent(1, Leg.UPSTREAM, text("split-", false, Opcode.TEXT, 10), null));
                // The writer flushes an open block after 100 ms: the first fragment is committed alone.
                Eventually.eventually(Duration.ofSeconds(10), "the first fragment committed", () -> recorder.recordedFrames() == 1);
                recorder.accept(new SessionEvent.FrameEvent(1, Leg.UPSTREAM, text("across-", false, Opcode.CONTINUATION, 11), null));
                Eventually.eventually(Duration.ofSeconds(10), "the second committed", () -> recorder.recordedFrames() == 2);
                recorder.accept(new SessionEvent.FrameEvent(1, Leg.UPSTREAM, text("blocks", true, Opcode.CONTINUATION, 12),
                        new Message(Direction.RECEIVE, Opcode.TEXT, "split-across-blocks".getBytes(StandardCharsets.UTF_8), 12, 3,
                                false, -1)));
                recorder.accept(new SessionEvent.Closed(1, 1000, "", dev.sockscope.core.ClosedBy.SERVER, 13));
            }
            assertEquals(3, count(db, "SELECT COUNT(*) FROM block"), "three blocks, one frame each");
            List<RecordedFrame> frames = all(db);
            assertEquals(3, frames.size());
            assertNull(frames.get(0).message());
            assertNull(frames.get(1).message());
            assertEquals("split-across-blocks", frames.get(2).message().text());
            assertEquals(3, frames.get(2).message().frames());
            List<RecordedFrame> found = new ArrayList<>();
            new FrameQueries(db).search(new SearchQuery("across-BLOCKS", false, null, null, 0), found::add);
            assertEquals(1, found.size(), "found once, whole, at the frame that completes it");
            assertEquals(1, new Sessions(db).list().get(0).frames(), "one message");
        }
    }

    @Test
    void aTwentyMegabyteFrameIsStoredWholeBetweenSmallOnes() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        new Random(20).nextBytes(big);
        try (Database db = Database.open(dir)) {
            try (Recorder recorder = new Recorder(db)) {
                start(recorder);
                recorder.accept(new SessionEvent.FrameEvent(1, text("before", true, Opcode.TEXT, 10)));
                Frame huge = new Frame(Direction.RECEIVE, Opcode.BINARY, true, 0, big, 11, FrameEncoder.header(true, 0, 2, big.length, -1));
                recorder.accept(new SessionEvent.FrameEvent(1, huge));
                recorder.accept(new SessionEvent.FrameEvent(1, text("after", true, Opcode.TEXT, 12)));
                recorder.accept(new SessionEvent.Closed(1, 1000, "", dev.sockscope.core.ClosedBy.SERVER, 13));
            }
            List<RecordedFrame> frames = all(db);
            assertEquals(3, frames.size());
            assertEquals("before", frames.get(0).frame().text());
            assertArrayEquals(big, frames.get(1).frame().payload(), "20 MB, byte for byte");
            assertArrayEquals(FrameEncoder.header(true, 0, 2, big.length, -1), frames.get(1).frame().header());
            assertEquals("after", frames.get(2).frame().text());
            assertTrue(count(db, "SELECT COUNT(*) FROM block WHERE body_large IS NOT NULL") >= 1, "a large body goes to a BLOB");
            List<RecordedFrame> page = new ArrayList<>();
            new FrameQueries(db).byConnection(1, 2, 2, page::add);
            assertEquals("after", page.get(0).frame().text(), "a page after the big block reads only what it needs");
            assertEquals(20L * 1024 * 1024 + 11, new Sessions(db).list().get(0).bytes());
        }
    }

    @Test
    void emptyFramesAndBlocksOfExactlyTheFrameLimitKeepEveryPosition() throws Exception {
        int total = FrameBlock.MAX_FRAMES * 2 + 5;
        try (Database db = Database.open(dir)) {
            try (Recorder recorder = new Recorder(db)) {
                start(recorder);
                for (int i = 0; i < total; i++) {
                    Frame frame = i % 7 == 0
                            ? new Frame(Direction.RECEIVE, i % 2 == 0 ? Opcode.BINARY : Opcode.PING, true, 0, new byte[0], 100 + i,
                                    FrameEncoder.header(true, 0, i % 2 == 0 ? 2 : 9, 0, -1))
                            : text("m" + i, true, Opcode.TEXT, 100 + i);
                    recorder.accept(new SessionEvent.FrameEvent(1, frame));
                }
                recorder.accept(new SessionEvent.Closed(1, 1000, "", dev.sockscope.core.ClosedBy.SERVER, 1));
            }
            List<RecordedFrame> frames = all(db);
            assertEquals(total, frames.size());
            for (int i = 0; i < total; i++) {
                assertEquals(i, frames.get(i).seq());
                assertEquals(i % 7 == 0 ? 0 : ("m" + i).length(), frames.get(i).frame().size(), "frame " + i);
            }
            // Pages that begin and end inside blocks, and cross their boundaries.
            for (int[] page : new int[][] {{0, 0}, {1023, 1024}, {1000, 2100}, {2047, 2052}, {2052, 5000}, {5000, 6000}}) {
                List<RecordedFrame> read = new ArrayList<>();
                new FrameQueries(db).byConnection(1, page[0], page[1], read::add);
                int expected = Math.max(0, Math.min(page[1], total - 1) - page[0] + 1);
                assertEquals(expected, read.size(), "page " + page[0] + ".." + page[1]);
                for (int i = 0; i < read.size(); i++) {
                    assertEquals(page[0] + i, read.get(i).seq());
                }
            }
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT frames, messages FROM connection WHERE id = 1")) {
                rs.next();
                assertEquals(total, rs.getLong(1));
                assertEquals(total, rs.getLong(2), "empty frames are messages too");
            }
        }
    }

    @Test
    void readersSeeAConsistentPrefixWhileTheRecorderWrites() throws Exception {
        int total = 60_000;
        try (Database db = Database.open(dir); Recorder recorder = new Recorder(db)) {
            start(recorder);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    recorder.awaitCapacity();
                    recorder.accept(new SessionEvent.FrameEvent(1, text("live-" + i, true, Opcode.TEXT, 100 + i)));
                }
            });
            writer.start();
            FrameQueries queries = new FrameQueries(db);
            int lastSeen = 0;
            int reads = 0;
            while (lastSeen < total) {
                // A search, then a page of everything: the page was read later, so it holds at least
                // every match the search saw.
                int matched = queries.search(new SearchQuery("live-1", false, null, null, 0), f -> { });
                List<RecordedFrame> frames = new ArrayList<>();
                queries.byConnection(1, frames::add);
                for (int i = 0; i < frames.size(); i++) {
                    assertEquals(i, frames.get(i).seq(), "no gap, no repeat");
                    assertEquals("live-" + i, frames.get(i).frame().text());
                }
                assertTrue(frames.size() >= lastSeen, "what was seen stays seen");
                lastSeen = frames.size();
                long inPage = frames.stream().filter(f -> f.frame().text().contains("live-1")).count();
                assertTrue(matched <= inPage, "a search sees a prefix of what was recorded: " + matched + " > " + inPage);
                reads++;
            }
            writer.join();
            assertTrue(reads > 2, "read " + reads + " times while the recorder wrote");
        }
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
