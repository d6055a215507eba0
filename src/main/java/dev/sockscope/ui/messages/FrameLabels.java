package dev.sockscope.ui.messages;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words the detail header shows for a frame. Plain strings, no JavaFX. */
final class FrameLabels {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private FrameLabels() {
    }

    static String direction(Direction direction) {
        return direction == Direction.SEND ? "Sent" : "Received";
    }

    static String type(Opcode opcode) {
        return opcode.label();
    }

    /** "512 B", or "1.5 KiB (1,536 bytes)" when the short form rounds. */
    static String size(long bytes) {
        String human = Bytes.humanSize(bytes);
        return bytes < 1024 ? human : human + String.format(Locale.ROOT, " (%,d bytes)", bytes);
    }

    /** "2024-05-01 13:37:00.123456" in the given zone. */
    static String timestamp(long micros, ZoneId zone) {
        return TIMESTAMP.format(Clock.toInstant(micros).atZone(zone));
    }

    /** "1000 Normal Closure", or "no status code" for a close frame without one. */
    static String closeStatus(Frame frame) {
        int code = frame.closeCode();
        return code < 0 ? "no status code" : code + " " + CloseCode.describe(code);
    }

    /** "Showing first 256 KiB of 3.2 MiB". */
    static String cutNote(int cap, long total) {
        return "Showing first " + capSize(cap) + " of " + Bytes.humanSize(total);
    }

    /** "32 MiB" or "256 KiB" for whole units, else as {@link Bytes#humanSize}. */
    static String capSize(int cap) {
        if (cap >= 1 << 20 && cap % (1 << 20) == 0) {
            return (cap >> 20) + " MiB";
        }
        return cap >= 1024 && cap % 1024 == 0 ? cap / 1024 + " KiB" : Bytes.humanSize(cap);
    }
}
