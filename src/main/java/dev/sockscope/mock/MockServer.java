package dev.sockscope.mock;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listens for mock clients and gives each a {@link MockConnection} on its own thread, until stopped. */
public final class MockServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MockServer.class);

    private final MockConfig config;
    private final ServerSocket listener;
    private final Set<MockConnection> open = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean stopping;

    private MockServer(MockConfig config, ServerSocket listener) {
        this.config = config;
        this.listener = listener;
    }

    /** Binds and starts accepting; throws with the reason when the address cannot be had. */
    public static MockServer start(MockConfig config) throws IOException {
        ServerSocket socket = config.tls() != null ? config.tls().getServerSocketFactory().createServerSocket()
                : new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 50);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        MockServer server = new MockServer(config, socket);
        Thread accept = new Thread(server::acceptLoop, "mock-accept-" + socket.getLocalPort());
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** The clients connected now. */
    public int connected() {
        return open.size();
    }

    /** The clients accepted since it started. */
    public int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!stopping) {
                    LOG.warn("the mock server stopped accepting: {}", e.getMessage());
                    config.notices().accept("the mock server stopped accepting clients: " + e.getMessage());
                }
                return;
            }
            accepted.incrementAndGet();
            MockConnection connection = new MockConnection(config, client, open::remove);
            open.add(connection);
            Thread t = new Thread(connection::run, "mock-" + client.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    /** Stops listening and ends every client's connection with 1001 Going Away. */
    @Override
    public void close() {
        stopping = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the mock listener", e);
        }
        for (MockConnection c : open) {
            c.goAway();
        }
        long deadline = System.currentTimeMillis() + 3_000;
        while (!open.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
