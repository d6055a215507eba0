package dev.sockscope.ui.connection;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;

/**
 * One row of the message log as the table shows it, made on demand from the packed log and
 * dropped after use: the log holds no row objects.
 *
 * @param index the frame's position in the connection's log
 */
public record LogRow(int index, Direction direction, Opcode opcode, long timestampMicros, int size, String preview) {
}
