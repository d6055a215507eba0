package dev.sockscope.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.tls.CertificateBuilder;
import dev.sockscope.tls.IssuedCertificate;
import dev.sockscope.tls.InterceptTls;
import dev.sockscope.tls.LeafIssuer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An app that never finishes its request head gets 408 and is closed, and the proxy takes the next one. */
class HeadTimeoutTest {
    @Test
    void anUnfinishedHeadIsAnsweredWith408AndClosed() throws Exception {
        IssuedCertificate ca = new CertificateBuilder().commonName("test CA").certificateAuthority(0).build();
        LeafIssuer leaves = new LeafIssuer(ca);
        AtomicLong ids = new AtomicLong();
        EventSink events = new EventSink() {
            @Override
            public long newConnectionId() {
                return ids.incrementAndGet();
            }

            @Override
            public void publish(SessionEvent event) {
                // nothing is recorded here: no upgrade is ever asked for
            }
        };
        ProxyConfig config = new ProxyConfig("127.0.0.1", 0, "t", ProxyConfig.DEFAULT_MAX_MESSAGE,
                new TrustOptions(null, Set.of()), List.of(), null, false, Set.of(), Duration.ofMillis(500));
        try (ProxyServer proxy = ProxyServer.start(config, events, new InterceptTls(ca, leaves));
                Socket slow = new Socket(InetAddress.getLoopbackAddress(), proxy.address().getPort())) {
            slow.setSoTimeout(10_000);
            slow.getOutputStream().write("GET http://example.test/ HTTP/1.1\r\nHost: exa".getBytes(StandardCharsets.US_ASCII));
            InputStream in = slow.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
            assertTrue(answer.endsWith("no complete request within 0.5 s\n"), answer);
            dev.sockscope.testing.Eventually.eventually(Duration.ofSeconds(5), "the connection let go",
                    () -> proxy.openConnections() == 0);
        }
    }
}
