package dev.sockscope.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Headless Chromium (Debian's package) driven over the DevTools protocol: evaluate JavaScript in
 * a page and collect the protocol's events, as DevTools itself receives them.
 */
public final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final Page page;

    private Chromium(Process process, Path profile, Page page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** The chromium binary, or null when it is not installed. */
    public static Path binary() {
        for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        return null;
    }

    /** Starts Chromium headless on a blank page and attaches to that page. */
    public static Chromium start() throws Exception {
        return start(List.of());
    }

    /** As {@link #start()}, with more command-line flags (a proxy, say). */
    public static Chromium start(List<String> flags) throws Exception {
        Path profile = Files.createTempDirectory("sockscope-chromium");
        List<String> command = new java.util.ArrayList<>(List.of(binary().toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile));
        command.addAll(flags);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI browser = awaitDevTools(process);
            String base = "http://" + browser.getHost() + ":" + browser.getPort();
            String pageUrl = null;
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (pageUrl == null && System.nanoTime() < deadline) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText())) {
                        pageUrl = t.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (pageUrl == null) {
                    Thread.sleep(100);
                }
            }
            if (pageUrl == null) {
                throw new IllegalStateException("Chromium showed no page to attach to");
            }
            Page page = new Page(URI.create(pageUrl));
            if (!page.connectBlocking(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("cannot attach to Chromium's page");
            }
            return new Chromium(process, profile, page);
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static URI awaitDevTools(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("Chromium exited before DevTools listened:\n" + seen);
    }

    /** Sends a protocol command and waits for its result. */
    public JsonNode call(String method, Map<String, Object> params) throws Exception {
        return page.call(method, params);
    }

    /** The protocol's events so far, in order of arrival (method and params). */
    public BlockingQueue<JsonNode> events() {
        return page.events;
    }

    @Override
    public void close() throws Exception {
        page.close();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        deleteProfile();
    }

    /**
     * Deletes the profile directory. Chromium's helper processes can outlive the browser by a
     * moment and still write or rename files in it: a file that vanishes during the walk is
     * simply gone, and the walk is tried again.
     */
    private void deleteProfile() throws InterruptedException {
        for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException raced) {
                Thread.sleep(200);
            }
        }
    }

    /** One page's DevTools connection: commands with ids, events queued. */
    private static final class Page extends WebSocketClient {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

        Page(URI uri) {
            super(uri);
            setConnectionLostTimeout(0);
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            waiting.put(id, reply);
            ObjectNode command = JSON.createObjectNode();
            command.put("id", id);
            command.put("method", method);
            command.set("params", JSON.valueToTree(params));
            send(JSON.writeValueAsString(command));
            JsonNode answer = reply.get(30, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        }

        @Override
        public void onMessage(String message) {
            try {
                JsonNode node = JSON.readTree(message);
                if (node.has("id")) {
                    CompletableFuture<JsonNode> reply = waiting.remove(node.get("id").asInt());
                    if (reply != null) {
                        reply.complete(node);
                    }
                } else {
                    events.add(node);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // commands are sent by call()
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            waiting.values().forEach(f -> f.completeExceptionally(new IOException("DevTools connection closed: " + reason)));
        }

        @Override
        public void onError(Exception ex) {
            waiting.values().forEach(f -> f.completeExceptionally(ex));
        }
    }
}
