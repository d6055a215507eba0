package dev.sockscope.ui.sessions;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.MockService;
import dev.sockscope.app.Replayer;
import dev.sockscope.app.Reproductions;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.diff.Alignment;
import dev.sockscope.replay.Conversation;
import dev.sockscope.ui.common.CopyButton;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.compare.ComparisonView;
import dev.sockscope.ui.fx.Background;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * A recorded connection made into a reproduction from the window: "Replay…" (node id
 * {@code replayConnection}), "Serve as mock…" ({@code serveAsMock}) and "Compare with…"
 * ({@code compareConnection}), and a banner ({@code reproduceBanner}) that says how a replay went
 * (with the way to compare it with the original) and where the mock serves ({@code mockAddress},
 * {@code copyMockAddress}, {@code stopMock}). All reading, replaying and serving happens off the
 * FX thread. One mock at a time per session view; it stops when the view closes.
 */
public final class ReproduceActions {
    /**
     * How to replay: where, with which headers ("Name: value" lines) and subprotocols (comma
     * separated), at what pace (a speed factor, or 0 for as fast as the server answers), into which
     * session. Null headers or subprotocols: as recorded.
     */
    public record ReplayChoice(String url, String headers, String subprotocols, double speed, String into) {
    }

    /** How to serve: the port (0 for any), matching, fields to ignore, delays, TLS. */
    public record MockChoice(int port, boolean byContent, String ignored, boolean noWait, boolean tls) {
    }

    /** What to compare with: a connection, and the fields to ignore. */
    public record CompareChoice(RecordedConnection other, String ignored) {
    }

