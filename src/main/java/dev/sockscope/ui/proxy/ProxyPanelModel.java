package dev.sockscope.ui.proxy;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.LiveConnection;
import dev.sockscope.app.ProxyService;
import dev.sockscope.core.Origin;
import dev.sockscope.ui.fx.Background;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The proxy as the window runs it: started and stopped off the FX thread, its address while it
 * listens, why it could not start, and the connections it relays, refreshed on {@link #pulse}.
 */
public final class ProxyPanelModel {
    public enum State { STOPPED, STARTING, RUNNING, STOPPING }

    /** The HTTP list shows the newest this many requests. */
    static final int MAX_HTTP_SHOWN = 500;

    private final AppContext app;
    private final Background background;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STOPPED);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<ProxiedRow> rows = FXCollections.observableArrayList();
    /** The plain HTTP requests it relayed into its session, newest last, read from the recording. */
    private final ObservableList<dev.sockscope.core.HttpExchange> http = FXCollections.observableArrayList();
    private final dev.sockscope.ui.fx.TaskSlot httpReading;
    private String recordingInto;
    private int pulses;
    private ProxyService.Running running;
    private final javafx.beans.property.IntegerProperty port =
            new javafx.beans.property.SimpleIntegerProperty(dev.sockscope.app.Settings.DEFAULT_PROXY_PORT);

    public ProxyPanelModel(AppContext app, Background background) {
        this.app = app;
        this.background = background;
        this.httpReading = background.slot();
    }

    /** The port to listen on from the next start (0 picks a free one). */
    public void setPort(int port) {
        this.port.set(port);
    }

    /** The port the next start listens on; saved with the window's settings. */
    public javafx.beans.property.IntegerProperty portProperty() {
        return port;
    }

    /** Starts the proxy on loopback, recording into the window's current session. */
    public void start() {
        if (state.get() != State.STOPPED) {
            return;
        }
        state.set(State.STARTING);
        problem.set("");
        app.live().showProxied();
        String session = app.sessions().currentSession();
        recordingInto = session;
        int listenOn = port.get();
        background.run(control -> ProxyService.start(app, ProxyService.Settings.loopback(listenOn, session)), started -> {
            running = started;
            address.set(started.address().getHostString() + ":" + started.address().getPort());
            state.set(State.RUNNING);
        }, failed -> {
            String why = failed.getMessage() == null ? "" : failed.getMessage();
            problem.set(why.contains("the port is in use")
                    ? "Port " + listenOn + " is in use by another program: choose another port above and switch the proxy on again."
                    : "The proxy did not start: " + why);
            state.set(State.STOPPED);
        });
    }

    /** Stops the proxy: its WebSockets are closed with 1001 on both sides. */
    public void stop() {
        if (state.get() != State.RUNNING) {
            return;
        }
        state.set(State.STOPPING);
        ProxyService.Running stopping = running;
        running = null;
        background.run(control -> {
            stopping.close();
            return null;
        }, done -> {
            address.set("");
            state.set(State.STOPPED);
            readHttp();
        }, failed -> {
            address.set("");
            problem.set("The proxy did not stop cleanly: " + failed.getMessage());
            state.set(State.STOPPED);
        });
    }

    /**
     * Stops the proxy at once, for the app's exit: its connections are closed before the recording
     * is, so their ends are recorded. Blocks briefly; the window is going away.
     */
    public void stopNow() {
        ProxyService.Running stopping = running;
        running = null;
        if (stopping != null) {
            stopping.close();
        }
        address.set("");
        state.set(State.STOPPED);
    }

    /** Reads the proxied connections again (a few times a second, from the window's pulse). FX thread. */
    public void pulse() {
        List<ProxiedRow> now = new ArrayList<>();
        for (LiveConnection live : app.live().all()) {
            if (live.origin() == Origin.PROXY || live.origin() == Origin.REVERSE_PROXY) {
                now.add(ProxiedRow.of(live));
            }
        }
        if (!now.equals(rows)) {
            rows.setAll(now);
        }
        // The HTTP requests are read from the recording, so once a second while it runs, off the FX thread.
        if (state.get() == State.RUNNING && pulses++ % 4 == 0) {
            readHttp();
        }
    }

    private void readHttp() {
        if (recordingInto != null) {
            String session = recordingInto;
            httpReading.submit(control -> app.queries().httpRequestsOf(session), found -> {
                List<dev.sockscope.core.HttpExchange> newest = found.subList(Math.max(0, found.size() - MAX_HTTP_SHOWN),
                        found.size());
                if (!newest.equals(http)) {
                    http.setAll(newest);
                }
            }, failed -> problem.set("Cannot read the HTTP requests: " + failed.getMessage()));
        }
    }

    /** The plain HTTP requests through the proxy (not upgrades), newest last. */
    public ObservableList<dev.sockscope.core.HttpExchange> http() {
        return http;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "HOST:PORT" while it listens, else empty. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<ProxiedRow> rows() {
        return rows;
    }
}
