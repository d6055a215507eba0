package dev.sockscope.ui.connection;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;

/**
 * One row of the message log as the table shows it, made on demand from the packed log and
 * dropped after use: the log holds no row objects.
 *
 * @param index the frame's position in the connection's log (for a message: its last frame's)
 * @param type what the Type column says: the opcode, and for frames their FIN and RSV bits
 */
public record LogRow(int index, Direction direction, Opcode opcode, String type, long timestampMicros, int size,
        String preview) {
}
