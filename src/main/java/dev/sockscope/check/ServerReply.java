package dev.sockscope.check;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a server answered a {@link ClientHello}: a ServerHello (the version and suite it chose), an
 * alert, or something that is not TLS. Reads only as far as the ServerHello.
 */
public sealed interface ServerReply {
    /** The server went on with the handshake: this version and suite. */
    record Hello(TlsVersion version, int versionCode, CipherSuite suite, boolean retryRequest) implements ServerReply {
    }

    /** The server refused with a TLS alert. */
    record Alert(int level, int description) implements ServerReply {
        public String describe() {
            return "alert " + description + " " + ALERTS.getOrDefault(description, "(unknown)");
        }
    }

    /** No ServerHello: the connection closed, or what came back was not TLS. */
    record NoHello(String what) implements ServerReply {
    }

    Map<Integer, String> ALERTS = Map.ofEntries(Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"),
            Map.entry(40, "handshake_failure"), Map.entry(47, "illegal_parameter"), Map.entry(50, "decode_error"),
            Map.entry(70, "protocol_version"), Map.entry(71, "insufficient_security"), Map.entry(80, "internal_error"),
            Map.entry(86, "inappropriate_fallback"), Map.entry(109, "missing_extension"),
            Map.entry(112, "unrecognized_name"));

    /** SHA-256 of "HelloRetryRequest": the random of a TLS 1.3 server asking for another key share. */
    byte[] RETRY_RANDOM = HexFormat.of().parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    /** Reads records until the first handshake message or alert is whole. */
    static ServerReply read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        while (true) {
            byte[] header = new byte[5];
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return new NoHello(handshake.size() == 0 ? "the server closed the connection without a word"
                        : "the server closed the connection in the middle of its hello");
            }
            int type = header[0] & 0xFF;
            int length = (header[3] & 0xFF) << 8 | header[4] & 0xFF;
            if (type != 0x15 && type != 0x16 || header[1] != 3 || length > (1 << 14) + 2048) {
                return new NoHello("the server did not answer in TLS (it sent \"" + printable(header) + "…\")");
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (type == 0x15) {
                return payload.length >= 2 ? new Alert(payload[0] & 0xFF, payload[1] & 0xFF) : new NoHello("a truncated alert");
            }
            handshake.write(payload);
            byte[] sofar = handshake.toByteArray();
            if (sofar.length >= 4) {
                int bodyLength = (sofar[1] & 0xFF) << 16 | (sofar[2] & 0xFF) << 8 | sofar[3] & 0xFF;
                if (sofar.length >= 4 + bodyLength) {
                    if (sofar[0] != 2) {
                        return new NoHello("the server's first handshake message was of type " + sofar[0] + ", not a ServerHello");
                    }
                    return parseHello(Arrays.copyOfRange(sofar, 4, 4 + bodyLength));
                }
            }
        }
    }

    private static ServerReply parseHello(byte[] body) {
        try {
            int at = 0;
            int legacyVersion = (body[at] & 0xFF) << 8 | body[at + 1] & 0xFF;
            at += 2;
            boolean retry = Arrays.equals(Arrays.copyOfRange(body, at, at + 32), RETRY_RANDOM);
            at += 32;
            at += 1 + (body[at] & 0xFF);
            int suite = (body[at] & 0xFF) << 8 | body[at + 1] & 0xFF;
            at += 3;
            int version = legacyVersion;
            if (at + 2 <= body.length) {
                int end = at + 2 + ((body[at] & 0xFF) << 8 | body[at + 1] & 0xFF);
                at += 2;
                while (at + 4 <= end) {
                    int type = (body[at] & 0xFF) << 8 | body[at + 1] & 0xFF;
                    int length = (body[at + 2] & 0xFF) << 8 | body[at + 3] & 0xFF;
                    if (type == 0x002b && length == 2) {
                        version = (body[at + 4] & 0xFF) << 8 | body[at + 5] & 0xFF;
                    }
                    at += 4 + length;
                }
            }
            return new Hello(TlsVersion.of(version), version, CipherSuite.of(suite), retry);
        } catch (ArrayIndexOutOfBoundsException e) {
            return new NoHello("a ServerHello too short to read");
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return out.toString();
    }
}
