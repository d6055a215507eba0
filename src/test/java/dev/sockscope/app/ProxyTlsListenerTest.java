package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the proxy's TLS side accepts, asked by openssl as a client that offers the weak things on
 * purpose (security level 0): TLS 1.0 and 1.1 get a protocol-version alert, suites without AEAD or
 * forward secrecy a handshake failure; TLS 1.2 with an ECDHE AEAD suite and TLS 1.3 connect. The
 * same settings serve CONNECT interception and reverse mode's wss://; reverse mode is asked here
 * because openssl reaches it directly. (Debian's openssl 3 has no SSLv3 or SSLv2 to offer at all.)
 */
class ProxyTlsListenerTest {
    @TempDir
    Path dir;

    @Test
    void offersOnlyTls12And13WithAeadSuites() throws Exception {
        try (AppContext app = new AppContext(dir.resolve("data"));
                ProxyService.Running proxy = ProxyService.start(app, ProxyService.Settings.loopback(0, "tls")
                        .reversing("ws://127.0.0.1:9", true))) {
            int port = proxy.address().getPort();
            assertTrue(handshake(port, "-tls1", "-cipher", "DEFAULT@SECLEVEL=0").contains("alert protocol version"));
            assertTrue(handshake(port, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0").contains("alert protocol version"));
            for (String weak : List.of("AES128-SHA", "AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384")) {
                String out = handshake(port, "-tls1_2", "-cipher", weak + "@SECLEVEL=0");
                assertTrue(out.contains("alert handshake failure"), weak + ": " + out);
            }
            assertTrue(handshake(port, "-tls1_2").contains("New, TLSv1.2, Cipher is ECDHE-ECDSA-AES"));
            assertTrue(handshake(port, "-tls1_3").contains("New, TLSv1.3, Cipher is TLS_AES_"));
        }
    }

    private String handshake(int port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost"));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }
}
