package dev.sockscope.check;

import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckRequest;
import dev.sockscope.core.CheckVerdict;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code message-size} item: after an upgrade as the request makes it, one binary message of
 * the size asked for (zeros, masked as a client must), then what the server does: answer, close
 * (1009 is the code for "too big"), drop the connection, or stay silent.
 */
final class MessageSizeCheck {
    static final String ID = "message-size";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageSizeCheck() {
    }

    static CheckItem run(CheckRequest request) {
        long size = request.messageSize();
        if (size <= 0) {
            return CheckItem.skipped(ID, "Off: it sends one real message of a size you choose (--message-size BYTES).");
        }
        UpgradeProbe probe = new UpgradeProbe(request);
        var url = request.url();
        List<String> evidence = new ArrayList<>();
        String head = probe.upgradeHead(url.host(), url.port(), url.resource(), request.headers());
        try (UpgradeProbe.Open open = probe.open(url.host(), url.port(), url.secure(), head)) {
            evidence.add("upgrade → " + open.response().describe());
            if (!open.response().upgraded()) {
                return new CheckItem(ID, CheckVerdict.SKIPPED, "The upgrade was refused, so no message could be sent.",
                        evidence, "");
            }
            String what = sendAndWatch(open, size);
            evidence.add("sent one binary message of " + size + " bytes → " + what);
            if (what.startsWith("answered") || what.startsWith("no answer")) {
                return new CheckItem(ID, CheckVerdict.WARN, "Accepts a message of " + size + " bytes.", evidence,
                        "Set a maximum message size the application needs and close with 1009 above it"
                        + " (ws: maxPayload; websockets: max_size; Spring: setMaxBinaryMessageBufferSize).");
            }
            return new CheckItem(ID, CheckVerdict.PASS, "Refuses a message of " + size + " bytes (" + what + ").", evidence, "");
        } catch (UpgradeProbe.ProbeFailure e) {
            return new CheckItem(ID, CheckVerdict.SKIPPED, "The upgrade could not be made: " + e.getMessage(), evidence, "");
        } catch (IOException e) {
            return new CheckItem(ID, CheckVerdict.SKIPPED, "The connection failed: " + e.getMessage(), evidence, "");
        }
    }

    private static String sendAndWatch(UpgradeProbe.Open open, long size) throws IOException {
        OutputStream out = open.socket().getOutputStream();
        try {
            writeFrame(out, size);
        } catch (IOException e) {
            // The server stopped reading: what it sent before is the answer.
            String after = readAnswer(new DataInputStream(open.socket().getInputStream()));
            return after.startsWith("no answer") ? "the connection was closed while sending" : after;
        }
        return readAnswer(new DataInputStream(open.socket().getInputStream()));
    }

    private static void writeFrame(OutputStream out, long size) throws IOException {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        out.write(0x82);
        if (size < 126) {
            out.write(0x80 | (int) size);
        } else if (size <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write((int) (size >>> 8));
            out.write((int) size);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (size >>> shift));
            }
        }
        out.write(mask);
        // Zeros masked are the mask repeated.
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = mask[i % 4];
        }
        for (long left = size; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        out.flush();
    }

    /** The first frame the server sends back, described; a silent server within the timeout too. */
    private static String readAnswer(DataInputStream in) throws IOException {
        try {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            int opcode = first & 0x0F;
            if (opcode == 0x8) {
                int code = length >= 2 ? in.readUnsignedShort() : 1005;
                return "the server closed with " + code + (code == 1009 ? " (message too big)" : "");
            }
            return "answered with a message (opcode " + opcode + ", " + length + " bytes)";
        } catch (EOFException e) {
            return "the server dropped the connection";
        } catch (SocketTimeoutException e) {
            return "no answer within the timeout, the connection still open";
        } catch (IOException e) {
            return "the server dropped the connection (" + e.getMessage() + ")";
        }
    }
}
