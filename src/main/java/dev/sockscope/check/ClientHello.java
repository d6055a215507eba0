package dev.sockscope.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * A TLS ClientHello record offering exactly one protocol version and the given suites, as a
 * browser would word it otherwise (SNI, groups, signature algorithms; for TLS 1.3 the
 * supported_versions and an X25519 key share). Sans-IO: bytes in, nothing sent.
 */
public final class ClientHello {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** TLS_EMPTY_RENEGOTIATION_INFO_SCSV: what every modern client sends, so the server sees an ordinary hello. */
    private static final int RENEGOTIATION_SCSV = 0x00FF;
    private static final int[] GROUPS = {0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101};
    private static final int[] SIGNATURES = {0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601,
        0x0203, 0x0201, 0x0402, 0x0202};

    private ClientHello() {
    }

    /**
     * @param sniHost the server name to send, or null (an IP address gets none, as RFC 6066 says)
     */
    public static byte[] build(TlsVersion version, List<CipherSuite> suites, String sniHost) {
        Bytes body = new Bytes();
        body.u16(version == TlsVersion.TLS_1_3 ? TlsVersion.TLS_1_2.code() : version.code());
        body.raw(random(32));
        body.u8(32);
        body.raw(random(32));
        body.u16(2 * suites.size() + (version == TlsVersion.TLS_1_3 ? 0 : 2));
        suites.forEach(s -> body.u16(s.code()));
        if (version != TlsVersion.TLS_1_3) {
            body.u16(RENEGOTIATION_SCSV);
        }
        body.u8(1);
        body.u8(0);
        if (version != TlsVersion.SSL_3_0) {
            byte[] extensions = extensions(version, sniHost);
            body.u16(extensions.length);
            body.raw(extensions);
        }
        byte[] hello = body.toByteArray();
        Bytes record = new Bytes();
        record.u8(0x16);
        record.u16(version == TlsVersion.SSL_3_0 ? TlsVersion.SSL_3_0.code() : TlsVersion.TLS_1_0.code());
        record.u16(hello.length + 4);
        record.u8(1);
        record.u24(hello.length);
        record.raw(hello);
        return record.toByteArray();
    }

    private static byte[] extensions(TlsVersion version, String sniHost) {
        Bytes ext = new Bytes();
        if (sniHost != null && !sniHost.isEmpty() && !isIpLiteral(sniHost)) {
            byte[] name = sniHost.getBytes(StandardCharsets.US_ASCII);
            ext.u16(0x0000);
            ext.u16(name.length + 5);
            ext.u16(name.length + 3);
            ext.u8(0);
            ext.u16(name.length);
            ext.raw(name);
        }
        ext.u16(0x000a);
        ext.u16(2 + 2 * GROUPS.length);
        ext.u16(2 * GROUPS.length);
        for (int group : GROUPS) {
            ext.u16(group);
        }
        ext.u16(0x000b);
        ext.u16(2);
        ext.u8(1);
        ext.u8(0);
        ext.u16(0x000d);
        ext.u16(2 + 2 * SIGNATURES.length);
        ext.u16(2 * SIGNATURES.length);
        for (int signature : SIGNATURES) {
            ext.u16(signature);
        }
        if (version == TlsVersion.TLS_1_3) {
            ext.u16(0x002b);
            ext.u16(3);
            ext.u8(2);
            ext.u16(TlsVersion.TLS_1_3.code());
            // A share for X25519: any 32 bytes are a valid public key, and the handshake is never finished.
            ext.u16(0x0033);
            ext.u16(2 + 2 + 2 + 32);
            ext.u16(2 + 2 + 32);
            ext.u16(0x001d);
            ext.u16(32);
            ext.raw(random(32));
            ext.u16(0x002d);
            ext.u16(2);
            ext.u8(1);
            ext.u8(1);
        }
        return ext.toByteArray();
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Big-endian writing of the TLS length and number fields. */
    private static final class Bytes extends ByteArrayOutputStream {
        void u8(int value) {
            write(value & 0xFF);
        }

        void u16(int value) {
            u8(value >>> 8);
            u8(value);
        }

        void u24(int value) {
            u8(value >>> 16);
            u16(value);
        }

        void raw(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }
    }
}