    private final Reproductions reproductions;
    private final Background background;
    private final Supplier<RecordedConnection> selected;
    private final Supplier<Window> owner;
    private final Consumer<ComparisonView> openComparison;
    private final Consumer<String> openSession;
    private final Button replay = button("Replay\u2026", Feather.REPEAT, "replayConnection",
            "Send the app's messages of this connection again, to the same server or another, and record the answers");
    private final Button serve = button("Serve as mock\u2026", Feather.SERVER, "serveAsMock",
            "Serve this connection's server side to any WebSocket client, on a local port");
    private final Button compare = button("Compare with\u2026", Feather.COLUMNS, "compareConnection",
            "Compare this connection message by message with another recorded one");
    private final Label message = new Label();
    /** How many clients the mock has, and its last notice. */
    private final Label mockState = new Label();
    private final javafx.animation.Timeline mockTicks = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
            javafx.util.Duration.seconds(1), e -> showMockState()));
    private String lastNotice = "";
    private final HBox actions = new HBox(6);
    private final VBox banner = new VBox(4);
    private MockService.Running mock;
    /** The connections selected together in the list: two are compared with each other. */
    private java.util.List<RecordedConnection> together = java.util.List.of();
    private boolean disposed;

    /**
     * @param selected the connection the actions apply to (null: none selected)
     * @param openComparison shows a comparison (in a tab of its own)
     * @param openSession shows a recorded session
     */
    public ReproduceActions(Reproductions reproductions, Background background, Supplier<RecordedConnection> selected,
            Supplier<Window> owner, Consumer<ComparisonView> openComparison, Consumer<String> openSession) {
        this.reproductions = reproductions;
        this.background = background;
        this.selected = selected;
        this.owner = owner;
        this.openComparison = openComparison;
        this.openSession = openSession;
        replay.setOnAction(e -> askReplay());
        serve.setOnAction(e -> askMock());
        compare.setOnAction(e -> askCompare());
        banner.setId("reproduceBanner");
        banner.getStyleClass().add("reproduce-banner");
        banner.setPadding(new Insets(8, 12, 8, 12));
        message.setWrapText(true);
        message.setMinWidth(0);
        actions.setAlignment(Pos.CENTER_LEFT);
        mockState.setId("mockState");
        mockState.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        mockState.setWrapText(true);
        mockState.managedProperty().bind(mockState.visibleProperty());
        mockState.setVisible(false);
        mockTicks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        banner.getChildren().addAll(message, actions, mockState);
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
    }

    /** The three buttons, a row under the recorded connection's bar. */
    public HBox buttons() {
        Label what = new Label("Reproduce");
        what.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox box = new HBox(6, what, replay, serve, compare);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 12, 6, 12));
        return box;
    }

    /** Where outcomes show, under the bar. */
    public VBox banner() {
        return banner;
    }

    /** Enables what applies to this connection: only one that opened has sides to replay or serve. */
    public void selectionChanged(RecordedConnection connection) {
        boolean opened = connection != null && connection.opened() != null;
        replay.setDisable(!opened);
        serve.setDisable(!opened || mock != null);
        compare.setDisable(connection == null);
    }

    private void askReplay() {
        RecordedConnection c = selected.get();
        if (c == null) {
            return;
        }
        background.run(control -> new ReplayDefaults(reproductions.freeSessionName(c.session() + " replay"),
                reproductions.conversation(c)), defaults -> ReproduceDialogs.replay(owner.get(), c, defaults.session(),
                        defaults.recording()).ifPresent(choice -> startReplay(c, choice)),
                e -> say(e.getMessage(), Styles.DANGER));
    }

    /** What the replay dialog starts from: a free session name and the recording (for its headers). */
    private record ReplayDefaults(String session, Conversation recording) {
    }

    /** Replays {@code c} as chosen and says how it went in the banner. */
    public void startReplay(RecordedConnection c, ReplayChoice choice) {
        Replayer.Options options;
        try {
            WsUrl url = choice.url().strip().equals(c.url()) ? null : WsUrl.parse(choice.url());
            options = new Replayer.Options(url, choice.speed() > 0 ? choice.speed() : 1, choice.speed() <= 0, choice.into(),
                    Duration.ofSeconds(5), TrustOptions.DEFAULT, headerList(choice.headers()), protocolList(choice.subprotocols()));
        } catch (RuntimeException e) {
            say("Cannot replay: " + e.getMessage(), Styles.DANGER);
            return;
        }
        replay.setDisable(true);
        say("Replaying connection " + c.id() + " to " + (options.url() != null ? options.url() : c.url()) + "\u2026",
                Styles.ACCENT);
        background.run(control -> reproductions.conversation(c), recording -> reproductions.replay(recording, options)
                .whenComplete((result, error) -> background.ui().run(() -> replayed(c, recording, result, error))),
                e -> replayFailed(e.getMessage()));
    }

    /** "Name: value" lines as headers; null stays null (as recorded). */
    private static java.util.List<dev.sockscope.core.Header> headerList(String lines) {
        if (lines == null) {
            return null;
        }
        java.util.List<dev.sockscope.core.Header> out = new java.util.ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            dev.sockscope.core.Header h = dev.sockscope.core.Header.parse(line);
            String refusal = dev.sockscope.core.Header.refusalOf(h.name());
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
            out.add(h);
        }
        return out;
    }

    private static java.util.List<String> protocolList(String text) {
        if (text == null) {
            return null;
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private void replayed(RecordedConnection c, Conversation recording, Replayer.Result result, Throwable error) {
        if (disposed) {
            return;
        }
        replay.setDisable(false);
        if (error != null) {
            replayFailed(error.getMessage());
            return;
        }
        if (result.failure().isPresent()) {
            replayFailed(result.failure().get());
            return;
        }
        String where = result.storedAs() == null ? "" : ", recorded in session \u201c" + result.storedAs().session() + "\u201d";
        say("Replayed connection " + c.id() + ": sent " + result.sent() + " of " + recording.sent().size()
                + " messages, received " + result.received().size() + " (" + recording.received().size() + " recorded)" + where
                + ".", Styles.SUCCESS);
        if (result.storedAs() != null) {
            Button compareIt = button("Compare with the original", Feather.COLUMNS, "compareReplay",
                    "The recording and the replay, message by message");
            String session = result.storedAs().session();
            long id = result.storedAs().id();
            compareIt.setOnAction(e -> background.run(control -> reproductions.openedIn(session).stream()
                    .filter(r -> r.id() == id).findFirst().orElse(null), replayed -> {
                        if (replayed != null) {
                            openComparison.accept(comparison(c, replayed, ""));
                        }
                    }, x -> say(x.getMessage(), Styles.DANGER)));
            Button open = button("Open its session", Feather.ARCHIVE, "openReplaySession", "The replay as recorded");
            open.setOnAction(e -> openSession.accept(session));
            actions.getChildren().setAll(compareIt, open);
        }
    }

    private void replayFailed(String why) {
        replay.setDisable(false);
        say("The replay could not run: " + why, Styles.DANGER);
    }

    private void askMock() {
        RecordedConnection c = selected.get();
        if (c != null) {
            ReproduceDialogs.mock(owner.get(), c).ifPresent(choice -> startMock(c, choice));
        }
    }

    /** Starts serving {@code c} as chosen; the banner then shows the address. */
    public void startMock(RecordedConnection c, MockChoice choice) {
        if (choice.port() < 0 || choice.port() > 65_535) {
            say("The port is a number from 0 (any free one) to 65535", Styles.DANGER);
            return;
        }
        Set<String> ignored = new LinkedHashSet<>();
        for (String p : choice.ignored().split("[\\s,]+")) {
            if (!p.isBlank()) {
                ignored.add(p);
            }
        }
        serve.setDisable(true);
        background.run(control -> {
            Conversation recording = reproductions.conversation(c);
            MockService.Options options = new MockService.Options("127.0.0.1", choice.port(),
                    choice.byContent() ? Alignment.Mode.CONTENT : Alignment.Mode.ORDER, ignored, false, choice.noWait(),
                    choice.tls(), reproductions.freeSessionName(c.session() + " mock"));
            return new Served(reproductions.serve(recording, options, notice -> background.ui().run(() -> noticed(notice))),
                    options.into());
        }, served -> serving(c, served.running(), served.session()), e -> {
            serve.setDisable(false);
            say("Cannot serve as mock: " + e.getMessage(), Styles.DANGER);
        });
    }

    /** A mock that started, and the session its clients are recorded in. */
    private record Served(MockService.Running running, String session) {
    }

    private void serving(RecordedConnection c, MockService.Running running, String session) {
        if (disposed) {
            background.run(control -> {
                running.close();
                return null;
            }, x -> { }, x -> { });
            return;
        }
        mock = running;
        String url = running.urlFor(c.url());
        say("Serving connection " + c.id() + " as a mock server; its clients are recorded in session \u201c" + session
                + "\u201d. Point the app at", Styles.SUCCESS);
        Label address = new Label(url);
        address.setId("mockAddress");
        address.getStyleClass().addAll("mock-address", Styles.TEXT_BOLD);
        Button copy = CopyButton.create("Copy address", Feather.COPY, "Copy the mock's URL", () -> url, banner, 0, "copy-mock");
        copy.setId("copyMockAddress");
        Button stop = button("Stop", Feather.SQUARE, "stopMock", "Stop the mock server; its clients get 1001 Going Away");
        stop.setOnAction(e -> stopMock());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        actions.getChildren().setAll(address, copy, spacer, stop);
        lastNotice = "";
        showMockState();
        mockState.setVisible(true);
        mockTicks.play();
    }

    private void noticed(String notice) {
        if (mock != null && !disposed) {
            lastNotice = notice;
            showMockState();
        }
    }

    /** Clients now and in all, and what the mock last had to say (a message nothing matched). */
    private void showMockState() {
        MockService.Running running = mock;
        if (running == null) {
            return;
        }
        int now = running.connected();
        int all = running.accepted();
        mockState.setText((all == 0 ? "No client yet." : now + (now == 1 ? " client" : " clients") + " connected, " + all
                + " in all.") + (lastNotice.isEmpty() ? "" : " Last notice: " + lastNotice));
    }

    /** Stops the mock server, off the FX thread. */
    public void stopMock() {
        MockService.Running running = mock;
        mock = null;
        mockTicks.stop();
        mockState.setVisible(false);
        if (running == null) {
            return;
        }
        background.run(control -> {
            running.close();
            return null;
        }, x -> {
            if (!disposed) {
                say("The mock server stopped.", Styles.TEXT_MUTED);
                actions.getChildren().clear();
                selectionChanged(selected.get());
            }
        }, x -> say("Stopping the mock: " + x.getMessage(), Styles.DANGER));
    }

    /** Told of the list's selection: with two selected, "Compare" compares them. */
    public void selectedTogether(java.util.List<RecordedConnection> connections) {
        together = connections;
        compare.setText(connections.size() == 2 ? "Compare the two" : "Compare with\u2026");
    }

    private void askCompare() {
        if (together.size() == 2) {
            RecordedConnection a = together.get(0).id() < together.get(1).id() ? together.get(0) : together.get(1);
            RecordedConnection b = a == together.get(0) ? together.get(1) : together.get(0);
            openComparison.accept(comparison(a, b, ""));
            return;
        }
        RecordedConnection c = selected.get();
        if (c == null) {
            return;
        }
        background.run(control -> reproductions.sessionNames(), names -> ReproduceDialogs.compare(owner.get(), c, names,
                (session, done) -> background.run(control -> reproductions.openedIn(session), done,
                        e -> say(e.getMessage(), Styles.DANGER)))
                .ifPresent(choice -> openComparison.accept(comparison(c, choice.other(), choice.ignored()))),
                e -> say(e.getMessage(), Styles.DANGER));
    }

    /** A comparison of two recorded connections, reading them off the FX thread. */
    public ComparisonView comparison(RecordedConnection a, RecordedConnection b, String ignored) {
        return new ComparisonView(reproductions, background, a, b, ignored);
    }

    /** Stops what runs: the mock server. */
    public void dispose() {
        stopMock();
        disposed = true;
    }

    private void say(String text, String style) {
        banner.setVisible(true);
        message.setText(text);
        message.getStyleClass().setAll("label", style);
        if (!Styles.ACCENT.equals(style) || mock == null) {
            actions.getChildren().clear();
        }
    }

    private static Button button(String text, Feather icon, String id, String tip) {
        Button b = new Button(text, Icons.of(icon, 13));
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        return b;
    }
}
