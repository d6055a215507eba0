package dev.sockscope.ui.proxy;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.BrowserLauncher;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.app.LiveConnection;
import dev.sockscope.app.ProxyPreferences;
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

    /**
     * The list keeps this many ended connections, with their frames; older ended ones are let go
     * (they are in the recording), so a proxy that runs all day does not fill the heap.
     */
    static final int MAX_ENDED_KEPT = 100;

    /** The HTTP list shows the newest this many requests. */
    static final int MAX_HTTP_SHOWN = 500;

    private final AppContext app;
    private final Background background;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STOPPED);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.SimpleIntegerProperty endedLetGo = new javafx.beans.property.SimpleIntegerProperty();
    /** What the settings pane could not take (empty when every field is right). */
    private final javafx.beans.property.StringProperty settingsProblem = new javafx.beans.property.SimpleStringProperty("");
    private final java.util.Set<BrowserLauncher.Launched> browsers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** True when the last start failed because the port was taken: the view offers a free port. */
    private final javafx.beans.property.BooleanProperty portInUse = new javafx.beans.property.SimpleBooleanProperty();
    private final ObservableList<ProxiedRow> rows = FXCollections.observableArrayList();
    /** The plain HTTP requests it relayed into its session, newest last, read from the recording. */
    private final ObservableList<dev.sockscope.core.HttpExchange> http = FXCollections.observableArrayList();
    private final dev.sockscope.ui.fx.TaskSlot httpReading;
    private String recordingInto;
    /** The settings the proxy last started with: its connections were made under them. */
    private ProxyPreferences startedWith;
    private int pulses;
    private ProxyService.Running running;
    private final InterceptModel intercept;
    private final javafx.beans.property.ObjectProperty<ProxyPreferences> preferences =
            new javafx.beans.property.SimpleObjectProperty<>(ProxyPreferences.defaults());

    public ProxyPanelModel(AppContext app, Background background) {
        this.app = app;
        this.background = background;
        this.httpReading = background.slot();
        this.intercept = new InterceptModel(app, background);
    }

    /** A text message of the user's on a live proxied connection, to the server (SEND) or the app; false when it ended. */
    public boolean sendByHand(long connectionId, dev.sockscope.core.Direction direction, byte[] text) {
        return running != null && running.sendByHand(connectionId, direction, dev.sockscope.core.Opcode.TEXT, text);
    }

    /** Closes one side of a live proxied connection with a code; false when it ended. */
    public boolean closeByHand(long connectionId, boolean appSide, int code, String reason) {
        return running != null && running.closeByHand(connectionId, appSide, code, reason);
    }

    /** The rules and the messages held at breakpoints. */
    public InterceptModel intercept() {
        return intercept;
    }

    /** The port to listen on from the next start (0 picks a free one). */
    public void setPort(int port) {
        preferences.set(preferences.get().withPort(port));
    }

    /** How the next start sets the proxy up; saved with the window's settings. */
    public javafx.beans.property.ObjectProperty<ProxyPreferences> preferencesProperty() {
        return preferences;
    }

    /** Starts the proxy as the preferences say, recording into the window's current session. */
    public void start() {
        if (state.get() != State.STOPPED) {
            return;
        }
        if (!settingsProblem.get().isEmpty()) {
            problem.set("Fix the settings first (" + settingsProblem.get() + "): the proxy would run otherwise than they show.");
            portInUse.set(false);
            return;
        }
        state.set(State.STARTING);
        problem.set("");
        portInUse.set(false);
        app.live().showProxied();
        String session = app.sessions().currentSession();
        recordingInto = session;
        ProxyPreferences setup = preferences.get();
        startedWith = setup;
        int listenOn = setup.port();
        background.run(control -> ProxyService.start(app, setup.toService(session), app.rules()), started -> {
            running = started;
            address.set(started.address().getHostString() + ":" + started.address().getPort());
            state.set(State.RUNNING);
        }, failed -> {
            String why = failed.getMessage() == null ? "" : failed.getMessage();
            // The service names the command line's flag; the window's user set it in the settings.
            why = why.startsWith("--ca-file ") ? "the upstream CA file " + why.substring("--ca-file ".length()) : why;
            problem.set(why.contains("the port is in use")
                    ? "Port " + listenOn + " is in use by another program: choose another port in the settings (0 picks any"
                            + " free one) and switch the proxy on again."
                    : "The proxy did not start: " + why);
            portInUse.set(why.contains("the port is in use"));
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
        // A browser opened through the proxy is of no use without it, and its profile must go.
        for (BrowserLauncher.Launched browser : browsers) {
            browser.stop();
        }
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
        List<LiveConnection> proxied = proxiedConnections();
        letGoOfOldEnded(proxied, MAX_ENDED_KEPT);
        List<ProxiedRow> now = new ArrayList<>();
        for (LiveConnection live : proxied) {
            now.add(ProxiedRow.of(live));
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

    /**
     * Lets go of the oldest ended connections beyond {@code keep} (a tab that shows one keeps its
     * own reference, so an open view is not affected). Removes them from {@code proxied}.
     */
    private void letGoOfOldEnded(List<LiveConnection> proxied, int keep) {
        List<LiveConnection> ended = proxied.stream().filter(c -> c.end() != null).toList();
        for (int i = 0; i < ended.size() - keep; i++) {
            app.live().release(ended.get(i).id());
            proxied.remove(ended.get(i));
            endedLetGo.set(endedLetGo.get() + 1);
        }
    }

    /** The proxy's connections the app follows now, oldest first (a list of our own, to edit). */
    private List<LiveConnection> proxiedConnections() {
        List<LiveConnection> proxied = new ArrayList<>();
        for (LiveConnection live : app.live().all()) {
            if (live.origin() == Origin.PROXY || live.origin() == Origin.REVERSE_PROXY) {
                proxied.add(live);
            }
        }
        return proxied;
    }

    /** Lets go of every ended connection now ("Clear ended"); they stay in the recording. */
    public void clearEnded() {
        List<LiveConnection> proxied = proxiedConnections();
        letGoOfOldEnded(proxied, 0);
        pulse();
    }

    /** How many ended connections the list has let go of (they are in the recording). */
    public javafx.beans.property.ReadOnlyIntegerProperty endedLetGoProperty() {
        return endedLetGo;
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

    public javafx.beans.property.ReadOnlyBooleanProperty portInUseProperty() {
        return portInUse;
    }

    /** Starts again on any free port (the way on from a port in use). */
    public void startOnAnyFreePort() {
        setPort(0);
        start();
    }

    /**
     * Launches Chromium or Chrome through the proxy with a fresh profile trusting Sockscope's CA by
     * its key, starting the proxy first when it is stopped; what happened is said in {@link #noticeProperty}.
     *
     * @param extraFlags more browser flags (tests run it headless)
     */
    public void openBrowser(List<String> extraFlags, String startUrl) {
        if (preferences.get().reverse()) {
            notice.set("A browser goes through an explicit proxy: switch the mode to Explicit in the settings first.");
            return;
        }
        if (state.get() == State.STOPPED) {
            start();
        }
        if (state.get() == State.RUNNING) {
            launchBrowser(extraFlags, startUrl);
            return;
        }
        javafx.beans.value.ChangeListener<State> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends State> obs, State old, State now) {
                if (now == State.RUNNING || now == State.STOPPED) {
                    state.removeListener(this);
                }
                if (now == State.RUNNING) {
                    launchBrowser(extraFlags, startUrl);
                }
            }
        };
        state.addListener(once);
    }

    private void launchBrowser(List<String> extraFlags, String startUrl) {
        String at = reachableAddress();
        notice.set("Starting a browser through " + at + "\u2026");
        background.run(control -> BrowserLauncher.launch(at, LocalAuthority.in(app.dataDir()).info().spkiSha256(),
                extraFlags, startUrl), launched -> {
                    browsers.add(launched);
                    launched.process().onExit().thenRun(() -> browsers.remove(launched));
                    notice.set("Opened " + launched.browser().getFileName() + " through the proxy with a temporary profile"
                            + " (deleted when it exits). Its WebSocket connections appear below.");
                }, failed -> notice.set("Cannot open a browser: " + failed.getMessage()));
    }

    /**
     * What the proxy trusted upstream when it last started (the system's CAs and the user's CA
     * file): the server leg of its connections is judged by it, as the proxy judged it.
     */
    public dev.sockscope.core.TrustOptions upstreamTrust() {
        ProxyPreferences p = startedWith != null ? startedWith : preferences.get();
        return new dev.sockscope.core.TrustOptions(p.caFile().isEmpty() ? null : java.nio.file.Path.of(p.caFile()),
                java.util.Set.of());
    }

    /**
     * Where an app on this computer reaches the proxy: its address, with a wildcard listen address
     * (0.0.0.0, ::) given as loopback, which every system connects to.
     */
    public String reachableAddress() {
        String at = address.get();
        int colon = at.lastIndexOf(':');
        if (colon < 0) {
            return at;
        }
        String host = at.substring(0, colon);
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.matches("[0:]+");
        return wildcard ? "127.0.0.1" + at.substring(colon) : at;
    }

    /** Set by the settings pane: a field that cannot be used; the proxy does not start meanwhile. */
    public javafx.beans.property.StringProperty settingsProblemProperty() {
        return settingsProblem;
    }

    /** What the last browser launch did, or why it could not. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The browsers opened through the proxy that still run. */
    public List<BrowserLauncher.Launched> browsers() {
        return List.copyOf(browsers);
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<ProxiedRow> rows() {
        return rows;
    }
}
