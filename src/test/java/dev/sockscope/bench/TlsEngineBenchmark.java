package dev.sockscope.bench;

import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.IssuedCertificate;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The JDK's SSLEngine against BoringSSL (netty-tcnative) for what the proxy asks of TLS, without
 * sockets, so the two engines are compared and not the machine's scheduling: full handshakes
 * (an EC P-256 leaf, TLS 1.3, as the proxy's app leg), and relaying one 1 KiB message one way
 * (one engine unwraps what the app sent, the other wraps it for the server), with the settings
 * the proxy uses. Prints each provider's figures and the ratio.
 */
public final class TlsEngineBenchmark {
    private static final int HANDSHAKES = Integer.getInteger("handshakes", 1_000);
    private static final int MESSAGES = Integer.getInteger("messages", 300_000);
    private static final List<String> SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

    private TlsEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!OpenSsl.isAvailable()) {
            System.out.println("BoringSSL is not available here: " + OpenSsl.unavailabilityCause());
            return;
        }
        TestPki pki = new TestPki();
        System.out.println("BoringSSL " + OpenSsl.versionString() + " against the JDK " + System.getProperty("java.version"));
        double[] jdk = null;
        for (int round = 0; round < 2; round++) {
            for (SslProvider provider : new SslProvider[] {SslProvider.JDK, SslProvider.OPENSSL}) {
                double[] r = measure(provider, pki);
                if (round == 0) {
                    continue; // the first round warms both up
                }
                jdk = provider == SslProvider.JDK ? r : jdk;
                System.out.printf(Locale.ROOT, "  %-8s handshake p50 %6.0f us p99 %6.0f us   1 KiB relayed one way: %5.2f us"
                        + " (%,.0f MB/s)   %s%n", provider, r[0], r[1], r[2], 1024 / r[2], provider == SslProvider.JDK ? ""
                        : String.format(Locale.ROOT, "handshake %.2fx, relay %.2fx the JDK's speed", jdk[0] / r[0], jdk[2] / r[2]));
            }
        }
    }

    /** Returns handshake p50 and p99 (microseconds) and microseconds per 1 KiB message relayed one way. */
    private static double[] measure(SslProvider provider, TestPki pki) throws Exception {
        IssuedCertificate leaf = pki.localhostLeaf();
        SslContext server = SslContextBuilder.forServer(leaf.keyPair().getPrivate(), leaf.certificate())
                .sslProvider(provider).protocols("TLSv1.3", "TLSv1.2").ciphers(SUITES).build();
        SslContext client = SslContextBuilder.forClient().trustManager(pki.root().certificate())
                .sslProvider(provider).protocols("TLSv1.3", "TLSv1.2").ciphers(SUITES).build();
        double[] times = new double[HANDSHAKES];
        for (int i = 0; i < HANDSHAKES; i++) {
            SSLEngine c = client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 443);
            SSLEngine s = server.newEngine(ByteBufAllocator.DEFAULT);
            long start = System.nanoTime();
            handshake(c, s);
            times[i] = (System.nanoTime() - start) / 1e3;
        }
        Arrays.sort(times);
        // The relay: the app's engine (a server engine at the proxy) unwraps, the upstream one (a client engine) wraps.
        SSLEngine appSide = client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 443);
        SSLEngine proxyFromApp = server.newEngine(ByteBufAllocator.DEFAULT);
        SSLEngine proxyToServer = client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 443);
        SSLEngine serverSide = server.newEngine(ByteBufAllocator.DEFAULT);
        handshake(appSide, proxyFromApp);
        handshake(proxyToServer, serverSide);
        ByteBuffer message = ByteBuffer.allocateDirect(1024);
        ByteBuffer wire = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer plain = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer onward = ByteBuffer.allocateDirect(64 * 1024);
        relayTime(appSide, proxyFromApp, proxyToServer, message, wire, plain, onward); // warm-up
        double perMessage = relayTime(appSide, proxyFromApp, proxyToServer, message, wire, plain, onward);
        return new double[] {times[HANDSHAKES / 2], times[HANDSHAKES * 99 / 100], perMessage};
    }

    /** Microseconds the proxy's two engines spend per message (unwrap from the app, wrap for the server). */
    private static double relayTime(SSLEngine appSide, SSLEngine fromApp, SSLEngine toServer, ByteBuffer message,
            ByteBuffer wire, ByteBuffer plain, ByteBuffer onward) throws SSLException {
        long spent = 0;
        for (int i = 0; i < MESSAGES; i++) {
            message.clear();
            wire.clear();
            appSide.wrap(message, wire);
            wire.flip();
            plain.clear();
            onward.clear();
            long t = System.nanoTime();
            fromApp.unwrap(wire, plain);
            plain.flip();
            toServer.wrap(plain, onward);
            spent += System.nanoTime() - t;
        }
        return spent / 1e3 / MESSAGES;
    }

    /** Runs a handshake between two engines in memory. */
    private static void handshake(SSLEngine c, SSLEngine s) throws SSLException {
        ByteBuffer toServer = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer toClient = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
        c.beginHandshake();
        s.beginHandshake();
        for (int i = 0; i < 100 && !(finished(c) && finished(s)); i++) {
            step(c, toClient, toServer, sink);
            step(s, toServer, toClient, sink);
        }
        if (!(finished(c) && finished(s))) {
            throw new SSLException("the handshake did not finish: " + c.getHandshakeStatus() + " / " + s.getHandshakeStatus());
        }
    }

    private static boolean finished(SSLEngine e) {
        HandshakeStatus hs = e.getHandshakeStatus();
        return hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED;
    }

    private static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer sink) throws SSLException {
        for (int guard = 0; guard < 10; guard++) {
            switch (e.getHandshakeStatus()) {
                case NEED_WRAP -> e.wrap(ByteBuffer.allocate(0), out);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    int before = in.remaining();
                    sink.clear();
                    e.unwrap(in, sink);
                    boolean progressed = in.remaining() < before;
                    in.compact();
                    if (!progressed) {
                        return;
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = e.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }
}
