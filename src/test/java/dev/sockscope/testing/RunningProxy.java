package dev.sockscope.testing;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.ProxyService;
import dev.sockscope.core.SessionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sockscope's proxy as the app runs it, for tests: a real recording (H2 in {@code dir/data}), the
 * proxy on 127.0.0.1:0 trusting the test CA upstream, and every event it publishes, in order.
 */
public final class RunningProxy implements AutoCloseable {
    private final AppContext app;
    private final ProxyService.Running proxy;
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private final AutoCloseable watching;

    private RunningProxy(Path dir, String session, TestPki pki, dev.sockscope.app.RuleBook rules) throws Exception {
        app = new AppContext(dir.resolve("data"));
        watching = app.registry().subscribe(events::add);
        proxy = ProxyService.start(app, new ProxyService.Settings("127.0.0.1", 0, session, 1 << 20,
                pki.writeRootPem(dir), List.of()), rules);
    }

    /** Starts the proxy recording into {@code session}; close it after the test. */
    public static RunningProxy start(Path dir, String session, TestPki pki) throws Exception {
        return new RunningProxy(dir, session, pki, dev.sockscope.app.RuleBook.empty());
    }

    /** The same, applying these interception rules. */
    public static RunningProxy start(Path dir, String session, TestPki pki, dev.sockscope.app.RuleBook rules) throws Exception {
        return new RunningProxy(dir, session, pki, rules);
    }

    public AppContext app() {
        return app;
    }

    public ProxyService.Running proxy() {
        return proxy;
    }

    public int port() {
        return proxy.address().getPort();
    }

    /** Every event so far, live (events keep arriving). */
    public List<SessionEvent> events() {
        return events;
    }

    /** The events of one kind so far, in order. */
    public <T extends SessionEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits (10 s at most) for the first event of a kind. */
    public <T extends SessionEvent> T awaitFirst(Class<T> type) throws Exception {
        Eventually.eventually(Duration.ofSeconds(10), "a " + type.getSimpleName() + " event", () -> !all(type).isEmpty());
        return all(type).get(0);
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        watching.close();
        app.close();
    }
}
