package dev.sockscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * Prints what a connection carried. As lines (the default), one per message: {@code > } sent,
 * {@code < } received; text as it is, with line breaks written {@code \n} and {@code \r} so each
 * message stays on one line; binary as {@code [binary N bytes] HEX}; control frames as
 * {@code [ping]}, {@code [pong]}, {@code [close CODE REASON]}. As JSON Lines ({@code --jsonl}),
 * one object per wire frame, with its FIN and RSV bits, masking and payload.
 */
final class FramePrinter implements AutoCloseable {
    /** Output waits at most this long before it is flushed: a flood costs no write per line, a slow stream shows at once. */
    private static final long FLUSH_MILLIS = 50;
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final boolean jsonl;
    private final java.util.concurrent.ScheduledExecutorService flusher;
    /** True while something printed is not flushed yet. */
    private boolean pending;

    /** @param out where lines go; printed through a buffer of its own, so its autoflush cannot cost a write per line */
    FramePrinter(PrintWriter out, boolean jsonl) {
        this.out = new PrintWriter(new java.io.BufferedWriter(out, 1 << 16), false);
        this.jsonl = jsonl;
        this.flusher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "output-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Writes out what was printed and not yet flushed. */
    synchronized void flush() {
        if (pending) {
            pending = false;
            out.flush();
        }
    }

    /** Flushes and stops the periodic flush. */
    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }

    /** One frame from the wire and the message it completes (null for a fragment that ends none). */
    synchronized void print(Frame frame, Message completes) {
        if (jsonl) {
            out.println(json(frame));
        } else if (completes != null) {
            out.println((completes.direction() == Direction.SEND ? "> " : "< ") + describe(completes));
        } else {
            return;
        }
        pending = true;
    }

    static String describe(Message message) {
        byte[] payload = message.payload();
        return switch (message.opcode()) {
            case TEXT -> message.invalidUtf8At() < 0 ? oneLine(message.text())
                    : "[text " + payload.length + " bytes, invalid UTF-8 at byte " + message.invalidUtf8At() + "] " + Bytes.hex(payload);
            case BINARY, CONTINUATION -> "[binary " + payload.length + " bytes] " + Bytes.hex(payload);
            case PING, PONG -> "[" + message.opcode().label() + "]" + controlPayload(payload);
            case CLOSE -> payload.length == 1 ? "[close, 1-byte payload " + Bytes.hex(payload) + ", not a close code]"
                    : message.closeCode() < 0 ? "[close]"
                    : ("[close " + message.closeCode() + " " + oneLine(message.closeReason())).stripTrailing() + "]";
        };
    }

    /** Text on one line: CR and LF written as the two characters \r and \n. */
    static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String controlPayload(byte[] payload) {
        if (payload.length == 0) {
            return "";
        }
        return " " + (Utf8.isValid(payload) ? oneLine(Utf8.decode(payload)) : Bytes.hex(payload));
    }

    /** One wire frame as a JSON object (the {@code connect --jsonl} contract). */
    static String json(Frame frame) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("direction", frame.direction().wireName());
            json.writeStringField("opcode", frame.opcode().label());
            json.writeBooleanField("fin", frame.fin());
            json.writeBooleanField("rsv1", frame.rsv1());
            json.writeBooleanField("rsv2", frame.rsv2());
            json.writeBooleanField("rsv3", frame.rsv3());
            json.writeBooleanField("masked", frame.masked());
            if (frame.maskKey() >= 0) {
                json.writeStringField("maskKey", String.format("%08x", frame.maskKey()));
            }
            json.writeNumberField("size", frame.size());
            json.writeStringField("timestamp", MICROS.format(Clock.toInstant(frame.timestampMicros())));
            int invalid = Utf8.firstInvalid(frame.payload());
            if (frame.opcode() != Opcode.BINARY && invalid < 0) {
                json.writeStringField("text", frame.text());
            } else {
                json.writeStringField("base64", Bytes.base64(frame.payload()));
                if (frame.opcode() == Opcode.TEXT) {
                    json.writeNumberField("invalidUtf8At", invalid);
                }
            }
            if (frame.closeCode() >= 0) {
                json.writeNumberField("closeCode", frame.closeCode());
                json.writeStringField("closeReason", frame.closeReason());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
