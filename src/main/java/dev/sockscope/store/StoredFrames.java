package dev.sockscope.store;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * How a wire frame, and the message it completes, are kept in a row of the frame table and read
 * back (see V5__wire_frames.sql for the columns). A frame that is a whole message by itself (nearly
 * all of them) stores its payload once; only a message that differs from its last frame (fragmented,
 * compressed) stores its own payload beside it.
 */
final class StoredFrames {
    /** Payloads up to this size are stored inline; larger ones in a BLOB. */
    static final int INLINE_LIMIT = 1_000_000;
    /** message_opcode of a fragment that does not end a message. */
    static final int NOT_A_MESSAGE = -1;
    /** Added to message_opcode when the message was compressed. */
    static final int COMPRESSED = 16;
    /** The rows that are messages (search, export and counts work on these). */
    static final String IS_MESSAGE = "(f.message_opcode IS NULL OR f.message_opcode >= 0)";

    static final String INSERT = "INSERT INTO frame(connection_id, seq, id, direction, opcode, fin, rsv, ts_us, size, payload,"
            + " payload_large, header, message_opcode, message_payload, message_payload_large, message_frames, leg)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The columns {@link #read} takes, in its order. */
    static final String COLUMNS = "f.direction, f.opcode, f.fin, f.rsv, f.ts_us, f.payload, f.payload_large, f.header,"
            + " f.message_opcode, f.message_payload, f.message_payload_large, f.message_frames";
    static final int COLUMN_COUNT = 12;

    /** What the search index hashes of a row: its message's opcode and payload, read by {@link #addSearchable}. */
    static final String SEARCHABLE_COLUMNS = "opcode, payload, payload_large, message_opcode, message_payload, message_payload_large";

    /** A row read back. */
    record Row(Frame frame, Message message) {
    }

    private StoredFrames() {
    }

    /** Binds every parameter of {@link #INSERT}. */
    static void bind(PreparedStatement ps, long connection, int seq, Leg leg, Frame frame, Message message) throws SQLException {
        ps.setLong(1, connection);
        ps.setInt(2, seq);
        ps.setLong(3, FrameKey.of(connection, seq));
        ps.setInt(4, frame.direction().ordinal());
        ps.setInt(5, frame.opcode().code());
        ps.setBoolean(6, frame.fin());
        ps.setInt(7, frame.rsv());
        ps.setLong(8, frame.timestampMicros());
        ps.setInt(9, frame.size());
        bindPayload(ps, 10, 11, frame.payload());
        if (frame.header().length > 0) {
            ps.setBytes(12, frame.header());
        } else {
            ps.setNull(12, Types.VARBINARY);
        }
        boolean ownPayload = message != null && !isFramePayload(frame, message);
        if (message == null) {
            ps.setInt(13, NOT_A_MESSAGE);
        } else if (ownPayload) {
            ps.setInt(13, message.opcode().code() + (message.compressed() ? COMPRESSED : 0));
        } else {
            ps.setNull(13, Types.TINYINT);
        }
        if (ownPayload) {
            bindPayload(ps, 14, 15, message.payload());
            ps.setInt(16, message.frames());
        } else {
            ps.setNull(14, Types.VARBINARY);
            ps.setNull(15, Types.BLOB);
            ps.setNull(16, Types.INTEGER);
        }
        if (leg == Leg.CLIENT) {
            ps.setInt(17, 0);
        } else {
            ps.setNull(17, Types.TINYINT);
        }
    }

    /** True when the message is the frame itself: same opcode, same bytes, one frame, not compressed. */
    private static boolean isFramePayload(Frame frame, Message message) {
        return message.isWholeFrame() && message.opcode() == frame.opcode()
                && (message.payload() == frame.payload() || java.util.Arrays.equals(message.payload(), frame.payload()));
    }

    private static void bindPayload(PreparedStatement ps, int inline, int large, byte[] payload) throws SQLException {
        if (payload.length <= INLINE_LIMIT) {
            ps.setBytes(inline, payload);
            ps.setNull(large, Types.BLOB);
        } else {
            ps.setNull(inline, Types.VARBINARY);
            ps.setBinaryStream(large, new ByteArrayInputStream(payload), payload.length);
        }
    }

    /** Adds the message a row completes (read from {@link #SEARCHABLE_COLUMNS} at {@code first}) to a block's signature. */
    static void addSearchable(BlockSignature signature, ResultSet rs, int first) throws SQLException {
        int code = rs.getInt(first + 3);
        if (rs.wasNull()) {
            signature.addFrame(Opcode.of(rs.getInt(first)), SearchIndex.payload(rs, first + 1, first + 2));
        } else if (code != NOT_A_MESSAGE) {
            signature.addFrame(Opcode.of(code & 0x0F), SearchIndex.payload(rs, first + 4, first + 5));
        }
    }

    /** Reads {@link #COLUMNS} starting at column {@code first}. */
    static Row read(ResultSet rs, int first) throws SQLException {
        Direction direction = Direction.values()[rs.getInt(first)];
        byte[] payload = SearchIndex.payload(rs, first + 5, first + 6);
        Frame frame = new Frame(direction, Opcode.of(rs.getInt(first + 1)), rs.getBoolean(first + 2), rs.getInt(first + 3),
                payload, rs.getLong(first + 4), rs.getBytes(first + 7));
        int code = rs.getInt(first + 8);
        if (rs.wasNull()) {
            return new Row(frame, Message.of(frame));
        }
        if (code == NOT_A_MESSAGE) {
            return new Row(frame, null);
        }
        byte[] message = SearchIndex.payload(rs, first + 9, first + 10);
        Opcode opcode = Opcode.of(code & 0x0F);
        int invalid = opcode == Opcode.TEXT ? Utf8.firstInvalid(message) : -1;
        return new Row(frame, new Message(direction, opcode, message, frame.timestampMicros(), Math.max(1, rs.getInt(first + 11)),
                (code & COMPRESSED) != 0, invalid));
    }
}
